package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.transport.WarmUpBareMain;
import io.github.heartbeatsdk.internal.transport.WarmUpMain;
import io.github.heartbeatsdk.internal.transport.WarmUpReviewMain;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the cold-start warm-up must never do, whatever the JVM it lands in: reach a proxy, call
 * the application's ProxySelector badly, log, leave a base client no signal needs, or open
 * anything after the last close() (DESIGN.md's promise 0). Each case runs in a fresh JVM
 * ({@link WarmUpReviewMain}, {@link WarmUpBareMain}, {@link ClosedLoaderWarmUpMain}), where no
 * warm-up has run yet.
 */
class WarmUpReviewTest {
    private static final String CLASSPATH = System.getProperty("java.class.path");

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    /**
     * An application whose default ProxySelector sends every socket through a SOCKS proxy: the
     * warm-up's loopback connection to itself ({@code new Socket()}) asks that selector and
     * connects to the proxy, which the documentation promises never happens.
     */
    @Test
    void theWarmUpsLoopbackConnectionNeverReachesASocksProxyOfTheApplicationsSelector() throws Exception {
        try (ServerSocket socks = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String output = CompatClassPath.run(CLASSPATH, List.of(), WarmUpReviewMain.class, "socks-selector",
                    server.url("/never").toString(), String.valueOf(socks.getLocalPort()));

            assertTrue(output.contains("RESULT warm-up ended=true"), output);
            assertEquals(0, server.getRequestCount());
            assertEquals("nothing", reached(socks), "what reached the application's SOCKS proxy");
        }
    }

    /** The same with the JVM's own selector: {@code -DsocksProxyHost} and an empty {@code socksNonProxyHosts}. */
    @Test
    void theWarmUpsLoopbackConnectionNeverReachesTheJvmsSocksProxy() throws Exception {
        try (ServerSocket socks = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String output = CompatClassPath.run(CLASSPATH, List.of("-DsocksProxyHost=127.0.0.1",
                    "-DsocksProxyPort=" + socks.getLocalPort(), "-DsocksNonProxyHosts="),
                    WarmUpReviewMain.class, "never-used", server.url("/never").toString());

            assertTrue(output.contains("RESULT warm-up ended=true"), output);
            assertEquals("nothing", reached(socks), "what reached the JVM's SOCKS proxy");
        }
    }

    /**
     * The application's ProxySelector knows the hosts the application talks to and throws for
     * any other: the application's pings go through, but the warm-up asks the selector about its
     * fake host, and its throwaway client logs the failure as a WARN naming the warm-up's URL.
     * The promise: any failure of the warm-up is logged at debug only.
     */
    @Test
    void aProxySelectorThatThrowsCostsTheWarmUpADebugLineOnly() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        String output = CompatClassPath.run(CLASSPATH, List.of(), WarmUpReviewMain.class, "throwing-selector",
                server.url("/ping/p").toString());

        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertTrue(output.contains("RESULT ping=DELIVERED"), output);
        assertEquals(1, server.getRequestCount(), output);
        assertEquals(List.of(), logged(output), "WARN and ERROR lines in the application's log");
    }

    /**
     * A ProxySelector that never returns for a host it does not know: the application's pings go
     * through, but the warm-up asks it about its fake host, on its throwaway client's thread, which
     * then stays blocked for good. The promise: the warm-up ends by itself, its failure a debug line.
     */
    @Test
    void aProxySelectorThatNeverReturnsLeavesNoWarmUpThreadBehind() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        String output = CompatClassPath.run(CLASSPATH, List.of(), WarmUpReviewMain.class, "blocking-selector",
                server.url("/ping/b").toString());

        assertTrue(output.contains("RESULT ping=DELIVERED"), output);
        assertTrue(output.contains("RESULT warm-up's own thread ended=true"), output);
        assertTrue(output.contains("RESULT warm-up ended=true"), "a warm-up thread is stuck for good: " + output);
        assertEquals(List.of(), logged(output), "WARN and ERROR lines in the application's log");
    }

    /**
     * Without an SLF4J provider the SDK writes the first WARN of each kind to stderr, once per JVM.
     * The warm-up's throwaway client (its ping failed as above) uses up "heartbeat to {} rejected":
     * when the application's own check is then refused (a 404, a wrong URL), nothing tells the
     * user, though promise 3 says a refusal "is reported clearly once".
     */
    @Test
    void withoutSlf4jTheApplicationsOwnRefusalIsStillShownOnStderr() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("not found").build());
        String output = CompatClassPath.run(CompatClassPath.swap(List.of("logback-")), List.of(), WarmUpBareMain.class,
                "stderr-rejection", server.url("/ping/unknown-check").toString());

        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertTrue(output.contains("RESULT ping=REJECTED"), output);
        assertEquals(1, server.getRequestCount(), output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith("[heartbeat-sdk] WARN") && line.contains("HTTP 404")),
                "the application's 404 was never shown: " + output);
        assertTrue(!output.contains("heartbeat-sdk-warm-up.invalid"), "a URL the application never set: " + output);
    }

    /**
     * Promise 0: after close() returns the SDK opens nothing. A client built and closed at once
     * (never used) leaves the warm-up to open a server socket and a connection afterwards.
     */
    @Test
    void afterCloseOfAClientNeverUsedTheSdkOpensNoSocket() throws Exception {
        assumeSecurityManager();
        String output = CompatClassPath.run(CompatClassPath.swap(List.of("logback-")),
                List.of("-Djava.security.manager=allow"), WarmUpBareMain.class, "sockets-after-close",
                server.url("/never").toString());

        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertEquals(List.of(), output.lines().filter(line -> line.startsWith("RESULT after close:"))
                .collect(Collectors.toList()), "sockets the warm-up opened after close() returned");
    }

    /**
     * Promise 0 again: a client built and closed without a signal leaves no thread behind: the
     * warm-up's throwaway ping, which would leave OkHttp's TaskRunner threads and Okio's watchdog
     * (a minute each), is not sent once every client is closed.
     */
    @Test
    void aClientNeverUsedLeavesNoOkHttpThreadAfterClose() throws Exception {
        String output = CompatClassPath.run(CLASSPATH, List.of(), WarmUpReviewMain.class, "never-used",
                server.url("/never").toString());

        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertEquals(List.of(), output.lines().filter(line -> line.startsWith("RESULT thread after close:"))
                .collect(Collectors.toList()), "threads left after build() and close()");
    }

    /** A security manager that refuses server sockets: the warm-up gives up quietly and the ping goes out. Holds. */
    @Test
    void aSecurityManagerRefusingServerSocketsCostsNothingButTheWarmUp() throws Exception {
        assumeSecurityManager();
        server.enqueue(new MockResponse.Builder().code(200).build());
        String output = CompatClassPath.run(CompatClassPath.swap(List.of("logback-")),
                List.of("-Djava.security.manager=allow"), WarmUpBareMain.class, "listen-denied",
                server.url("/ping/sm").toString());

        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertTrue(output.contains("RESULT ping=DELIVERED"), output);
        assertTrue(!output.contains("[heartbeat-sdk]") && !output.contains("Exception"), output);
        assertEquals(1, server.getRequestCount());
    }

    /**
     * A client built, then the application's logging starts (Spring Boot's, any logback.xml: it
     * takes a while) and the application logs. The warm-up's throwaway client logs meanwhile,
     * so SLF4J hands it a stand-in and prints "A number (1) of logging calls during the
     * initialization phase have been intercepted" on stderr: what LazyLogger exists to avoid, and
     * what a client that has sent nothing never caused before (it did not log at all).
     */
    @Test
    void aClientNotYetUsedLogsNothingWhileTheApplicationsLoggingStarts() throws Exception {
        String output = CompatClassPath.run(CLASSPATH, List.of("-Dslf4j.provider=" + SlowStartLogging.class.getName()),
                WarmUpReviewMain.class, "app-logs", server.url("/never").toString());

        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertTrue(output.contains("application started"), output);
        assertTrue(!output.contains("intercepted"), "SLF4J's warning on stderr: " + output);
        assertEquals(0, server.getRequestCount());
    }

    /**
     * A client whose URLs are all https: the https warm-up's own throwaway client (an OkHttpClient
     * of its own, so "the user's") starts the plain-http warm-up too, which builds a plain-http
     * base client no signal of this JVM needs, kept for as long as the JVM runs.
     */
    @Test
    void anHttpsOnlyClientStartsOneWarmUpAndLeavesNoPlainHttpBase() throws Exception {
        String output = CompatClassPath.run(CLASSPATH, List.of(), WarmUpReviewMain.class, "tls-only",
                "https://127.0.0.1:1/never");

        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertTrue(output.contains("RESULT tls warm-up=true"), output);
        assertTrue(output.contains("RESULT cleartext warm-up=false"), "a second warm-up ran: " + output);
        assertTrue(output.contains("RESULT cleartext base=false"), "a base no signal needs: " + output);
    }

    /**
     * A client given the user's OkHttpClient never uses the SDK's base clients: its warm-up
     * builds its canned client from scratch and keeps none.
     */
    @Test
    void aClientWithTheUsersOkHttpClientLeavesNoBaseClient() throws Exception {
        String output = CompatClassPath.run(CLASSPATH, List.of(), WarmUpReviewMain.class, "user-client",
                server.url("/never").toString());

        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertTrue(output.contains("RESULT cleartext base=false") && output.contains("RESULT tls base=false"),
                "a base client the SDK never uses: " + output);
    }

    /**
     * One client sending to http and https (a private CA through {@code sslSocketFactory(...)}),
     * its first signal well after both warm-ups: the https lease derives from the base the TLS
     * warm-up made, the http one from the plain base; both deliver, and the last close() lets go
     * of both bases. Holds; on OkHttp 4.12 too.
     */
    @Test
    void afterBothWarmUpsAClientOfHttpAndPrivateCaHttpsDeliversToBoth() throws Exception {
        assertHttpAndHttpsAfterTheWarmUps(CLASSPATH);
    }

    @Test
    void afterBothWarmUpsAClientOfHttpAndPrivateCaHttpsDeliversToBothOnOkHttp4() throws Exception {
        assertHttpAndHttpsAfterTheWarmUps(CompatClassPath.okHttp4());
    }

    private void assertHttpAndHttpsAfterTheWarmUps(String classPath) throws Exception {
        try (MockWebServer https = TestTls.httpsServer()) {
            server.enqueue(new MockResponse.Builder().code(200).build());
            server.enqueue(new MockResponse.Builder().code(200).build());
            https.enqueue(new MockResponse.Builder().code(200).build());
            https.enqueue(new MockResponse.Builder().code(200).build());
            Path ca = dir.resolve("ca.pem");
            Files.writeString(ca, TestTls.ROOT.certificatePem());

            String output = CompatClassPath.run(classPath, List.of(), WarmUpReviewMain.class, "warm-then-send",
                    server.url("/ping/plain").toString(), https.url("/ping/secure").toString(), ca.toString());

            assertTrue(output.contains("RESULT warm-up ended=true"), output);
            assertTrue(output.contains("RESULT tls base=true"), "the TLS warm-up made the https base: " + output);
            assertTrue(output.contains("RESULT ping 0=DELIVERED"), output);
            assertTrue(output.contains("RESULT ping 1=DELIVERED"), output);
            assertTrue(output.contains("RESULT users after close=0"), output);
            assertTrue(output.contains("RESULT bases after close=false"), output);
            assertEquals(2, server.getRequestCount(), "the warm-ups sent nothing to the http backend");
            assertEquals(2, https.getRequestCount(), "nor to the https one");
        }
    }

    /**
     * A container undeploys the application right after it built and closed a client: the
     * warm-up then meets a closed class loader. It ends quietly (no stack trace, no "Exception in
     * thread") and does not pin the loader. Holds.
     */
    @Test
    void aWarmUpMeetingAClosedClassLoaderEndsQuietlyAndPinsNothing() throws Exception {
        String output = CompatClassPath.run(CLASSPATH, List.of(), ClosedLoaderWarmUpMain.class,
                server.url("/never").toString());

        assertTrue(output.contains("RESULT built, closed and undeployed"), output);
        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertTrue(!output.contains("\tat ") && !output.contains("Exception in thread"), "no stack trace: " + output);
        assertTrue(output.contains("RESULT loader collected=true"), output);
        assertEquals(0, server.getRequestCount());
    }

    /** A client built with {@code heartbeat.enabled=false} starts no warm-up. Holds. */
    @Test
    void aDisabledClientStartsNoWarmUp() throws Exception {
        String output = CompatClassPath.run(CLASSPATH, List.of(), WarmUpReviewMain.class, "disabled",
                server.url("/never").toString());

        assertTrue(output.contains("RESULT warm-up started=false"), output);
    }

    /** With IPv6 preferred the loopback is ::1: the warm-up's connection to itself and both pings still work. Holds. */
    @Test
    void theWarmUpWorksWithIpv6Preferred() throws Exception {
        String output = CompatClassPath.run(CLASSPATH, List.of("-Djava.net.preferIPv6Addresses=true"),
                WarmUpMain.class, "direct");

        assertTrue(output.contains("RESULT cleartext=DELIVERED"), output);
        assertTrue(output.contains("RESULT tls=DELIVERED"), output);
    }

    private static List<String> logged(String output) {
        return output.lines().filter(line -> line.startsWith("RESULT logged")).collect(Collectors.toList());
    }

    /** What connected to {@code server} (connections wait in the backlog until accepted): "nothing" or the first byte. */
    private static String reached(ServerSocket server) throws IOException {
        server.setSoTimeout(200);
        try (Socket accepted = server.accept()) {
            accepted.setSoTimeout(200);
            try {
                return "a connection whose first byte is " + accepted.getInputStream().read();
            } catch (SocketTimeoutException silent) {
                return "a connection";
            }
        } catch (SocketTimeoutException none) {
            return "nothing";
        }
    }

    /** A security manager watches sockets in these cases; JDK 24 and later refuse to enable one at all. */
    private static void assumeSecurityManager() {
        assumeTrue(Runtime.version().feature() < 24, "JDK " + Runtime.version().feature()
                + " cannot enable a security manager; the JDK 17 run covers this case");
    }
}
