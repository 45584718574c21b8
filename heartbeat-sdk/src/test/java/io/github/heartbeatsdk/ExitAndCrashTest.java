package io.github.heartbeatsdk;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real JVM exits (promise 2): a job's end signal sent right before {@code System.exit} or the end
 * of {@code main} still arrives; a JVM killed with SIGKILL mid-job leaves nothing behind that
 * stops the next start from working.
 */
class ExitAndCrashTest {
    private static final String UUID = "0d4c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path temp;

    private Process child(String mode, Path output) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JobExitMain.class.getName(), server.url("/" + UUID).toString(), mode)
                .redirectErrorStream(true);
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        return builder.start();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @ParameterizedTest
    @ValueSource(strings = {"exit", "return"})
    void jobEndRightBeforeTheJvmEndsIsDelivered(String howMainEnds) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        Path output = temp.resolve("child.txt");

        Process child = child(howMainEnds, output);

        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit: " + read(output));
        assertEquals(0, child.exitValue(), read(output));
        RecordedRequest start = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest end = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(start, "START never arrived: " + read(output));
        assertNotNull(end, "SUCCESS never arrived: " + read(output));
        assertTrue(start.getTarget().startsWith("/" + UUID + "/start?rid="), start.getTarget());
        String runId = start.getTarget().substring(start.getTarget().indexOf("rid=") + 4);
        assertEquals("/" + UUID + "?rid=" + runId, end.getTarget(), "the success of the same run");
        assertNull(server.takeRequest(200, TimeUnit.MILLISECONDS), "nothing else was sent");
    }

    @Test
    void jvmKilledMidJobLeavesNothingThatStopsTheNextStart() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build()); // the killed child's START
        server.enqueue(new MockResponse.Builder().code(200).build()); // the next child's ping

        Process doomed = child("hang", null);
        String line;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(doomed.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine(); // blocks until the child printed, or died (null)
            assertEquals("started DELIVERED", line, "the child started its job");
            doomed.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(doomed.waitFor(30, TimeUnit.SECONDS), "killed child is gone");
        }
        assertTrue(doomed.exitValue() != 0 && doomed.exitValue() != 3, "killed, exit " + doomed.exitValue());
        RecordedRequest start = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(start);
        assertTrue(start.getTarget().startsWith("/" + UUID + "/start?rid="), start.getTarget());

        Path output = temp.resolve("next.txt");
        Process next = child("ping", output);
        assertTrue(next.waitFor(60, TimeUnit.SECONDS), "next child JVM did not exit: " + read(output));
        assertEquals(0, next.exitValue(), "the next start pings successfully: " + read(output));
        RecordedRequest ping = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(ping, read(output));
        assertEquals("/" + UUID, ping.getTarget());
        assertEquals(2, server.getRequestCount(),
                "the killed job never ended; only its start and the new ping arrived");
    }
}
