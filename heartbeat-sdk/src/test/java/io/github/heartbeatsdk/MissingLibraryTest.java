package io.github.heartbeatsdk;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A library missing at run time ends signals at once and says which; it never hangs them. */
class MissingLibraryTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Runs {@link MissingLibraryMain} without the class path entries whose file name contains one of {@code left}. */
    private String runWithout(String url, String... left) throws Exception {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            boolean drop = false;
            for (String prefix : left) {
                drop |= name.startsWith(prefix);
            }
            if (!drop) {
                kept.add(entry);
            }
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, kept),
                MissingLibraryMain.class.getName(), url).redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), text);
        return text;
    }

    @Test
    void withoutOkHttpAPingEndsFailedAtOnceNamingTheMissingClass() throws Exception {
        String output = runWithout(server.url("/ping/no-okhttp").toString(), "okhttp", "mockwebserver");

        assertTrue(output.contains("outcome=FAILED"), output);
        assertTrue(output.contains("NoClassDefFoundError: okhttp3/"), output);
        assertFalse(output.contains("TimeoutException"), output);
    }

    @Test
    void withoutSlf4jSignalsAreDeliveredAndFailuresGoToStandardError() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).build());
        String output = runWithout(server.url("/ping/no-slf4j-SECRET").toString(), "slf4j-api", "logback");

        assertTrue(output.contains("outcome=REJECTED"), output);
        assertTrue(output.contains("[heartbeat-sdk] WARN"), output);
        assertTrue(output.contains("HTTP 404"), output);
        assertFalse(output.contains("SECRET"), "redacted on stderr too: " + output);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void withSlf4jButNoProviderTheFirstWarningOfEachKindGoesToStandardError() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).build());
        String output = runWithout(server.url("/ping/no-provider-SECRET").toString(), "logback");

        assertTrue(output.contains("outcome=REJECTED"), output);
        assertTrue(output.contains("[heartbeat-sdk] WARN heartbeat to"), output);
        assertTrue(output.contains("HTTP 404"), output);
        assertTrue(output.contains("add an SLF4J provider"), output);
        assertFalse(output.contains("SECRET"), "redacted on stderr too: " + output);
    }
}
