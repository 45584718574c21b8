package io.github.heartbeatsdk.demo;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the backends heartbeat-sdk talks to, so its examples run with no account
 * and no internet: plain ping URLs and Healthchecks-style job signals over HTTP, Sermant beats as
 * JSON over HTTP and over Sermant's native TCP protocol, and a panel showing what arrived.
 *
 * <p><b>This is a demo, not a production backend.</b> It listens on 127.0.0.1 only, keeps
 * everything in memory (bounded, lost at exit), has no authentication, no persistence and no
 * alerting, and serves a handful of clients. Use Healthchecks, Xitoring, sermant-backend or
 * another real service in production.
 *
 * <pre>{@code
 * try (DemoReceiver receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0))) {
 *     String pingUrl = receiver.httpUrl("/ping/backup");       // Endpoints.url(pingUrl)
 *     String sermant = receiver.sermantUri();                  // Endpoints.parse(sermant)
 *     ...
 *     System.out.print(receiver.summary());                    // or open receiver.httpUrl("/")
 * }
 * }</pre>
 *
 * HTTP routes are listed in {@link HttpRoutes}; the state behind them is {@link #state()}.
 */
public final class DemoReceiver implements AutoCloseable {
    /** The panel's and HTTP signals' port, as sermant-backend's panel. */
    public static final int DEFAULT_HTTP_PORT = 8900;
    /** Sermant's heartbeat port ({@code gateway.nettyPort}). */
    public static final int DEFAULT_SERMANT_PORT = 6888;
    private static final String HOST = "127.0.0.1";

    private final ReceiverState state;
    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final SermantTcpListener sermant;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoReceiver(ReceiverState state, HttpServer http, ExecutorService httpThreads, SermantTcpListener sermant) {
        this.state = state;
        this.http = http;
        this.httpThreads = httpThreads;
        this.sermant = sermant;
    }

    /** Settings with the defaults: ports 8900 and 6888, Sermant's 60 s effective time, a 60 s fault tolerance. */
    public static Options options() {
        return new Options();
    }

    /**
     * Starts listening on both ports of 127.0.0.1.
     *
     * @throws IOException when a port is taken (the message names it) or cannot be bound
     */
    public static DemoReceiver start(Options options) throws IOException {
        InetAddress loopback = InetAddress.getByName(HOST);
        ReceiverState state = new ReceiverState(options.clock, options.effectiveTime, options.faultTolerance);
        SermantTcpListener sermant;
        try {
            sermant = new SermantTcpListener(loopback, options.sermantPort, options.idleTimeout, state);
        } catch (BindException e) {
            throw new IOException("cannot listen on " + HOST + ":" + options.sermantPort + " (" + e.getMessage()
                    + "); is another demo receiver running?", e);
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(loopback, options.httpPort), 50);
        } catch (IOException e) {
            sermant.close();
            throw new IOException("cannot listen on " + HOST + ":" + options.httpPort + " (" + e.getMessage()
                    + "); is another demo receiver running?", e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService httpThreads = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "demo-receiver-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        http.createContext("/", new HttpRoutes(state));
        http.setExecutor(httpThreads);
        http.start();
        return new DemoReceiver(state, http, httpThreads, sermant);
    }

    /** The HTTP port (the panel, pings, job signals, Sermant JSON). */
    public int httpPort() {
        return http.getAddress().getPort();
    }

    /** Sermant's TCP heartbeat port. */
    public int sermantPort() {
        return sermant.port();
    }

    /** The HTTP address it is bound to: always 127.0.0.1. */
    public InetSocketAddress httpAddress() {
        return http.getAddress();
    }

    /** {@code http://127.0.0.1:<port><path>}; {@code httpUrl("/")} is the panel. */
    public String httpUrl(String path) {
        return "http://" + HOST + ":" + httpPort() + path;
    }

    /** {@code sermant://127.0.0.1:<port>}, for {@code Endpoints.parse} or a config file. */
    public String sermantUri() {
        return "sermant://" + HOST + ":" + sermantPort();
    }

    /** What it has received, and the states now. */
    public ReceiverState state() {
        return state;
    }

    /** What it has received as a short text table for a console. */
    public String summary() {
        return SummaryTable.render(state);
    }

    /** Stops both listeners and closes every connection. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        sermant.close();
        httpThreads.shutdownNow();
    }

    /** The receiver's settings; each setter returns this. Not thread-safe (set, then start). */
    public static final class Options {
        private int httpPort = DEFAULT_HTTP_PORT;
        private int sermantPort = DEFAULT_SERMANT_PORT;
        private Duration effectiveTime = Duration.ofSeconds(60);
        private Duration faultTolerance = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        private Options() {
        }

        /** The HTTP port; default 8900; 0 for a free one. */
        public Options httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** Sermant's TCP port; default 6888; 0 for a free one. */
        public Options sermantPort(int port) {
            this.sermantPort = port;
            return this;
        }

        /** An instance without a beat for longer than this is lost; default 60 s (Sermant's {@code max.effective.time}). */
        public Options effectiveTime(Duration effectiveTime) {
            this.effectiveTime = positive("effectiveTime", effectiveTime);
            return this;
        }

        /** A check without a ping for longer than this is late, and down after twice it; default 60 s. */
        public Options faultTolerance(Duration faultTolerance) {
            this.faultTolerance = positive("faultTolerance", faultTolerance);
            return this;
        }

        /** A TCP connection silent for this long is closed; default 60 s (Sermant's {@code netty.wait.time}). */
        public Options idleTimeout(Duration idleTimeout) {
            this.idleTimeout = positive("idleTimeout", idleTimeout);
            return this;
        }

        /** The clock states and ages are computed with; default the system clock; tests pass one they move. */
        public Options clock(Clock clock) {
            if (clock == null) {
                throw new NullPointerException("clock == null");
            }
            this.clock = clock;
            return this;
        }

        private static Duration positive(String name, Duration value) {
            if (value == null) {
                throw new NullPointerException(name + " == null");
            }
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be > 0, got " + value);
            }
            return value;
        }
    }
}
