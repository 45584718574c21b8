package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatConfig;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.security.Permission;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;

/**
 * Run in a fresh JVM by {@code WarmUpFailedBuildTest}; prints {@code RESULT} lines. Modes:
 * <ul>
 *   <li>{@code blank-plugin <url>}: builds whose configuration names a blank ext-info plugin, by a
 *       key ({@code heartbeat.ext-info. .version}) and by a configuration's own {@code extInfo()}:
 *       bad settings; prints what the warm-up did for them;</li>
 *   <li>{@code leak-after-close <url>} (with {@code -Djava.security.manager=allow}): holds the lock
 *       the warm-up's first step takes, builds a client, has a second build fail once its parts are
 *       made (a security manager refuses it the shutdown hook), closes the first client, then lets
 *       the warm-up go on; prints whether it pinged and which threads it left after the last close();</li>
 *   <li>{@code interrupted-failure <url>} (the same option): a caller whose interrupt status is set
 *       builds a client that fails after the warm-up started (a security manager refuses it the
 *       environment, slowly); prints whether the warm-up outlived the build, then builds a client
 *       that succeeds and prints whether two warm-ups ran at once;</li>
 *   <li>{@code parallel-cut-short <url>} (the same option): two builds of one kind on two threads,
 *       the first failing after the start while the second makes its parts; prints whether the
 *       second client was warmed up.</li>
 * </ul>
 */
public final class WarmUpFailedBuildMain {
    private static volatile Thread refusedEnvironment;

    private WarmUpFailedBuildMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "blank-plugin":
                blankPlugin(args[1]);
                break;
            case "leak-after-close":
                leakAfterClose(args[1]);
                break;
            case "parallel-cut-short":
                parallelCutShort(args[1]);
                break;
            case "interrupted-failure":
                interruptedFailure(args[1]);
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    private static HeartbeatConfig blankPluginKey() {
        Properties properties = new Properties();
        properties.setProperty("heartbeat.ext-info. .version", "1.0");
        return HeartbeatConfig.fromProperties(properties);
    }

