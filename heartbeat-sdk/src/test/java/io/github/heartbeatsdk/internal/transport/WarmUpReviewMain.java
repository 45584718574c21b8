package io.github.heartbeatsdk.internal.transport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.LogCapture;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run in a fresh JVM by {@code WarmUpReviewTest}, where no warm-up has run yet; prints
 * {@code RESULT} lines. Modes:
 * <ul>
 *   <li>{@code never-used <url>}: builds a client, never uses it, waits for every warm-up thread to end;</li>
 *   <li>{@code socks-selector <url> <socksPort>}: the same, after the application set a default
 *       ProxySelector that routes every socket through a SOCKS proxy at {@code socksPort};</li>
 *   <li>{@code throwing-selector <url>}: the application's default ProxySelector answers for the
 *       host of {@code url} and throws for any other; pings, prints the SDK's WARN and ERROR lines;</li>
 *   <li>{@code blocking-selector <url>}: the same with a selector that never returns for other
 *       hosts; prints whether a warm-up thread is still alive after the warm-up's own thread ended;</li>
 *   <li>{@code tls-only <httpsUrl>}: builds a client of https URLs only, never used, and reports
 *       which warm-ups ran and which base clients they left;</li>
 *   <li>{@code user-client <url>}: the same for a client given an OkHttpClient of the user's;</li>
 *   <li>{@code disabled <url>}: builds a client with {@code heartbeat.enabled=false}, prints whether a warm-up started;</li>
 *   <li>{@code app-logs <url>}: builds a client (never used), then logs its first line through
 *       SLF4J, as an application does once it is up;</li>
 *   <li>{@code warm-then-send <httpUrl> <httpsUrl> <caPem>}: one client sending to both URLs (the
 *       https one trusted through {@code sslSocketFactory(...)} and the CA in {@code caPem}); waits
 *       for the warm-ups (TLS and plain), then pings twice and prints each outcome.</li>
 * </ul>
 */
