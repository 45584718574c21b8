package io.github.heartbeatsdk;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signal offered from another shutdown hook is delivered whichever hook runs first: the SDK's
 * hook flushes without closing, and a later ping waits for its own delivery.
 */
class ShutdownHookOrderTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    /** 0 ms: the hooks race; 500 ms: the SDK's hook has surely flushed (nothing pending) and returned. */
    @ParameterizedTest
    @ValueSource(longs = {0, 500})
    void aPingFromAnotherShutdownHookIsDelivered(long delayMillis) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HookOrderMain.class.getName(), server.url("/ping/predestroy").toString(), Long.toString(delayMillis))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit");
        assertEquals(0, child.exitValue(), output);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request, "the hook's ping never arrived: " + output);
        assertEquals("/ping/predestroy", request.getTarget());
        assertTrue(output.contains("hook ping returned DELIVERED"), "ping() waited for its delivery: " + output);
    }

    /**
     * As under mvn exec:java: the exit hook runs after the application's class loader was closed.
     * The ping cannot be delivered then (OkHttp's classes can no longer load); the hook ends it
     * and the JVM exits, with no stack trace and at most one line from the SDK.
     */
    @org.junit.jupiter.api.Test
    void theExitHookCopesWithAClosedClassLoaderInOneLineAtMost() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ClosedLoaderMain.class.getName(), server.url("/ping/exec-java").toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit");
        assertEquals(0, child.exitValue(), output);

        assertTrue(output.contains("main returned; its class loader is closed"), output);
        assertTrue(!output.contains("\tat ") && !output.contains("Exception in thread"), "no stack trace: " + output);
        assertTrue(output.lines().filter(line -> line.contains("heartbeat-sdk")).count() <= 1, output);
    }
}
