package io.github.heartbeatsdk.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One JVM shutdown hook for all clients, so that a program that returns from {@code main} (or
 * calls {@code System.exit}) right after a ping still delivers it. One hook instead of one per
 * client keeps create/close cycles cheap and the hook list short.
 */
public final class ShutdownHooks {
    private static final LazyLogger log = new LazyLogger(ShutdownHooks.class);
    private static final Set<AutoCloseable> clients = Collections.newSetFromMap(new IdentityHashMap<AutoCloseable, Boolean>());
    private static boolean installed;

    private ShutdownHooks() {
    }

    /** Closes {@code client} when the JVM shuts down, unless it is unregistered first. */
    public static synchronized void register(AutoCloseable client) {
        if (!installed) {
            try {
                Thread hook = new Thread(new Runnable() {
                    @Override
                    public void run() {
                        closeAll();
                    }
                }, DaemonThreadFactory.PREFIX + "shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                installed = true;
            } catch (IllegalStateException e) {
                return; // the JVM is already shutting down: the caller closes the client itself
            }
        }
        clients.add(client);
    }

    /** Forgets {@code client}; called by close(). */
    public static synchronized void unregister(AutoCloseable client) {
        clients.remove(client);
    }

    /** Clients the hook would close now. */
    public static synchronized int registered() {
        return clients.size();
    }

    /** Closes every client at once, each in its own thread, so their flush timeouts run side by side, not end to end. */
    private static void closeAll() {
        List<AutoCloseable> toClose;
        synchronized (ShutdownHooks.class) {
            toClose = new ArrayList<AutoCloseable>(clients);
        }
        List<Thread> closers = new ArrayList<Thread>();
        for (final AutoCloseable client : toClose) {
            Thread closer = new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        client.close();
                    } catch (Exception e) {
                        log.get().warn("heartbeat-sdk: closing a client at JVM shutdown failed: {}", e.toString());
                    }
                }
            }, DaemonThreadFactory.PREFIX + "shutdown-close");
            closer.start();
            closers.add(closer);
        }
        for (Thread closer : closers) {
            try {
                closer.join(); // each close() is bounded by its own flush timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
