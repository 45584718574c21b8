package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.net.ProxySelector;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Run in a fresh JVM by {@code WarmUpReviewTest}, with nothing of logback on the class path (it
 * may run without an SLF4J provider); prints {@code RESULT} lines. Modes:
 * <ul>
 *   <li>{@code stderr-rejection <url>}: the application's ProxySelector answers for the host of
 *       {@code url} only; waits for the warm-up, then pings {@code url} (which answers 404);</li>
 *   <li>{@code sockets-after-close <url>} (needs {@code -Djava.security.manager=allow}): holds the
 *       lock the warm-up takes first, builds and closes a client, then prints every socket the
 *       warm-up opened after close() returned;</li>
 *   <li>{@code listen-denied <url>} (the same option): a security manager refuses every server
 *       socket; waits for the warm-up, then pings.</li>
 * </ul>
 */
public final class WarmUpBareMain {
    private static final List<String> afterClose = new CopyOnWriteArrayList<>();
    private static volatile boolean closed;
    private static volatile boolean denyListen;

    private WarmUpBareMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "stderr-rejection":
                stderrRejection(args[1]);
                break;
            case "sockets-after-close":
                socketsAfterClose(args[1]);
                break;
            case "listen-denied":
                listenDenied(args[1]);
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    private static void stderrRejection(String url) throws Exception {
        ProxySelector.setDefault(WarmUpReviewMain.refusingUnknownHosts(url));
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
        System.out.println("RESULT warm-up ended=" + WarmUpReviewMain.awaitWarmUps(30));
        DeliveryResult result = client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("RESULT ping=" + result.outcome());
        client.close();
        awaitSdkThreads(); // the warning follows the outcome, on the delivery thread
    }

    /** Waits (bounded) for the SDK's delivery threads to end, so nothing they write is cut off by the exit. */
    private static void awaitSdkThreads() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("heartbeat-sdk-")) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
    }

    private static void socketsAfterClose(String url) throws Exception {
        System.setSecurityManager(new Recording());
        synchronized (SharedOkHttp.class) { // the warm-up's first step, SharedOkHttp.base(), waits for this
            HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
            client.close();
            closed = true;
        }
        System.out.println("RESULT warm-up ended=" + WarmUpReviewMain.awaitWarmUps(30));
        for (String what : afterClose) {
            System.out.println("RESULT after close: " + what);
        }
    }

    private static void listenDenied(String url) throws Exception {
        denyListen = true;
        System.setSecurityManager(new Recording());
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
        System.out.println("RESULT warm-up ended=" + WarmUpReviewMain.awaitWarmUps(30));
        DeliveryResult result = client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("RESULT ping=" + result.outcome());
        client.close();
    }

    /** Allows everything (but server sockets, when told), noting the warm-up's sockets once close() returned. */
    static final class Recording extends SecurityManager {
        @Override
        public void checkPermission(Permission perm) {
        }

        @Override
        public void checkPermission(Permission perm, Object context) {
        }

        @Override
        public void checkListen(int port) {
            note("listen on port " + port);
            if (denyListen) {
                throw new SecurityException("no server sockets here");
            }
        }

        @Override
        public void checkConnect(String host, int port) {
            note("connect to " + host + ":" + port);
        }

        @Override
        public void checkAccept(String host, int port) {
            note("accept from " + host + ":" + port);
        }

        private static void note(String what) {
            if (closed && Thread.currentThread().getName().equals(WarmUp.THREAD_NAME)) {
                afterClose.add(what);
            }
        }
    }
}