public final class WarmUpReviewMain {
    private WarmUpReviewMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "never-used":
                neverUsed(args[1]);
                break;
            case "socks-selector":
                socksSelector(args[1], Integer.parseInt(args[2]));
                break;
            case "throwing-selector":
                throwingSelector(args[1]);
                break;
            case "blocking-selector":
                blockingSelector(args[1]);
                break;
            case "tls-only":
                tlsOnly(args[1]);
                break;
            case "user-client":
                userClient(args[1]);
                break;
            case "disabled":
                disabled(args[1]);
                break;
            case "app-logs":
                appLogs(args[1]);
                break;
            case "warm-then-send":
                warmThenSend(args[1], args[2], args[3]);
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    private static void neverUsed(String url) throws Exception {
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
        client.close();
        System.out.println("RESULT warm-up ended=" + awaitWarmUps(30));
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.isDaemon() && !thread.getName().startsWith("Reference Handler")
                    && !thread.getName().equals("Finalizer") && !thread.getName().equals("Signal Dispatcher")
                    && !thread.getName().equals("Common-Cleaner") && !thread.getName().startsWith("Notification")) {
                System.out.println("RESULT thread after close: " + thread.getName());
            }
        }
    }

    private static void socksSelector(String url, final int socksPort) throws Exception {
        // An application that sends all its traffic through a SOCKS proxy (Tor, an SSH tunnel, a corporate gateway).
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return Collections.singletonList(new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", socksPort)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        neverUsed(url);
    }

    private static void throwingSelector(String url) throws Exception {
        try (LogCapture log = new LogCapture()) {
            ProxySelector.setDefault(refusingUnknownHosts(url));
            HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false)
                    .build();
            System.out.println("RESULT warm-up ended=" + awaitWarmUps(30)); // the job runs; its ping comes at the end
            DeliveryResult result = client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
            System.out.println("RESULT ping=" + result.outcome());
            client.close();
            printWarnings(log);
        }
    }

    private static void blockingSelector(String url) throws Exception {
        final CountDownLatch release = new CountDownLatch(1);
        try (LogCapture log = new LogCapture()) {
            final List<String> known = Arrays.asList(URI.create(url).getHost(), "localhost", "127.0.0.1", "::1");
            ProxySelector.setDefault(new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    if (known.contains(uri.getHost())) {
                        return Collections.singletonList(Proxy.NO_PROXY);
                    }
                    // An unknown host: asks a policy service that never answers, with no timeout.
                    boolean done = false;
                    while (!done) {
                        try {
                            done = release.await(1, TimeUnit.DAYS);
                        } catch (InterruptedException e) {
                            // blocking I/O does not answer interrupts either
                        }
                    }
                    return Collections.singletonList(Proxy.NO_PROXY);
                }

                @Override
                public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                }
            });
            HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false)
                    .build();
            // The job runs; its ping comes at the end, long after the warm-up.
            Thread first = null;
            for (Thread t : warmUpThreads()) {
                first = first == null || t.getId() < first.getId() ? t : first;
            }
            if (first != null) {
                first.join(TimeUnit.SECONDS.toMillis(45)); // its ping waits 10 s, then its client's close() 5 s
            }
            System.out.println("RESULT warm-up's own thread ended=" + (first == null || !first.isAlive()));
            System.out.println("RESULT warm-up ended=" + awaitWarmUps(5));
            for (Thread t : warmUpThreads()) {
                StackTraceElement[] stack = t.getStackTrace();
                System.out.println("RESULT still alive: " + t.getName() + " " + t.getState() + " in "
                        + (stack.length > 3 ? stack[3] : "?"));
            }
            DeliveryResult result = client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
            System.out.println("RESULT ping=" + result.outcome());
            client.close();
            printWarnings(log);
        } finally {
            release.countDown();
        }
    }

    private static void disabled(String url) throws Exception {
        java.util.Properties off = new java.util.Properties();
        off.setProperty("heartbeat.enabled", "false");
        HeartbeatClient client = HeartbeatClient.builder().config(io.github.heartbeatsdk.HeartbeatConfig.fromProperties(off))
                .endpoint(Endpoints.url(url)).build();
        System.out.println("RESULT warm-up started=" + (WarmUp.started() || !warmUpThreads().isEmpty()));
        client.close();
    }

    private static void appLogs(String url) throws Exception {
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
        org.slf4j.LoggerFactory.getLogger("app").error("application started");
        System.out.println("RESULT warm-up ended=" + awaitWarmUps(30));
        client.close();
    }

    private static void tlsOnly(String url) throws Exception {
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false).build();
        client.close();
        System.out.println("RESULT warm-up ended=" + awaitWarmUps(30));
        printBases();
    }

    private static void userClient(String url) throws Exception {
        okhttp3.OkHttpClient mine = new okhttp3.OkHttpClient();
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false)
                .httpClient(mine).build();
        client.close();
        System.out.println("RESULT warm-up ended=" + awaitWarmUps(30));
        printBases();
    }

    private static void warmThenSend(String http, String https, String caPem) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        store.load(null, null);
        try (java.io.InputStream in = new java.io.FileInputStream(caPem)) {
            store.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        javax.net.ssl.X509TrustManager trust = (javax.net.ssl.X509TrustManager) factory.getTrustManagers()[0];
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        HeartbeatClient client = HeartbeatClient.builder()
                .endpoints(Endpoints.url(http), Endpoints.url(https))
                .sslSocketFactory(tls.getSocketFactory(), trust).shutdownHook(false).build();
        System.out.println("RESULT warm-up ended=" + awaitWarmUps(30));
        System.out.println("RESULT tls base=" + (base("tlsBase") != null));
        for (int i = 0; i < 2; i++) {
            DeliveryResult result = client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
            System.out.println("RESULT ping " + i + "=" + result.outcome() + " " + result.error());
        }
        client.close();
        System.out.println("RESULT users after close=" + SharedOkHttp.users());
        System.out.println("RESULT bases after close=" + (base("tlsBase") != null || base("cleartextBase") != null));
    }

    private static void printBases() throws Exception {
        System.out.println("RESULT tls warm-up=" + flag("tlsStarted"));
        System.out.println("RESULT cleartext warm-up=" + flag("cleartextStarted"));
        System.out.println("RESULT tls base=" + (base("tlsBase") != null));
        System.out.println("RESULT cleartext base=" + (base("cleartextBase") != null));
        System.out.println("RESULT users=" + SharedOkHttp.users());
    }

    private static boolean flag(String name) throws Exception {
        Field f = WarmUp.class.getDeclaredField(name);
        f.setAccessible(true);
        return ((java.util.concurrent.atomic.AtomicBoolean) f.get(null)).get();
    }

    private static Object base(String name) throws Exception {
        Field f = SharedOkHttp.class.getDeclaredField(name);
        f.setAccessible(true);
        synchronized (SharedOkHttp.class) {
            return f.get(null);
        }
    }

    private static void printWarnings(LogCapture log) {
        for (ILoggingEvent e : log.events()) {
            if (e.getLevel().isGreaterOrEqual(Level.WARN)) {
                System.out.println("RESULT logged " + e.getLevel() + " "
                        + e.getFormattedMessage());
            }
        }
    }

    /**
     * A selector that routes the hosts the application talks to and refuses the rest, as a
     * routing table or a PAC-style rule that resolves the host first does for a host that does
     * not resolve (OkHttp 5 catches an IllegalArgumentException from a selector, nothing else).
     */
    static ProxySelector refusingUnknownHosts(String url) {
        final List<String> known = Arrays.asList(URI.create(url).getHost(), "localhost", "127.0.0.1", "::1");
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                if (known.contains(uri.getHost())) {
                    return Collections.singletonList(Proxy.NO_PROXY);
                }
                throw new UncheckedIOException(new UnknownHostException(uri.getHost()));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        };
    }

    /** Waits up to {@code seconds} for every thread named as the warm-up to end; true if they did. */
    static boolean awaitWarmUps(int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (List<Thread> alive = warmUpThreads(); !alive.isEmpty(); alive = warmUpThreads()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            alive.get(0).join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return true;
    }

    static List<Thread> warmUpThreads() {
        List<Thread> found = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(WarmUp.THREAD_NAME) && thread.isAlive()) {
                found.add(thread);
            }
        }
        return found;
    }
}
