package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.internal.Backoff;
import io.github.heartbeatsdk.internal.BeatScheduler;
import io.github.heartbeatsdk.internal.HostFacts;
import io.github.heartbeatsdk.internal.DaemonThreadFactory;
import io.github.heartbeatsdk.internal.Dispatcher;
import io.github.heartbeatsdk.internal.HttpSettings;
import io.github.heartbeatsdk.internal.HttpTransport;
import io.github.heartbeatsdk.internal.ShutdownHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells a monitoring backend "I am alive": one-shot {@link #ping()}s at the end of a job, and
 * periodic beats with instance metadata and ext info after {@link #start()}, delivered on the
 * client's own thread so the caller never waits for the network.
 *
 * <pre>{@code
 * try (HeartbeatClient hb = HeartbeatClient.builder()
 *         .endpoint(Endpoints.url("https://node.xitoring.com/heartbeat/<id>"))
 *         .build()) {
 *     runBackup();
 *     hb.ping();                  // returns at once; close() delivers it before returning
 * }
 * }</pre>
 *
 * <p><b>Threading.</b> Every method is thread-safe and returns without waiting for the network.
 * Delivery runs on one daemon thread named {@code heartbeat-sdk-N} (created on first use), or on
 * the executor given to {@link Builder#executor}. Futures complete on that thread, so callbacks
 * attached to them should be quick.
 *
 * <p><b>Failures.</b> No method throws because of the network or the backend: every signal ends
 * in a {@link DeliveryResult}, and {@link #stats()} counts them.
 *
 * <p><b>Exit.</b> {@link #close()} delivers what is pending within {@link Builder#flushTimeout},
 * then stops the SDK's threads. A JVM shutdown hook (see {@link Builder#shutdownHook}) does the
 * same for a program that simply returns from {@code main} or calls {@code System.exit}.
 */
public final class HeartbeatClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeartbeatClient.class);

    private final ClientSettings settings;
    private final Dispatcher dispatcher;
    private final ExtInfoRegistry extInfo = new ExtInfoRegistry();
    private final AtomicBoolean closed = new AtomicBoolean();
    private BeatScheduler beats;

    HeartbeatClient(ClientSettings settings, Dispatcher dispatcher) {
        this.settings = settings;
        this.dispatcher = dispatcher;
        if (settings.shutdownHook) {
            ShutdownHooks.register(this);
        }
    }

    /** Returns a builder; {@link Builder#endpoint} is the only required setting. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Queues a one-shot "I am alive" ping and returns at once.
     *
     * <p>The returned stage completes on the delivery thread once the ping is delivered or has
     * failed for good (transient failures are retried until {@link Builder#retryDeadline}). To
     * wait, bound it: {@code hb.ping().toCompletableFuture().get(5, TimeUnit.SECONDS)}. After
     * {@link #close()} the stage is already completed as {@link Outcome#DROPPED}.
     *
     * @return the delivery's result; never fails exceptionally
     */
    public CompletionStage<DeliveryResult> ping() {
        return submit(Signal.ping(settings.clock.millis()));
    }

    CompletionStage<DeliveryResult> submit(Signal signal) {
        if (closed.get()) {
            CompletableFuture<DeliveryResult> done = new CompletableFuture<DeliveryResult>();
            done.complete(new DeliveryResult(Outcome.DROPPED, 0, 0, "client is closed"));
            return done;
        }
        return dispatcher.submit(signal, signal.timestampMillis() + settings.retryDeadline.toMillis());
    }

    /**
     * Starts periodic beats: the first after a random delay of up to 10 s (or the interval, if
     * shorter), then every {@link Builder#interval} at a fixed rate until {@link #close()}.
     *
     * <p>Each beat carries this instance's metadata and every ext-info provider's fresh answer.
     * While a beat is still being delivered, the next one is skipped (and counted in
     * {@link HeartbeatStats#beatsSkipped()}), never queued behind it; a beat is retried only
     * within its own interval.
     *
     * @throws IllegalStateException when already started, or when the client is closed
     */
    public synchronized void start() {
        if (closed.get()) {
            throw new IllegalStateException("start() after close(): this client is closed; build a new one");
        }
        if (beats != null) {
            throw new IllegalStateException("start() was already called; beats are running every " + settings.interval);
        }
        beats = new BeatScheduler(settings.executor, settings.clock, dispatcher, settings.stats,
                settings.interval.toMillis(), new BeatFactory(settings.identity, extInfo, HostFacts::nonLoopbackIpv4));
        beats.start();
    }

    /** The ext-info providers whose answers ride on every periodic beat, one entry per plugin. */
    public ExtInfoRegistry extInfo() {
        return extInfo;
    }

    /**
     * Sets the application's own ext info, the shorthand of Sermant's {@code HeartbeatService}:
     * {@code hb.setExtInfo(() -> Collections.singletonMap("status", "started"))}. It is the entry
     * named {@value ExtInfoRegistry#APPLICATION} of {@link #extInfo()}; a second call replaces it.
     */
    public void setExtInfo(ExtInfoProvider provider) {
        extInfo.registerApplication(provider);
    }

    /** A snapshot of what this client has sent, dropped and failed so far. Cheap; never blocks. */
    public HeartbeatStats stats() {
        return settings.stats.snapshot();
    }

    /**
     * Delivers pending signals within {@link Builder#flushTimeout}, then releases the SDK's
     * threads and connections (never an executor or HTTP client the user owns).
     *
     * <p>Idempotent. Signals still pending when the timeout passes end as FAILED or DROPPED and
     * are counted. If the calling thread is interrupted, pending signals are given up at once and
     * the interrupt flag is restored.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ShutdownHooks.unregister(this);
        synchronized (this) {
            if (beats != null) {
                beats.stop();
            }
        }
        try {
            long deadline = settings.clock.millis() + settings.flushTimeout.toMillis();
            if (!dispatcher.flush(deadline)) {
                log.warn("heartbeat-sdk closing with {} signal(s) undelivered after flushTimeout {}",
                        dispatcher.unfinished(), settings.flushTimeout);
                dispatcher.abandon("client closed before delivery");
            }
        } catch (InterruptedException e) {
            dispatcher.abandon("client closed before delivery (interrupted)");
            Thread.currentThread().interrupt();
        } finally {
            stopOwnedExecutor();
            dispatcher.closeTransport();
        }
    }

    private void stopOwnedExecutor() {
        if (!settings.ownsExecutor) {
            return;
        }
        ScheduledExecutorService executor = settings.executor;
        executor.shutdown();
        if (dispatcher.isDeliveryThread()) {
            return; // close() called from a callback on our own thread; it ends when the callback returns
        }
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Shows the endpoint with its secret masked. */
    @Override
    public String toString() {
        return "HeartbeatClient{endpoint=" + settings.endpointName + (closed.get() ? ", closed" : "") + "}";
    }

    /**
     * Configures a {@link HeartbeatClient}. Each setter may be called once (a second call is a
     * mistake and throws); {@link #build()} fills in the documented defaults and checks
     * everything, naming the setting and the value it was given.
     */
    public static final class Builder {
        /** Default {@link #connectTimeout}: 5 s, Sermant's {@code gateway.nettyConnectTimeout}. */
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
        /** Default {@link #readTimeout}: 10 s. */
        public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
        /** Default {@link #callTimeout}: 15 s. */
        public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);
        /** Default {@link #retryDeadline}: 60 s. */
        public static final Duration DEFAULT_RETRY_DEADLINE = Duration.ofSeconds(60);
        /** Default {@link #flushTimeout}: 5 s. */
        public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(5);
        /** Default {@link #queueCapacity}: 10 000 signals. */
        public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
        /** Default {@link #interval}: 30 s, the value in Sermant's shipped config.properties. */
        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
        /** The shortest {@link #interval} accepted: 1 s. */
        public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
        /** Default for {@link #service}, {@link #appName}, {@link #appType} and {@link #artifact}, as in Sermant. */
        public static final String DEFAULT_NAME = "default";
        /** Default first retry wait (then doubled, with jitter): 1 s. */
        static final long BACKOFF_INITIAL_MILLIS = 1_000;
        /** Longest wait between two retries: 30 s. */
        static final long BACKOFF_CAP_MILLIS = 30_000;

        private Endpoint endpoint;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private Duration retryDeadline;
        private Duration flushTimeout;
        private Integer queueCapacity;
        private Boolean shutdownHook;
        private ScheduledExecutorService executor;
        private Object httpClient;
        private Clock clock;
        private Duration interval;
        private String service;
        private String appName;
        private String appType;
        private String artifact;
        private String instanceId;

        Builder() {
        }

        /**
         * The time between periodic beats after {@link HeartbeatClient#start()}. Default 30 s;
         * at least 1 s.
         */
        public Builder interval(Duration interval) {
            requireNonNull("interval", interval);
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException("interval must be >= 1s, got " + interval);
            }
            this.interval = once("interval", this.interval, interval);
            return this;
        }

        /** The service name beats report (Sermant's {@code serviceName}). Default {@code "default"}. */
        public Builder service(String service) {
            this.service = once("service", this.service, notBlank("service", service));
            return this;
        }

        /** The application name beats report. Default {@code "default"}. */
        public Builder appName(String appName) {
            this.appName = once("appName", this.appName, notBlank("appName", appName));
            return this;
        }

        /** The application type beats report. Default {@code "default"}. */
        public Builder appType(String appType) {
            this.appType = once("appType", this.appType, notBlank("appType", appType));
            return this;
        }

        /** The artifact name beats report. Default {@code "default"}. */
        public Builder artifact(String artifact) {
            this.artifact = once("artifact", this.artifact, notBlank("artifact", artifact));
            return this;
        }

        /**
         * The instance id beats report. Default: a random UUID per client, so a restarted service
         * is a new instance; set it to keep a restarted service's identity.
         */
        public Builder instanceId(String instanceId) {
            this.instanceId = once("instanceId", this.instanceId, notBlank("instanceId", instanceId));
            return this;
        }

        /** Where signals go, for example {@link Endpoints#url(String)}. Required. */
        public Builder endpoint(Endpoint endpoint) {
            this.endpoint = once("endpoint", this.endpoint, requireNonNull("endpoint", endpoint));
            return this;
        }

        /** How long to wait for a TCP (and TLS) connection. Default 5 s; must be positive. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = once("connectTimeout", this.connectTimeout, positive("connectTimeout", timeout));
            return this;
        }

        /** How long to wait for each read and write on a connection. Default 10 s; must be positive. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = once("readTimeout", this.readTimeout, positive("readTimeout", timeout));
            return this;
        }

        /** The whole of one attempt: connect, send, read the answer. Default 15 s; must be positive. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = once("callTimeout", this.callTimeout, positive("callTimeout", timeout));
            return this;
        }

        /**
         * How long after its creation a signal may still be retried after transient failures
         * (I/O errors, 408, 429, 5xx). Default 60 s; must be positive. Retries back off
         * exponentially from 1 s up to 30 s, with jitter, and honour {@code Retry-After}.
         */
        public Builder retryDeadline(Duration deadline) {
            this.retryDeadline = once("retryDeadline", this.retryDeadline, positive("retryDeadline", deadline));
            return this;
        }

        /** How long {@link HeartbeatClient#close()} (and the shutdown hook) may spend delivering what is pending. Default 5 s; zero means do not wait. */
        public Builder flushTimeout(Duration timeout) {
            requireNonNull("flushTimeout", timeout);
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("flushTimeout must be >= 0, got " + timeout);
            }
            this.flushTimeout = once("flushTimeout", this.flushTimeout, timeout);
            return this;
        }

        /**
         * How many signals may wait for delivery. Default 10 000. When full, the oldest periodic
         * beat is dropped first, then the oldest one-shot signal, and a job's end signal last;
         * every drop is counted in {@link HeartbeatClient#stats()}.
         */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be >= 1, got " + capacity);
            }
            this.queueCapacity = once("queueCapacity", this.queueCapacity, capacity);
            return this;
        }

        /** Whether a JVM shutdown hook closes (and so flushes) the client. Default true. */
        public Builder shutdownHook(boolean enabled) {
            this.shutdownHook = once("shutdownHook", this.shutdownHook, enabled);
            return this;
        }

        /**
         * Runs delivery on {@code executor} instead of the client's own thread; many clients may
         * share one. The SDK never shuts it down. Deliveries block the executor's thread for up to
         * {@link #callTimeout}, so give clients that talk to slow backends their own.
         */
        public Builder executor(ScheduledExecutorService executor) {
            this.executor = once("executor", this.executor, requireNonNull("executor", executor));
            return this;
        }

        /**
         * Sends HTTP through {@code okHttpClient}, an {@code okhttp3.OkHttpClient} the user owns
         * (for a proxy, a custom CA or mTLS). Typed {@code Object} to keep OkHttp out of this API.
         * The SDK derives a client from it with this builder's timeouts, sharing its connection
         * pool, and never shuts it down. Https-to-http redirects are never followed.
         *
         * @throws IllegalArgumentException when it is not an {@code okhttp3.OkHttpClient}
         */
        public Builder httpClient(Object okHttpClient) {
            HttpSettings.requireOkHttpClient(okHttpClient);
            this.httpClient = once("httpClient", this.httpClient, okHttpClient);
            return this;
        }

        /** The clock for timestamps, deadlines and backoff. Default {@link Clock#systemUTC()}; tests pass a fake. */
        public Builder clock(Clock clock) {
            this.clock = once("clock", this.clock, requireNonNull("clock", clock));
            return this;
        }

        /**
         * Creates the client. Cheap: no thread starts and no HTTP class loads until the first
         * signal is delivered.
         *
         * @throws IllegalStateException when no endpoint was set
         */
        public HeartbeatClient build() {
            if (endpoint == null) {
                throw new IllegalStateException("endpoint is required: call endpoint(...) before build()");
            }
            Clock resolvedClock = clock != null ? clock : Clock.systemUTC();
            boolean ownsExecutor = executor == null;
            ScheduledExecutorService resolvedExecutor = ownsExecutor ? newOwnExecutor() : executor;
            ClientSettings settings = new ClientSettings(endpoint, resolvedClock, resolvedExecutor, ownsExecutor,
                    or(retryDeadline, DEFAULT_RETRY_DEADLINE), or(flushTimeout, DEFAULT_FLUSH_TIMEOUT),
                    shutdownHook == null || shutdownHook, or(interval, DEFAULT_INTERVAL),
                    new BeatFactory.Identity(or(service, DEFAULT_NAME), or(appName, DEFAULT_NAME),
                            or(appType, DEFAULT_NAME), or(artifact, DEFAULT_NAME),
                            instanceId != null ? instanceId : UUID.randomUUID().toString()));
            HttpSettings http = new HttpSettings(httpClient, or(connectTimeout, DEFAULT_CONNECT_TIMEOUT),
                    or(readTimeout, DEFAULT_READ_TIMEOUT), or(callTimeout, DEFAULT_CALL_TIMEOUT));
            Dispatcher dispatcher = new Dispatcher(new HttpTransport(endpoint, http, resolvedClock), resolvedExecutor,
                    resolvedClock, new Backoff(BACKOFF_INITIAL_MILLIS, BACKOFF_CAP_MILLIS),
                    queueCapacity == null ? DEFAULT_QUEUE_CAPACITY : queueCapacity, settings.stats,
                    settings.endpointName);
            return new HeartbeatClient(settings, dispatcher);
        }

        private static ScheduledExecutorService newOwnExecutor() {
            ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory());
            own.setRemoveOnCancelPolicy(true);
            own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            return own;
        }

        private static <T> T once(String setting, T current, T value) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + describe(current));
            }
            return value;
        }

        private static String describe(Object value) {
            return value instanceof Endpoint ? ClientSettings.nameOf((Endpoint) value) : String.valueOf(value);
        }

        private static <T> T requireNonNull(String setting, T value) {
            if (value == null) {
                throw new NullPointerException(setting + " == null");
            }
            return value;
        }

        private static String notBlank(String setting, String value) {
            requireNonNull(setting, value);
            if (value.trim().isEmpty()) {
                throw new IllegalArgumentException(setting + " must not be blank, got '" + value + "'");
            }
            return value;
        }

        private static Duration positive(String setting, Duration value) {
            requireNonNull(setting, value);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(setting + " must be > 0, got " + value);
            }
            return value;
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }
}
