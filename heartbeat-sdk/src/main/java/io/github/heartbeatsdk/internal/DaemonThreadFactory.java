package io.github.heartbeatsdk.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names SDK threads {@code heartbeat-sdk-N} and makes them daemons, so they never keep a JVM alive. */
public final class DaemonThreadFactory implements ThreadFactory {
    /** The prefix of every thread the SDK starts; tests look for it. */
    public static final String PREFIX = "heartbeat-sdk-";
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, PREFIX + NEXT.getAndIncrement());
        thread.setDaemon(true);
        return thread;
    }
}
