package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.internal.DaemonThreadFactory;
import io.github.heartbeatsdk.internal.EndpointNames;
import io.github.heartbeatsdk.internal.LazyLogger;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prepares the HTTP stack in the background once a client that sends over HTTP is built: on a
 * daemon thread of its own, once per class loader for plain http and once for https, it loads
 * OkHttp, sets up TLS when an endpoint needs it and has a client of its own send one ping over a
 * socket that connects nowhere ({@link OkHttpWarmUp}). A signal sent a second after {@code build()} then finds all of it
 * ready instead of paying a fresh JVM's 100 ms or more for it; one sent at once takes the classes
 * the warm-up has loaded so far, on the second core.
 *
 * <p>Nothing waits for it: {@code build()} only starts the thread (the caller's thread loads
 * this class and nothing of OkHttp), {@code close()} does not know it exists, and a
 * {@code build()} that throws never starts it. It sends nothing, opens no socket and leaves only
 * the base client {@link SharedOkHttp} would have created for the first signal anyway. Any
 * failure (OkHttp missing, a version it does not fit) is logged at debug and forgotten: the first
 * signal then meets the same problem and reports it.
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

    private final boolean tls;

    private WarmUp(boolean tls) {
        this.tls = tls;
    }

    /**
     * Starts the warm-up for a client just built with {@code endpoints} and {@code settings},
     * unless one of the same kind ran in this class loader already. TLS is set up only for the
     * SDK's own clients: a user's OkHttpClient has its own, and the warm-up never calls through
     * it (its interceptors would see a request that is not one).
     */
    public static void start(List<Endpoint> endpoints, HttpSettings settings) {
        if (Thread.currentThread() instanceof Runner) {
            return; // the warm-up's own throwaway client: an https warm-up must not start a plain one
        }
        boolean tls = settings.userClient == null && needsTls(endpoints);
        if (!(tls ? tlsStarted : cleartextStarted).compareAndSet(false, true)) {
            return;
        }
        try {
            new Runner(new WarmUp(tls)).start();
        } catch (Throwable e) { // no thread to spare (a limit, a security manager): the first signal does it all
            log.get().debug("heartbeat-sdk warm-up not started: {}", e.toString());
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

    /** The warm-up's thread: a class of its own, so that a build() on it is known to be the warm-up's. */
    private static final class Runner extends Thread {
        Runner(Runnable task) {
            super(task, THREAD_NAME);
            setDaemon(true);
        }
    }

    @Override
    public void run() {
        try {
            DeliveryResult result = OkHttpWarmUp.run(tls);
            if (result != null && result.outcome() != DeliveryResult.Outcome.DELIVERED) {
                log.get().debug("heartbeat-sdk warm-up ping ended {}: {}", result.outcome(), result.error());
            }
        } catch (Throwable e) { // only a head start: the first signal meets any real problem and reports it
            try {
                log.get().debug("heartbeat-sdk warm-up failed: {}", e.toString());
            } catch (Throwable ignored) {
                // a logger that cannot log must not end the thread with a trace on stderr
            }
        }
    }
}
