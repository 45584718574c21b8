package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.internal.BeatFactory;
import io.github.heartbeatsdk.internal.BeatScheduler;
import io.github.heartbeatsdk.internal.Checks;
import io.github.heartbeatsdk.internal.DaemonThreadFactory;
import io.github.heartbeatsdk.internal.Deliveries;
import io.github.heartbeatsdk.internal.LazyLogger;
import io.github.heartbeatsdk.internal.RandomIds;
import io.github.heartbeatsdk.internal.ResultFuture;
import io.github.heartbeatsdk.internal.ShutdownHooks;
import io.github.heartbeatsdk.internal.transport.HttpSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

import static io.github.heartbeatsdk.internal.Checks.atMost;
import static io.github.heartbeatsdk.internal.Checks.notBlank;
import static io.github.heartbeatsdk.internal.Checks.once;
import static io.github.heartbeatsdk.internal.Checks.positive;
import static io.github.heartbeatsdk.internal.Checks.requireNonNull;

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
 * the executor given to {@link Builder#executor}. Futures complete on that thread (a signal
 * dropped because the queue was full completes on the thread that offered the newer one), so
 * callbacks attached to them should be quick.
 *
 * <p><b>Failures.</b> No method throws because of the network or the backend: every signal ends
 * in a {@link DeliveryResult}, and {@link #stats()} counts them.
 *
 * <p><b>Exit.</b> {@link #close()} delivers what is pending within {@link Builder#flushTimeout},
 * then stops the SDK's threads. A JVM shutdown hook (see {@link Builder#shutdownHook}) does the
 * same for a program that simply returns from {@code main} or calls {@code System.exit}.
 */
public final class HeartbeatClient implements AutoCloseable {
    private static final LazyLogger log = new LazyLogger(HeartbeatClient.class);

    private final ClientSettings settings;
    private final Deliveries deliveries;
    private final ExtInfoRegistry extInfo = new ExtInfoRegistry();
    /** Beyond the flush timeout, how long a second close() waits for the first: stopping threads and transports. */
    private static final long CLOSE_SLACK_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static final AtomicIntegerFieldUpdater<HeartbeatClient> CLOSED =
            AtomicIntegerFieldUpdater.newUpdater(HeartbeatClient.class, "closed");
    /** 1 once close() was called; an int with a field updater, not an AtomicBoolean: 16 bytes less per client. */
    private volatile int closed;
    /** True once the JVM's shutdown began and the exit hook flushed this client. */
    private volatile boolean exiting;
    /** What the one JVM shutdown hook calls for this client; an object of its own, so flushing at exit is not API. */
    private final AutoCloseable exitFlush = new AutoCloseable() {
        @Override
        public void close() {
            flushAtExit();
        }
    };
    private boolean closeFinished; // guarded by this
    private volatile Thread closingThread;
    private BeatScheduler beats;

    HeartbeatClient(ClientSettings settings, Deliveries deliveries) {
        this.settings = settings;
        this.deliveries = deliveries;
        if (settings.shutdownHook && isEnabled()) {
            ShutdownHooks.register(exitFlush);
        }
    }

    /** Returns a builder; {@link Builder#endpoint} is the only required setting. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a client from configuration alone, for example
     * {@code HeartbeatClient.fromConfig(HeartbeatConfig.standard(Paths.get("config/heartbeat.properties")))}.
     * With {@code heartbeat.enabled=false} the client does nothing and starts no thread.
     *
     * @throws IllegalArgumentException naming the key for a bad or unknown {@code heartbeat.*} key
     * @throws IllegalStateException when enabled and no endpoint is configured
     */
    public static HeartbeatClient fromConfig(HeartbeatConfig config) {
        return builder().config(config).build();
    }

    /** False for a client built with {@code heartbeat.enabled=false}: then every call does nothing. */
    public boolean isEnabled() {
        return !deliveries.lanes().isEmpty();
    }

    /**
     * Queues a one-shot "I am alive" ping and returns at once.
     *
     * <p>The returned stage completes on the delivery thread once the ping is delivered or has
     * failed for good (transient failures are retried until {@link Builder#retryDeadline}). To
     * wait, bound it: {@code hb.ping().toCompletableFuture().get(5, TimeUnit.SECONDS)}. After
     * {@link #close()} the stage is already completed as {@link Outcome#DROPPED}. The stage is
     * read-only (the SDK's to complete); {@code toCompletableFuture()} gives a copy of your own.
     *
     * <p>With several endpoints ({@link Builder#endpoints}), the stage completes when every
     * endpoint is done: with the first endpoint's result that is neither DELIVERED nor SKIPPED,
     * else DELIVERED if any endpoint delivered it, else SKIPPED.
     *
     * <p><b>During JVM shutdown</b>, after the SDK's exit hook has flushed this client, a signal
     * offered from another shutdown hook (a Spring bean's {@code @PreDestroy}, say) is still
     * delivered: this call then waits for it, at most {@link Builder#flushTimeout}, because the JVM
     * would otherwise exit first. Blocking a shutdown hook that pings is what its author wants.
     *
     * @return the delivery's result; never fails exceptionally
     */
    public CompletionStage<DeliveryResult> ping() {
        return submit(Signal.ping(settings.clock.millis()));
    }

    /**
     * Starts a run of the job {@code name}: sends its start signal with a fresh run id and
     * returns the run, which must be ended with {@link JobRun#success()}, {@link JobRun#fail},
     * {@link JobRun#exit} or closed (which reports failure).
     *
     * @throws IllegalArgumentException when {@code name} is blank, longer than
     *     256 characters, or holds a control character or line break (the
     *     message gives the length or the index, never the name)
     */
    public JobRun startJob(String name) {
        Checks.jobName(name);
        long now = nowMillis();
        JobRun run = new JobRun(this, name, RandomIds.uuid(), now);
        run.started(submit(Signal.job(SignalKind.START, now, name, run.runId(), -1, -1, null)));
        return run;
    }

    /** A run another process started: no start signal is sent (the agent's {@code success} after {@code start}). */
    JobRun resumeJob(String name, String runId, long startMillis) {
        Checks.jobName(name);
        Checks.runId(runId);
        JobRun run = new JobRun(this, name, runId, startMillis);
        run.started(ResultFuture.completed(new DeliveryResult(Outcome.SKIPPED, 0, 0, "started by another process")));
        return run;
    }

    /**
     * Runs {@code job} as a run of {@code name}: start, then success, or failure with the
     * exception's class and message. The job's own exception, checked or not, is rethrown
     * unchanged ({@code heartbeat.run("export", () -> Files.copy(from, to))} throws the
     * {@code IOException} as {@code Files.copy} does); a failure to deliver never changes what the
     * job does, and the job never waits for the network.
     *
     * @throws E what the job threw
     * @throws IllegalArgumentException for a bad job name (see {@link #startJob})
     */
    public <E extends Throwable> void run(String name, Job<E> job) throws E {
        if (job == null) {
            throw new NullPointerException("job == null");
        }
        JobRun run = startJob(name);
        try {
            job.run();
        } catch (Throwable e) { // also checked exceptions thrown sneakily (Kotlin, Lombok): rethrown as they are
            run.fail(e);
            throw e;
        }
        run.success();
    }

    /**
     * Calls {@code job} as a run of {@code name} and returns its result: start, then success, or
     * failure with the exception's class and message. The job's own exception is rethrown
     * unchanged; a failure to deliver never changes what the job does.
     */
    public <T> T call(String name, Callable<T> job) throws Exception {
        if (job == null) {
            throw new NullPointerException("job == null");
        }
        JobRun run = startJob(name);
        T result;
        try {
            result = job.call();
        } catch (Throwable e) {
            run.fail(e);
            throw e;
        }
        run.success();
        return result;
    }

    long nowMillis() {
        return settings.clock.millis();
    }

    CompletionStage<DeliveryResult> submit(Signal signal) {
        if (!isEnabled()) {
            return ResultFuture.completed(new DeliveryResult(Outcome.SKIPPED, 0, 0, "heartbeat disabled by configuration"));
        }
        // A closed client's lanes end the signal DROPPED at once, counted and reported like any other end.
        CompletionStage<DeliveryResult> stage = deliveries.submit(signal,
                signal.timestampMillis() + settings.retryDeadline.toMillis());
        if (exiting && closed == 0) {
            awaitAtExit(stage); // the JVM is going down and our hook has flushed: deliver before it exits
        }
        return stage;
    }

    /** Waits for {@code stage}, at most the flush timeout; never on the delivery thread, which delivers it. */
    private void awaitAtExit(CompletionStage<DeliveryResult> stage) {
        if (deliveries.isDeliveryThread()) {
            return;
        }
        try {
            stage.toCompletableFuture().get(settings.flushTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Timed out: the JVM exits anyway; the stage still ends (or dies with the JVM).
        }
    }

    /**
     * The JVM is shutting down: stop beating and deliver what is pending within the flush
     * timeout, but stay open, so a signal offered later by another shutdown hook is delivered
     * too. JVM hooks run in no order, and closing here would drop those signals.
     */
    private void flushAtExit() {
        if (closed != 0) {
            return;
        }
        exiting = true;
        synchronized (this) {
            if (beats != null) {
                beats.stop();
            }
        }
        deliveries.flush(settings.clock.millis() + settings.flushTimeout.toMillis());
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
        if (closed != 0) {
            throw new IllegalStateException("start() after close(): this client is closed; build a new one");
        }
        if (beats != null) {
            throw new IllegalStateException("start() was already called; beats are running every " + settings.interval);
        }
        if (!isEnabled()) {
            return; // disabled by configuration: no beat, no thread
        }
        BeatScheduler scheduler = new BeatScheduler(settings.clock, deliveries.lanes(), settings.stats,
                settings.interval.toMillis(), new BeatFactory(settings.identity, extInfo), settings.beatCondition);
        scheduler.start(); // throws if the user's executor is shut down: start() may then be called again
        beats = scheduler;
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
        return settings.stats.snapshot(deliveries.unfinished());
    }

    /**
     * Delivers pending signals within {@link Builder#flushTimeout}, then releases the SDK's
     * threads and connections (never an executor or HTTP client the user owns).
     *
     * <p>Idempotent. Signals still pending when the timeout passes end as FAILED or DROPPED and
     * are counted. If the calling thread is interrupted, pending signals are given up at once and
     * the interrupt flag is restored. Called from the delivery thread itself (a future's
     * callback), it returns at once and a short-lived thread does the flush.
     *
     * <p>When it returns, the client sends nothing more, opens no connection, and
     * {@link HeartbeatStats#pending()} is 0; a signal offered later ends DROPPED at once. A
     * second call, from any thread, returns once the first call's flush is over.
     */
    @Override
    public void close() {
        if (!CLOSED.compareAndSet(this, 0, 1)) {
            awaitClosed();
            return;
        }
        closingThread = Thread.currentThread();
        ShutdownHooks.unregister(exitFlush);
        synchronized (this) {
            if (beats != null) {
                beats.stop();
            }
        }
        final long deadline = settings.clock.millis() + settings.flushTimeout.toMillis();
        if (deliveries.isDeliveryThread()) {
            // Called from a callback on the delivery thread, which cannot wait for itself: flush from
            // another thread (not a daemon, so the JVM waits for it, at most the flush timeout).
            Thread closer = new Thread(new Runnable() {
                @Override
                public void run() {
                    flushAndStop(deadline);
                }
            }, DaemonThreadFactory.PREFIX + "close");
            closingThread = closer;
            closer.start();
            return;
        }
        flushAndStop(deadline);
    }

    private void flushAndStop(long deadline) {
        try {
            long left = deliveries.close(deadline);
            if (left > 0) {
                log.get().warn("heartbeat-sdk closed with {} signal(s) undelivered after flushTimeout {}", left,
                        settings.flushTimeout);
            }
        } finally {
            synchronized (this) {
                closeFinished = true;
                closingThread = null;
                notifyAll();
            }
        }
    }

    /**
     * Waits for the first close() to finish its flush; never from the delivery thread, which that
     * flush may need, nor from the closing thread itself (a listener that closes the client while
     * close() ends its signals).
     */
    private void awaitClosed() {
        if (deliveries.isDeliveryThread() || Thread.currentThread() == closingThread) {
            return;
        }
        // The first close() is bounded by its flush timeout plus the time to stop threads; this wait is bounded too.
        long endNanos = System.nanoTime() + settings.flushTimeout.toNanos() + CLOSE_SLACK_NANOS;
        boolean interrupted = false;
        synchronized (this) {
            for (long left; !closeFinished && (left = endNanos - System.nanoTime()) > 0; ) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The endpoint this client sends to, with its secret masked: as {@link DeliveryResult#endpoint()}
     * names it, or {@code [a, b]} for {@link Builder#endpoints}, {@code []} for a client disabled
     * without one. Safe for logs and health pages.
     */
    public String endpointName() {
        return settings.endpointName;
    }

    /** Shows the endpoint with its secret masked. */
    @Override
    public String toString() {
        return "HeartbeatClient{endpoint=" + settings.endpointName + (closed != 0 ? ", closed" : "") + "}";
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
        /** Default {@link #maxQueuedBytes}: 8 MiB per endpoint. */
        public static final long DEFAULT_MAX_QUEUED_BYTES = 8L * 1024 * 1024;
        /** The smallest {@link #maxQueuedBytes} accepted: 1 MiB, room for the largest job signal several times over. */
        public static final long MIN_MAX_QUEUED_BYTES = 1024L * 1024;
        /** Default {@link #interval}: 30 s, the value in Sermant's shipped config.properties. */
        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
        /** The shortest {@link #interval} accepted: 1 s. */
        public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
        /** Default for {@link #service}, {@link #appName}, {@link #appType} and {@link #artifact}, as in Sermant. */
        public static final String DEFAULT_NAME = "default";

        List<Endpoint> endpoints;
        Duration connectTimeout;
        Duration readTimeout;
        Duration callTimeout;
        Duration retryDeadline;
        Duration flushTimeout;
        Integer queueCapacity;
        Long maxQueuedBytes;
        Boolean shutdownHook;
        ScheduledExecutorService executor;
        Object httpClient;
        Clock clock;
        Duration interval;
        String service;
        String appName;
        String appType;
        String artifact;
        String instanceId;
        HeartbeatConfig config;
        HeartbeatListener listener;
        BooleanSupplier beatsWhen;
        String proxyHost;
        int proxyPort;
        String proxyUser;
        String proxyPassword;
        SSLSocketFactory sslSocketFactory;
        X509TrustManager trustManager;
        /** Set through {@link io.github.heartbeatsdk.internal.ApiAccess} by the agent's attach only. */
        boolean dynamicInstall;

        Builder() {
        }

        /** Told how each signal's delivery ended; see {@link HeartbeatListener}. Default: none. */
        public Builder listener(HeartbeatListener listener) {
            this.listener = once("listener", this.listener, requireNonNull("listener", listener));
            return this;
        }

        /**
         * Asked before each periodic beat, on the delivery thread: false skips that beat (counted
         * in {@link HeartbeatStats#beatsSkipped()}), so an application that knows it is unhealthy
         * stops saying "I am alive" and its backend marks it lost, as Eureka ties its status to
         * health. Must answer quickly. A condition that throws lets the beat go (logged at WARN,
         * rate-limited): a broken check never silences a live application. Pings and job signals
         * are never asked. Default: every beat goes.
         */
        public Builder beatsWhen(BooleanSupplier condition) {
            this.beatsWhen = once("beatsWhen", this.beatsWhen, requireNonNull("beatsWhen", condition));
            return this;
        }

        /** Sends HTTP through the proxy at {@code host:port}. Default: no proxy (a user's {@link #httpClient} keeps its own). */
        public Builder proxy(String host, int port) {
            notBlank("proxy host", host);
            Checks.port("proxy port", port);
            this.proxyHost = once("proxy", this.proxyHost, host.trim());
            this.proxyPort = port;
            return this;
        }

        /** Basic credentials for the {@link #proxy}, sent when the proxy asks (407). Never logged. */
        public Builder proxyCredentials(String user, String password) {
            requireNonNull("proxy password", password);
            this.proxyUser = once("proxyCredentials", this.proxyUser, notBlank("proxy user", user));
            this.proxyPassword = password;
            return this;
        }

        /**
         * Trusts the servers {@code trustManager} trusts, for a self-hosted backend with a private
         * CA or a self-signed certificate (and mTLS, through the factory's key managers). Default:
         * the JVM's trust store. An untrusted certificate is never retried: the signal ends
         * REJECTED with a message saying so.
         */
        public Builder sslSocketFactory(SSLSocketFactory factory, X509TrustManager trustManager) {
            requireNonNull("trustManager", trustManager);
            this.sslSocketFactory = once("sslSocketFactory", this.sslSocketFactory, requireNonNull("sslSocketFactory", factory));
            this.trustManager = trustManager;
            return this;
        }

        /**
         * Takes every setting not set on this builder from {@code config} (explicit builder calls
         * win), including {@code heartbeat.enabled}, the endpoint and static ext info. The config
         * is checked at {@link #build()}: an unknown {@code heartbeat.*} key or a bad value fails
         * with a message naming the key.
         */
        public Builder config(HeartbeatConfig config) {
            this.config = once("config", this.config, requireNonNull("config", config));
            return this;
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
            this.interval = once("interval", this.interval, atMost("interval", interval));
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

        /** Where signals go, for example {@link io.github.heartbeatsdk.endpoints.Endpoints#url(String)}. This or {@link #endpoints} is required. */
        public Builder endpoint(Endpoint endpoint) {
            requireNonNull("endpoint", endpoint);
            this.endpoints = once("endpoint", this.endpoints, Collections.singletonList(endpoint));
            return this;
        }

        /**
         * Sends every signal to each of several endpoints (fan-out), for example Healthchecks and a
         * Sermant backend. Each endpoint has its own queue, retries and delivery thread (or tasks on
         * the shared {@link #executor}), so one slow backend never delays another (on a shared
         * executor, see {@link #executor} for what an HTTP call holds).
         */
        public Builder endpoints(Endpoint first, Endpoint... more) {
            List<Endpoint> all = new ArrayList<Endpoint>();
            all.add(requireNonNull("endpoint", first));
            for (Endpoint endpoint : requireNonNull("endpoints", more)) {
                all.add(requireNonNull("endpoint", endpoint));
            }
            this.endpoints = once("endpoint", this.endpoints, Collections.unmodifiableList(all));
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
            this.flushTimeout = once("flushTimeout", this.flushTimeout, atMost("flushTimeout", timeout));
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

        /**
         * How many bytes waiting signals may keep, per endpoint, on top of {@link #queueCapacity}.
         * Default 8 MiB; at least 1 MiB. A signal counts its texts (a job's log or failure message,
         * up to {@value JobRun#MAX_MESSAGE_BYTES} UTF-8 bytes kept) at two bytes per character,
         * plus 256 bytes; a ping costs 256. Past the budget the same drop policy applies: the oldest
         * periodic beat first, then one-shot signals, a job's end signal last, each counted DROPPED.
         * Endpoints of a fan-out share the signals, so the memory is not multiplied.
         */
        public Builder maxQueuedBytes(long bytes) {
            if (bytes < MIN_MAX_QUEUED_BYTES) {
                throw new IllegalArgumentException("maxQueuedBytes must be >= " + MIN_MAX_QUEUED_BYTES + " (1 MiB), got " + bytes);
            }
            this.maxQueuedBytes = once("maxQueuedBytes", this.maxQueuedBytes, bytes);
            return this;
        }

        /** Whether a JVM shutdown hook closes (and so flushes) the client. Default true. */
        public Builder shutdownHook(boolean enabled) {
            this.shutdownHook = once("shutdownHook", this.shutdownHook, enabled);
            return this;
        }

        /**
         * Runs delivery on {@code executor} instead of the client's own thread; many clients may
         * share one. The SDK never shuts it down, and never sleeps on its threads: backoffs are
         * scheduled tasks, and a Sermant TCP connect is polled, never waited for. An HTTP call does
         * hold a thread until it is answered, up to {@link #callTimeout} per attempt, so give
         * clients that talk to slow HTTP backends their own. If the application shuts the executor
         * down, signals waiting on it end FAILED ("executor stopped") at the next call into the
         * client, and later signals at once.
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
         * Creates the client. Cheap: no HTTP class loads on the caller's thread, and the delivery
         * thread starts with the first signal. The first client that sends over HTTP in a JVM
         * also starts a short-lived daemon thread, {@code heartbeat-sdk-warm-up}, that loads
         * OkHttp in the background so a later signal finds it ready; nothing ever waits for it.
         *
         * @throws IllegalStateException when no endpoint was set
         */
        public HeartbeatClient build() {
            return ClientAssembly.assemble(this);
        }
    }
}
