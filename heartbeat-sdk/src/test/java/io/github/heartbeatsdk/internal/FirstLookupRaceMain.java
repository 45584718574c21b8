package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.internal.transport.HttpTransport;
import io.github.heartbeatsdk.internal.transport.SermantTcpTransport;
import org.slf4j.helpers.SubstituteLogger;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Run in a fresh JVM by {@link LazyLoggerTest}: several threads look up their first SDK loggers
 * at the same moment, which is when SLF4J initialises. Prints each logger's class, one per line.
 */
public final class FirstLookupRaceMain {
    private FirstLookupRaceMain() {
    }

    public static void main(String[] args) throws Exception {
        final Class<?>[] owners = {Dispatcher.class, HttpTransport.class, BeatScheduler.class, ShutdownHooks.class,
                ConfigKeys.class, SermantTcpTransport.class, RateLimitedLog.class, LazyLogger.class};
        final CyclicBarrier start = new CyclicBarrier(owners.length);
        final CountDownLatch done = new CountDownLatch(owners.length);
        final SdkLog[] found = new SdkLog[owners.length];
        for (int i = 0; i < owners.length; i++) {
            final int n = i;
            new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                        found[n] = new LazyLogger(owners[n]).get();
                        found[n].debug("first lookup from thread {}", n);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        done.countDown();
                    }
                }
            }).start();
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("threads did not finish");
        }
        for (SdkLog logger : found) {
            System.out.println("logger " + (((Slf4jLog) logger).slf4j() instanceof SubstituteLogger ? "substitute" : "real"));
        }
    }
}
