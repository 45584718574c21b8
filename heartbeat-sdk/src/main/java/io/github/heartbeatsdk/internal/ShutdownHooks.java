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
 *
 * <p>The hook flushes each client rather than closing it: JVM hooks run side by side in no
 * order, and another one (Spring's, say) may still send a signal after ours has run. With
 * nothing pending, it returns at once.
 */
public final class ShutdownHooks {
    private static final Set<AutoCloseable> clients = Collections.newSetFromMap(new IdentityHashMap<AutoCloseable, Boolean>());
    private static boolean installed;

    private ShutdownHooks() {
    }

    /** Flushes {@code client} (its {@code close()}) when the JVM shuts down, unless it is unregistered first. */
    public static synchronized void register(AutoCloseable client) {
        if (!installed) {
            try {
                // Built now, with the class it runs: when the hook runs, the class loader may be closed
                // (mvn exec:java closes it after main returns), and nothing more could be loaded.
                Thread hook = new Thread(new Flusher(null), DaemonThreadFactory.PREFIX + "shutdown");
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

    /** Clients the hook would flush now. */
    public static synchronized int registered() {
        return clients.size();
    }

    /** Flushes one client, or, given none, every registered one side by side. */
    private static final class Flusher implements Runnable {
        private final AutoCloseable client;

        Flusher(AutoCloseable client) {
            this.client = client;
        }

        @Override
        public void run() {
            try {
                if (client != null) {
                    client.close();
                } else {
                    flushAll();
                }
            } catch (LinkageError e) {
                // Logging may need classes too: one line on stderr, no stack trace.
                System.err.println("[heartbeat-sdk] could not flush at JVM exit: a class could not be loaded ("
                        + e.getClass().getSimpleName() + "); the application's class loader was probably closed, as "
                        + "mvn exec:java does after main returns");
            } catch (Throwable e) {
                System.err.println("[heartbeat-sdk] could not flush at JVM exit: " + e.getClass().getName());
            }
        }
    }

    /**
     * Flushes every client at once, each but the last in a thread of its own, so their flush
     * timeouts run side by side, not end to end; the last (usually the only one) on this thread.
     */
    private static void flushAll() throws Exception {
        List<AutoCloseable> toFlush;
        synchronized (ShutdownHooks.class) {
            toFlush = new ArrayList<AutoCloseable>(clients);
        }
        List<Thread> flushers = new ArrayList<Thread>();
        for (int i = 0; i < toFlush.size() - 1; i++) {
            Thread flusher = new Thread(new Flusher(toFlush.get(i)), DaemonThreadFactory.PREFIX + "shutdown-flush");
            flusher.start();
            flushers.add(flusher);
        }
        if (!toFlush.isEmpty()) {
            new Flusher(toFlush.get(toFlush.size() - 1)).run();
        }
        for (Thread flusher : flushers) {
            try {
                flusher.join(); // each flush is bounded by its client's flush timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
