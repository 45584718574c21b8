package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.nio.file.Files;
import java.security.Permission;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Run in a fresh JVM by {@code WarmUpTest}, where no warm-up has run yet; prints {@code RESULT}
 * lines. Modes:
 * <ul>
 *   <li>{@code build <url>}: prints the caller's OS thread id, builds a client, loads
 *       {@link BuildReturned} (a marker in the class-load log), waits for the warm-up to end,
 *       then pings and prints the outcome;</li>
 *   <li>{@code close-while-warming <url>}: holds the lock the warm-up takes first, builds and
 *       closes a client while the warm-up waits for it, and prints whether the warm-up was
 *       still running when close() returned;</li>
 *   <li>{@code failed-builds <url>}: builds that throw on their settings, then prints whether a
 *       warm-up started;</li>
 *   <li>{@code failed-after-start <url>} (with {@code -Djava.security.manager=allow}): a build whose
 *       settings are fine throws once the warm-up has started (a security manager refuses it the
 *       environment), then prints whether the warm-up's thread outlived it; then a build that
 *       succeeds, and whether it started a warm-up again;</li>
 *   <li>{@code direct}: runs the warm-up's work for plain http and for https on this thread and
 *       prints how each ping ended.</li>
 * </ul>
 */
public final class WarmUpMain {
    private WarmUpMain() {
    }

    /** Loaded right after build() returns: its line in the class-load log marks the moment. */
    static final class BuildReturned {
        static void mark() {
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "build":
                build(args[1]);
                break;
            case "close-while-warming":
                closeWhileWarming(args[1]);
                break;
            case "failed-builds":
                failedBuilds(args[1]);
                break;
            case "failed-after-start":
                failedAfterStart(args[1]);
                break;
            case "direct":
                WarmUp.transportOpened(); // as a client built and open would: the warm-up works only for one
                System.out.println("RESULT cleartext=" + OkHttpWarmUp.run(false, true).outcome());
                WarmUp.sendStarted = false; // the first ping set it; the second is asked for all the same
                System.out.println("RESULT tls=" + OkHttpWarmUp.run(true, true).outcome());
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    private static void build(String url) throws Exception {
        System.out.println("RESULT tid=" + Files.readSymbolicLink(Paths.get("/proc/thread-self")).getFileName());
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
        BuildReturned.mark();
        Thread warmUp = warmUpThread();
        System.out.println("RESULT warm-up started=" + WarmUp.started());
        if (warmUp != null) { // null: it ended already
            warmUp.join(TimeUnit.SECONDS.toMillis(30));
            System.out.println("RESULT warm-up ended=" + !warmUp.isAlive());
        }
        System.out.println("RESULT warmed=" + (SharedOkHttp.users() == 0));
        DeliveryResult result = client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("RESULT ping=" + result.outcome());
        client.close();
    }

    private static void closeWhileWarming(String url) throws Exception {
        Thread warmUp;
        synchronized (SharedOkHttp.class) { // the warm-up's first step, SharedOkHttp.base(), waits for this
            HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
            warmUp = warmUpThread();
            client.close();
            System.out.println("RESULT closed, warm-up running=" + (warmUp != null && warmUp.isAlive()));
        }
        warmUp.join(TimeUnit.SECONDS.toMillis(30));
        System.out.println("RESULT warm-up ended=" + !warmUp.isAlive());
    }

    private static void failedBuilds(String url) {
        try {
            HeartbeatClient.builder().build();
            System.out.println("RESULT built without an endpoint");
        } catch (IllegalStateException expected) {
            // no endpoint: refused
        }
        try {
            HeartbeatClient.builder().endpoint(Endpoints.url(url)).proxyCredentials("user", "secret").build();
            System.out.println("RESULT built with credentials and no proxy");
        } catch (IllegalStateException expected) {
            // credentials without a proxy: refused, after the settings were read
        }
        System.out.println("RESULT warm-up started=" + (WarmUp.started() || warmUpThread() != null));
    }

    private static volatile Thread refusedEnvironment;

    private static void failedAfterStart(String url) throws Exception {
        Credentials.environmentName("initialised before the environment is refused"); // its static init reads it
        refusedEnvironment = Thread.currentThread();
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission permission) {
                if (Thread.currentThread() == refusedEnvironment && permission.getName().startsWith("getenv.")) {
                    throw new SecurityException("no environment for you");
                }
            }
        });
        try {
            HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
            System.out.println("RESULT built without the environment");
        } catch (SecurityException expected) {
            // thrown while the client's parts were made, after the warm-up started
        }
        Thread warmUp = WarmUp.lastThread;
        System.out.println("RESULT after the failed build, warm-up started=" + (warmUp != null)
                + " alive=" + (warmUp != null && warmUp.isAlive()) + " still counted=" + WarmUp.started());
        refusedEnvironment = null;
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
        System.out.println("RESULT after a build that succeeds, warm-up started=" + WarmUp.started()
                + " new thread=" + (WarmUp.lastThread != warmUp));
        client.close();
    }

    /** The warm-up thread, or null if none is running. */
    private static Thread warmUpThread() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(WarmUp.THREAD_NAME) && thread.isAlive()) {
                return thread;
            }
        }
        return null;
    }
}
