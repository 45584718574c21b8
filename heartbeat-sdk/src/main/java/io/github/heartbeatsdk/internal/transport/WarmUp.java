package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.internal.DaemonThreadFactory;
import io.github.heartbeatsdk.internal.EndpointNames;
import io.github.heartbeatsdk.internal.LazyLogger;
import io.github.heartbeatsdk.internal.QuietThread;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prepares the HTTP stack in the background while a client that sends over HTTP is built and
 * after: on a daemon thread of its own, once per class loader for plain http and once for https, it loads
 * OkHttp, sets up TLS when an endpoint needs it and has a client of its own send one ping over a
 * socket that connects nowhere ({@link OkHttpWarmUp}). A signal sent a second after {@code build()} then finds all of it
 * ready instead of paying a fresh JVM's 100 ms or more for it; one sent at once finds OkHttp's
 * client loaded while {@code build()} did its own work, on the second core.
 *
 * <p>Nothing that succeeds waits for it: {@code build()} starts the thread once its settings are
 * checked (the caller's thread loads this class and nothing of OkHttp), {@code close()} does not
 * know it exists. A {@code build()} that throws on its settings never starts it; one that throws
 * after starting it (for want of resources) waits for it to end, at most
 * {@value #ABANDON_WAIT_MILLIS} ms and in practice its current step, so it leaves no thread
 * behind. Once every client is closed, or the build that started it failed, it opens nothing
 * more. It sends nothing to any backend or proxy (its only real socket is a loopback connection
 * to itself), leaves only the base client {@link SharedOkHttp} would have created for the first
 * signal anyway (none for clients with the user's OkHttpClient), and logs nothing (its threads
 * are {@link QuietThread}s). Any failure (OkHttp missing, a version it does not fit) is
 * forgotten: the first signal meets the same problem and reports it.
 */
public final class WarmUp implements Runnable {
    /** The warm-up thread's name: the SDK's prefix, so a thread dump shows whose it is. */
    public static final String THREAD_NAME = DaemonThreadFactory.PREFIX + "warm-up";
    private static final LazyLogger log = new LazyLogger(WarmUp.class);
    private static final AtomicBoolean cleartextStarted = new AtomicBoolean();
    private static final AtomicBoolean tlsStarted = new AtomicBoolean();
    /**
     * Set by the first HTTP send in this class loader (the warm-up's own included): once a send
     * has started, the call path is loaded or being loaded, and a warm-up ping would only compete
     * with a real signal for the CPU.
     */
    static volatile boolean sendStarted;
    /**
     * The SDK's HTTP transports built and not yet closed, the warm-up's own included, and the
     * clients being built: once every client is closed the warm-up opens nothing more and starts
     * no thread of OkHttp's (a build() that throws closes what it made first).
     */
    private static final AtomicInteger openTransports = new AtomicInteger();

    /** How long a failed build waits for the warm-up it started to end: far more than a cold JVM's slowest step. */
    static final long ABANDON_WAIT_MILLIS = 10_000;

    /** The thread of the warm-up started last; for tests. */
    static volatile Thread lastThread;

    private final boolean tls;
    private final boolean sharedBase;
    private Runner runner;
    /** Set when the warm-up ended without its ping because no client was open any more: nothing was warmed. */
    private volatile boolean gaveUp;

    private WarmUp(boolean tls, boolean sharedBase) {
        this.tls = tls;
        this.sharedBase = sharedBase;
    }

    /** Counts an HTTP transport made; pair with {@link #transportClosed()}. */
    static void transportOpened() {
        openTransports.incrementAndGet();
    }

    /** Counts an HTTP transport closed. */
    static void transportClosed() {
        openTransports.decrementAndGet();
    }

    /** Whether a client that sends over HTTP is still open: the warm-up has someone to work for. */
    static boolean anyClientOpen() {
        return openTransports.get() > 0;
    }

    /**
     * Starts the warm-up for a client being built with {@code endpoints} ({@code ownClients}:
     * without the user's OkHttpClient), unless one of the same kind ran in this class loader
     * already; returns it, or null when none was started. Call it once the endpoints are known,
     * and end the build with {@link #buildEnded(boolean)} whatever happens. TLS is set up only for
     * the SDK's own clients: a user's OkHttpClient has its own, and the warm-up never calls
     * through it (its interceptors would see a request that is not one).
     */
    public static WarmUp start(List<Endpoint> endpoints, boolean ownClients) {
        if (Thread.currentThread() instanceof Runner) {
            return null; // the warm-up's own throwaway client: an https warm-up must not start a plain one
        }
        boolean tls = ownClients && needsTls(endpoints);
        AtomicBoolean started = tls ? tlsStarted : cleartextStarted;
        if (!started.compareAndSet(false, true)) {
            return null;
        }
        WarmUp warmUp = new WarmUp(tls, ownClients);
        try {
            warmUp.runner = new Runner(warmUp);
            lastThread = warmUp.runner;
            warmUp.runner.start();
            return warmUp;
        } catch (Throwable e) { // no thread to spare (a limit, a security manager): the first signal does it all
            started.set(false);
            log.get().debug("heartbeat-sdk warm-up not started: {}", e.toString());
            return null;
        }
    }

    /**
     * Counts a client being built as open, from before {@link #start} until
     * {@link #buildEnded}: every build that sends over HTTP, not only the one that started the
     * warm-up, so a build that fails beside it does not cut it short.
     */
    public static void buildStarted() {
        transportOpened();
    }

    /**
     * Ends a build counted by {@link #buildStarted()}. After a build that threw ({@code built}
     * false) and had started {@code warmUp} (null: it started none), the warm-up stops at its next
     * step unless another client keeps it going, and this waits for its thread to end (at most
     * {@value #ABANDON_WAIT_MILLIS} ms, whatever interrupts come), so a failed {@code build()}
     * leaves no thread; one that stopped for want of a client may be started again by a later build.
     */
    public static void buildEnded(WarmUp warmUp, boolean built) {
        transportClosed();
        if (built || warmUp == null) {
            return;
        }
        warmUp.awaitEnd();
    }

    private void awaitEnd() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ABANDON_WAIT_MILLIS);
        boolean interrupted = false;
        while (runner.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                runner.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                interrupted = true; // the join goes on: an interrupted build must not leave the thread either
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!runner.isAlive() && gaveUp) {
            (tls ? tlsStarted : cleartextStarted).set(false); // nothing was warmed: a later build starts again
        }
    }

    /** Whether a warm-up was started in this class loader; for tests. */
    static boolean started() {
        return cleartextStarted.get() || tlsStarted.get();
    }

    /**
     * False only when every HTTP endpoint is a preset with an http URL: a preset names its URL,
     * redacted but with its scheme, in {@code toString()}. Any other endpoint may well be https.
     * A wrong guess costs the first signal time, never correctness: the transport picks its
     * client by each request's URL.
     */
    static boolean needsTls(List<Endpoint> endpoints) {
        for (Endpoint endpoint : endpoints) {
            if (!Transports.sendsOverHttp(endpoint)) {
                continue;
            }
            String name = EndpointNames.nameOf(endpoint);
            if (!name.contains("http://") || name.contains("https://")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The warm-up's thread: a class of its own, so that a build() on it is known to be the
     * warm-up's; quiet, like every thread of the warm-up's.
     */
    private static final class Runner extends QuietThread {
        Runner(Runnable task) {
            super(task, THREAD_NAME);
        }
    }

    @Override
    public void run() {
        try {
            gaveUp = OkHttpWarmUp.run(tls, sharedBase) == null && !sendStarted;
        } catch (Throwable e) {
            // Only a head start, and silent (a QuietThread): the first signal meets any real problem and reports it.
        }
    }
}
