package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.transport.WarmUpMain;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * After {@code build()} the SDK prepares OkHttp on a thread of its own: nothing of it loads on the
 * caller's thread, nothing is sent, {@code close()} never waits for it and a failed
 * {@code build()} leaves no warm-up thread behind. Each case runs in a fresh JVM ({@link WarmUpMain}), where no
 * warm-up has run yet.
 */
class WarmUpTest {
    private static final String CLASSPATH = System.getProperty("java.class.path");

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @Test
    void buildLoadsNoOkHttpOnTheCallersThreadAndTheWarmUpSendsNothingAndSetsUpNoTlsForHttp() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        Path log = dir.resolve("classes.log");
        String output = CompatClassPath.run(CLASSPATH, List.of("-Xlog:class+load:file=" + log + ":tid"),
                WarmUpMain.class, "build", server.url("/ping/warm").toString());

        assertTrue(output.contains("RESULT warm-up started=true"), output);
        assertTrue(output.contains("RESULT warm-up ended=true") || !output.contains("warm-up ended"), output);
        assertTrue(output.contains("RESULT warmed=true"), "the warm-up leased no client: " + output);
        assertTrue(output.contains("RESULT ping=DELIVERED"), output);
        assertEquals(1, server.getRequestCount(), "the warm-up sent nothing to the backend");
        assertEquals("/ping/warm", server.takeRequest(1, TimeUnit.SECONDS).getTarget());

        String tid = "[" + result(output, "tid") + "]";
        List<String> onCaller = new ArrayList<>();
        List<String> tls = new ArrayList<>();
        boolean okHttpLoadedElsewhere = false;
        boolean built = false;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String name = line.substring(line.indexOf(']') + 1).trim().split(" ", 2)[0];
            if (name.equals("java.security.KeyStore") || name.equals("sun.security.ssl.SSLContextImpl")) {
                tls.add(name);
            }
            if (name.equals("okhttp3.OkHttpClient") && !line.startsWith(tid)) {
                okHttpLoadedElsewhere = true;
            }
            if (line.startsWith(tid) && !built) {
                built = name.endsWith("WarmUpMain$BuildReturned");
                if (name.startsWith("okhttp3.") || name.startsWith("okio.") || name.startsWith("kotlin.")) {
                    onCaller.add(name);
                }
            }
        }
        assertTrue(built, "marker class not in the class-load log");
        assertEquals(List.of(), onCaller, "classes build() loaded on the caller's thread");
        assertTrue(okHttpLoadedElsewhere, "the warm-up loaded OkHttp on its own thread");
        assertEquals(List.of(), tls, "an http URL needs no TLS: neither the warm-up nor the ping set it up");
    }

    @Test
    void closeOfAClientNeverUsedDoesNotWaitForTheWarmUp() throws Exception {
        // The child holds the lock the warm-up needs first: were close() to wait for the warm-up,
        // the child would hang and run(...) fail after 60 s.
        String output = CompatClassPath.run(CLASSPATH, List.of(), WarmUpMain.class, "close-while-warming",
                server.url("/never").toString());

        assertTrue(output.contains("RESULT closed, warm-up running=true"), output);
        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aBuildThatThrowsOnItsSettingsStartsNoWarmUp() throws Exception {
        String output = CompatClassPath.run(CLASSPATH, List.of(), WarmUpMain.class, "failed-builds",
                server.url("/never").toString());

        assertTrue(output.contains("RESULT warm-up started=false"), output);
        assertFalse(output.contains("RESULT built"), output);
    }

    @Test
    void aBuildThatThrowsAfterTheWarmUpStartedLeavesNoThreadAndALaterBuildWarmsUpAgain() throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "JDK " + Runtime.version().feature()
                + " cannot enable a security manager, which makes this build throw; the JDK 17 run covers it");
        String output = CompatClassPath.run(CLASSPATH, List.of("-Djava.security.manager=allow"), WarmUpMain.class,
                "failed-after-start", server.url("/never").toString());

        // The build waits for the warm-up it started to end before it throws.
        assertTrue(output.contains("RESULT after the failed build, warm-up started=true alive=false still counted=false"),
                output);
        assertTrue(output.contains("RESULT after a build that succeeds, warm-up started=true new thread=true"), output);
        assertFalse(output.contains("RESULT built"), output);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theWarmUpConnectsToNoSocksProxyTheJvmIsConfiguredWith() throws Exception {
        assertTheWarmUpConnectsTo(NOTHING, "-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=");
    }

    @Test
    void theWarmUpConnectsToNoHttpProxyTheJvmIsConfiguredWith() throws Exception {
        assertTheWarmUpConnectsTo(NOTHING, "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=");
    }

    @Test
    void theCannedSocketFitsOkHttp4Too() throws Exception {
        String classPath = CompatClassPath.okHttp4();
        String output = CompatClassPath.run(classPath, List.of(), WarmUpMain.class, "direct");

        assertTrue(output.contains("RESULT cleartext=DELIVERED"), output);
        assertTrue(output.contains("RESULT tls=DELIVERED"), output);
    }

    private static final String NOTHING = "nothing";

    /** Runs the warm-up with a proxy at a local port given by {@code hostOption} and {@code portOption} + port. */
    private static void assertTheWarmUpConnectsTo(String expected, String hostOption, String portOption) throws Exception {
        try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String output = CompatClassPath.run(CLASSPATH, List.of(hostOption, portOption + proxy.getLocalPort()),
                    WarmUpMain.class, "direct");

            assertTrue(output.contains("RESULT cleartext=DELIVERED"), output);
            assertTrue(output.contains("RESULT tls=DELIVERED"), output);
            assertEquals(expected, acceptedWithin(proxy) == null ? NOTHING : "a connection", "reached the proxy");
        }
    }

    /** A connection made to {@code server} (it waits in the backlog until accepted), or null. */
    private static Object acceptedWithin(ServerSocket server) throws IOException {
        server.setSoTimeout(200);
        try {
            return server.accept();
        } catch (SocketTimeoutException none) {
            return null;
        }
    }

    private static String result(String output, String key) {
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT " + key + "=")) {
                return line.substring(("RESULT " + key + "=").length()).trim();
            }
        }
        throw new AssertionError("no RESULT " + key + " in: " + output);
    }
}