    /** A configuration of the application's own whose ext info names a blank plugin. */
    private static HeartbeatConfig blankPluginMap() {
        return new HeartbeatConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public Map<String, Map<String, String>> extInfo() {
                return Collections.singletonMap(" ", Collections.singletonMap("version", "1.0"));
            }
        };
    }

    private static boolean failBuild(String url, HeartbeatConfig config) {
        try {
            HeartbeatClient.builder().config(config).endpoint(Endpoints.url(url)).shutdownHook(false).build();
            return false;
        } catch (IllegalArgumentException expected) {
            System.out.println("RESULT build threw " + expected.getMessage());
            return true;
        }
    }

    private static void blankPlugin(String url) throws Exception {
        boolean threw = failBuild(url, blankPluginKey()) & failBuild(url, blankPluginMap());
        System.out.println("RESULT threw=" + threw);
        System.out.println("RESULT warm-up started=" + (WarmUp.lastThread != null));
        System.out.println("RESULT warm-up pinged=" + WarmUp.sendStarted);
        System.out.println("RESULT still counted open=" + WarmUp.anyClientOpen());
        printThreads("RESULT thread after failed build: ");
    }

    private static volatile Thread refusedHook;

    private static void leakAfterClose(String url) throws Exception {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission permission) {
                if (Thread.currentThread() == refusedHook && permission.getName().equals("shutdownHooks")) {
                    throw new SecurityException("no shutdown hook for you");
                }
            }
        });
        synchronized (SharedOkHttp.class) { // the warm-up's SharedOkHttp.base() waits for this
            HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false)
                    .build();
            refusedHook = Thread.currentThread();
            try {
                HeartbeatClient.builder().endpoint(Endpoints.url(url)).build(); // its transport is made, then the hook refused
                System.out.println("RESULT built without a shutdown hook");
            } catch (SecurityException expected) {
                System.out.println("RESULT second build threw");
            }
            refusedHook = null;
            client.close();
        }
        System.out.println("RESULT every client closed, still counted open=" + WarmUp.anyClientOpen());
        System.out.println("RESULT warm-up ended=" + WarmUpReviewMain.awaitWarmUps(30));
        System.out.println("RESULT warm-up pinged after close=" + WarmUp.sendStarted);
        printThreads("RESULT thread after close: ");
    }

    private static void interruptedFailure(String url) throws Exception {
        Credentials.environmentName("initialised before the environment is refused");
        refusedEnvironment = Thread.currentThread();
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission permission) {
                if (Thread.currentThread() == refusedEnvironment && permission.getName().startsWith("getenv.")) {
                    // A policy that takes a moment to decide (it reads a file, asks a service): the
                    // warm-up is then past its first check. Busy: the caller is interrupted, so
                    // sleep() would throw.
                    for (long end = System.nanoTime() + 100_000_000L; System.nanoTime() < end; ) {
                        Thread.onSpinWait();
                    }
                    throw new SecurityException("no environment for you");
                }
            }
        });
        Thread.currentThread().interrupt(); // an application thread being cancelled (a Future, a pool shutting down)
        try {
            HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
            System.out.println("RESULT built without the environment");
        } catch (SecurityException expected) {
            // after the warm-up started
            StackTraceElement[] stack = expected.getStackTrace();
            for (StackTraceElement e : stack) {
                if (e.getClassName().startsWith("io.github.heartbeatsdk.")) {
                    System.out.println("RESULT thrown in " + e);
                    break;
                }
            }
        }
        boolean interrupted = Thread.interrupted();
        Thread first = WarmUp.lastThread;
        System.out.println("RESULT interrupt kept=" + interrupted + " warm-up started=" + (first != null));
        System.out.println("RESULT after the failed build, warm-up alive=" + (first != null && first.isAlive()));
        refusedEnvironment = null;
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
        Thread second = WarmUp.lastThread;
        System.out.println("RESULT two warm-ups at once=" + (second != first && first != null && first.isAlive()
                && second.isAlive()));
        client.close();
        WarmUpReviewMain.awaitWarmUps(30);
    }

    private static volatile Thread failing;
    private static volatile Thread succeeding;
    private static final java.util.concurrent.CountDownLatch failed = new java.util.concurrent.CountDownLatch(1);

    private static boolean inCredentials() {
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            if (e.getClassName().equals(Credentials.class.getName()) && e.getMethodName().equals("from")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two builds of the same kind on two threads: the first starts the warm-up and fails once it
     * started (its environment refused); the second, which found the warm-up started, is making
     * its parts meanwhile (a security policy takes its time over its environment). The warm-up
     * finds no client open, gives up, and the second client, built fine, is never warmed up.
     */
    private static void parallelCutShort(final String url) throws Exception {
        Credentials.environmentName("initialised before the environment is refused");
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission permission) {
                if (!permission.getName().startsWith("getenv.") || !inCredentials()) {
                    return;
                }
                if (Thread.currentThread() == failing) {
                    for (long end = System.nanoTime() + 50_000_000L; System.nanoTime() < end; ) {
                        Thread.onSpinWait();
                    }
                    throw new SecurityException("no environment for you");
                }
                if (Thread.currentThread() == succeeding) {
                    try {
                        failed.await(); // until the other build has thrown: only a slow policy
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
        final HeartbeatClient[] built = new HeartbeatClient[1];
        failing = new Thread(() -> {
            try {
                HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
            } catch (SecurityException expected) {
                System.out.println("RESULT first build threw");
            } finally {
                failed.countDown();
            }
        });
        succeeding = new Thread(() -> {
            built[0] = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
        });
        failing.start();
        while (WarmUp.lastThread == null) {
            Thread.onSpinWait();
        }
        succeeding.start();
        failing.join();
        succeeding.join();
        System.out.println("RESULT second client built=" + (built[0] != null && built[0].isEnabled()));
        System.out.println("RESULT warm-up ended=" + WarmUpReviewMain.awaitWarmUps(30));
        System.out.println("RESULT the built client was warmed up=" + WarmUp.sendStarted);
        built[0].close();
    }

    private static void printThreads(String prefix) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.isDaemon() && !thread.getName().startsWith("Reference Handler")
                    && !thread.getName().equals("Finalizer") && !thread.getName().equals("Signal Dispatcher")
                    && !thread.getName().equals("Common-Cleaner") && !thread.getName().startsWith("Notification")) {
                System.out.println(prefix + thread.getName());
            }
        }
    }
}
