package io.github.heartbeatsdk.agent;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The wrapper as a crontab runs it: {@code java -jar heartbeat-sdk-agent.jar ...} in a child
 * process, against a local Healthchecks-style server. Every wait is bounded; short retry
 * deadlines and flush timeouts keep the failure cases quick.
 */
class WrapperIT {
    private static final String CHECK = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final Path JAR = Paths.get(System.getProperty("heartbeat.test.agent-jar", "target/heartbeat-sdk-agent.jar"));

    @StartStop
    final MockWebServer server = new MockWebServer();

    @BeforeEach
    void answerEverything() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(request.getTarget().contains("/missing") ? 404 : 200).build();
            }
        });
    }

    private String endpoint() {
        return "healthchecks+" + server.url("/ping/" + CHECK);
    }

    @Test
    void runReportsStartThenTheExitStatusWithTheOutputAndExitsWithIt() throws Exception {
        try (Wrapped w = new Wrapped(env(), null, "run", "--endpoint", endpoint(), "--",
                "sh", "-c", "echo hello; printf 'caf\\303\\251 no newline'; echo oops >&2; exit 3")) {
            assertEquals(3, w.exit());
            assertEquals("hello\ncafé no newline", w.out()); // byte for byte, nothing added
            assertTrue(w.err().contains("oops"), w.err());
        }
        RecordedRequest start = take();
        assertTrue(start.getTarget().startsWith("/ping/" + CHECK + "/start?rid="), start.getTarget());
        String rid = start.getUrl().queryParameter("rid");
        RecordedRequest end = take();
        assertEquals("/ping/" + CHECK + "/3?rid=" + rid, end.getTarget());
        assertTrue(body(end).contains("hello\ncafé no newline"), body(end));
        assertTrue(body(end).contains("oops"), body(end));
    }

    @Test
    void stdinReachesTheCommand() throws Exception {
        try (Wrapped w = new Wrapped(env(), "line one\nline two\n", "run", "--endpoint", endpoint(), "--", "sh", "-c", "cat")) {
            assertEquals(0, w.exit());
            assertEquals("line one\nline two\n", w.out());
        }
        take();
        RecordedRequest end = take();
        assertTrue(end.getTarget().startsWith("/ping/" + CHECK + "/0?rid="), end.getTarget());
        assertTrue(body(end).contains("line two"), body(end));
    }

    @Test
    void aKilledCommandIsReportedAndReturnedAs128PlusItsSignal() throws Exception {
        try (Wrapped w = new Wrapped(env(), null, "run", "--endpoint", endpoint(), "--", "sh", "-c", "kill -9 $$")) {
            assertEquals(137, w.exit());
        }
        take();
        assertTrue(take().getTarget().startsWith("/ping/" + CHECK + "/137?rid="));
    }

    @Test
    void aCommandThatCannotStartIsReportedAsFailedWith127() throws Exception {
        try (Wrapped w = new Wrapped(env(), null, "run", "--endpoint", endpoint(), "--", "/nonexistent/backup.sh")) {
            assertEquals(127, w.exit());
            assertTrue(w.err().contains("cannot start command"), w.err());
        }
        take();
        RecordedRequest end = take();
        assertTrue(end.getTarget().startsWith("/ping/" + CHECK + "/fail?rid="), end.getTarget());
        assertTrue(body(end).startsWith("cannot start command: "), body(end));
    }

    @Test
    void whenTheBackendIsDownTheCommandStillRunsAndItsStatusIsReturned() throws Exception {
        Map<String, String> env = env();
        env.put("HEARTBEAT_ENDPOINT", "healthchecks+http://127.0.0.1:" + closedPort() + "/ping/" + CHECK);
        long began = System.nanoTime();
        try (Wrapped w = new Wrapped(env, null, "run", "--", "sh", "-c", "echo still-runs; exit 4")) {
            assertEquals(4, w.exit());
            assertEquals("still-runs\n", w.out());
            assertFalse(w.err().contains(CHECK), w.err());
        }
        assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(60), "ended within a generous bound");
    }

    @Test
    void sigtermReachesTheCommandWhichStillGetsReported() throws Exception {
        String script = "trap 'echo got-term; exit 7' TERM; echo ready; while :; do sleep 0.1; done";
        try (Wrapped w = new Wrapped(env(), null, "run", "--endpoint", endpoint(), "--", "sh", "-c", script)) {
            w.awaitOut("ready");
            w.signal("TERM"); // what Process.destroy() sends, without closing our end of the pipes
            assertEquals(7, w.exit());
            assertEquals("ready\ngot-term\n", w.out());
        }
        take();
        RecordedRequest end = take();
        assertTrue(end.getTarget().startsWith("/ping/" + CHECK + "/7?rid="), end.getTarget());
        assertTrue(body(end).contains("got-term"), body(end));
    }

    @Test
    void sigintReachesTheCommandToo() throws Exception {
        String script = "trap 'echo got-int; exit 8' INT; echo ready; while :; do sleep 0.1; done";
        try (Wrapped w = new Wrapped(env(), null, "run", "--endpoint", endpoint(), "--", "sh", "-c", script)) {
            w.awaitOut("ready");
            w.signal("INT");
            assertEquals(8, w.exit());
            assertTrue(w.out().contains("got-int"), w.out());
        }
        take();
        assertTrue(take().getTarget().startsWith("/ping/" + CHECK + "/8?rid="));
    }

    @Test
    void pingExitsZeroWhenDeliveredOneWhenNot() throws Exception {
        try (Wrapped w = new Wrapped(env(), null, "ping", endpoint())) {
            assertEquals(0, w.exit());
        }
        assertEquals("/ping/" + CHECK, take().getTarget());
        try (Wrapped w = new Wrapped(env(), null, "ping", "healthchecks+" + server.url("/ping/missing/slug"))) {
            assertEquals(1, w.exit()); // 404: not retried
            assertTrue(w.err().contains("REJECTED, HTTP 404"), w.err());
        }
        Map<String, String> down = env();
        down.put("HEARTBEAT_RETRY_DEADLINE", "1500");
        try (Wrapped w = new Wrapped(down, null, "ping", "http://127.0.0.1:" + closedPort() + "/heartbeat/" + CHECK)) {
            assertEquals(1, w.exit());
            assertTrue(w.err().contains("FAILED"), w.err());
            assertFalse(w.err().contains(CHECK), w.err());
        }
    }

    @Test
    void withoutAnEndpointTheExitStatusIsTwo() throws Exception {
        try (Wrapped w = new Wrapped(env(), null, "ping")) {
            assertEquals(2, w.exit());
            assertTrue(w.err().contains("no endpoint"), w.err());
        }
        try (Wrapped w = new Wrapped(env(), null, "run", "--", "sh", "-c", "echo must-not-run")) {
            assertEquals(2, w.exit());
            assertEquals("", w.out());
        }
    }

    @Test
    void theEndpointComesFromTheEnvironmentAndNeverShowsEvenAtDebug() throws Exception {
        Map<String, String> env = env();
        env.put("HEARTBEAT_ENDPOINT", endpoint());
        try (Wrapped w = new Wrapped(env, null, "run", "--log-level", "debug", "--", "sh", "-c", "exit 0")) {
            assertEquals(0, w.exit());
            assertTrue(w.err().contains("[heartbeat-agent]"), "debug lines are written: " + w.err());
            assertFalse(w.err().contains(CHECK), w.err());
        }
        assertTrue(take().getTarget().startsWith("/ping/" + CHECK + "/start?rid="));
        assertTrue(take().getTarget().startsWith("/ping/" + CHECK + "/0?rid="));
        try (Wrapped w = new Wrapped(env, null, "ping", "--log-level", "debug")) {
            assertEquals(0, w.exit());
            assertFalse(w.err().contains(CHECK), w.err());
        }
        assertEquals("/ping/" + CHECK, take().getTarget());
    }

    @Test
    void startPrintsTheRunIdAndSuccessEndsThatRun() throws Exception {
        Map<String, String> env = env();
        env.put("HEARTBEAT_ENDPOINT", endpoint());
        String printed;
        try (Wrapped w = new Wrapped(env, null, "start", "--name", "nightly backup")) {
            assertEquals(0, w.exit());
            printed = w.out();
        }
        Matcher id = Pattern.compile("(?m)^export HEARTBEAT_RUN_ID=([0-9a-f-]{36})$").matcher(printed);
        assertTrue(id.find(), printed);
        Matcher started = Pattern.compile("(?m)^export HEARTBEAT_RUN_STARTED=([0-9]+)$").matcher(printed);
        assertTrue(started.find(), printed);
        assertTrue(printed.contains("export HEARTBEAT_RUN_NAME='nightly backup'"), printed);
        assertEquals("/ping/" + CHECK + "/start?rid=" + id.group(1), take().getTarget());

        env.put("HEARTBEAT_RUN_ID", id.group(1));
        env.put("HEARTBEAT_RUN_STARTED", started.group(1));
        env.put("HEARTBEAT_RUN_NAME", "nightly backup");
        try (Wrapped w = new Wrapped(env, "step 1 done\n", "log", "-")) {
            assertEquals(0, w.exit());
            assertFalse(w.err().contains("HEARTBEAT_RUN"), "no unknown-variable warning: " + w.err());
        }
        RecordedRequest log = take();
        assertEquals("/ping/" + CHECK + "/log?rid=" + id.group(1), log.getTarget());
        assertEquals("step 1 done\n", body(log));
        try (Wrapped w = new Wrapped(env, null, "success")) {
            assertEquals(0, w.exit());
        }
        assertEquals("/ping/" + CHECK + "?rid=" + id.group(1), take().getTarget());

        env.remove("HEARTBEAT_RUN_ID");
        try (Wrapped w = new Wrapped(env, null, "fail", "disk full")) {
            assertEquals(2, w.exit());
            assertTrue(w.err().contains("no run id"), w.err());
        }
    }

    @Test
    void everyRunsTheCommandRepeatedlyAndStopsBetweenRunsWithZero() throws Exception {
        try (Wrapped w = new Wrapped(env(), null, "run", "--every", "1s", "--endpoint", endpoint(), "--",
                "sh", "-c", "echo tick; exit 5")) {
            List<String> rids = new ArrayList<String>();
            for (int run = 0; run < 2; run++) {
                RecordedRequest start = take();
                assertTrue(start.getTarget().startsWith("/ping/" + CHECK + "/start?rid="), start.getTarget());
                String rid = start.getUrl().queryParameter("rid");
                assertEquals("/ping/" + CHECK + "/5?rid=" + rid, take().getTarget()); // this run has ended
                rids.add(rid);
            }
            assertFalse(rids.get(0).equals(rids.get(1)), "each run has its own id");
            w.process.destroy(); // SIGTERM, between runs (the second one has ended): the supervisor stops with 0
            assertEquals(0, w.exit());
            assertTrue(w.out().startsWith("tick\ntick\n"), w.out());
        }
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(20, TimeUnit.SECONDS);
        assertNotNull(request, "no request within 20 s");
        return request;
    }

    private static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    /** Short deadlines, and none of the test JVM's own HEARTBEAT_* variables. */
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<String, String>();
        env.put("HEARTBEAT_RETRY_DEADLINE", "5000");
        env.put("HEARTBEAT_FLUSH_TIMEOUT", "3000");
        return env;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code java -jar heartbeat-sdk-agent.jar args} with its output collected as bytes. */
    private static final class Wrapped implements AutoCloseable {
        final Process process;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread outCopy;
        private final Thread errCopy;

        Wrapped(Map<String, String> env, String input, String... args) throws IOException {
            List<String> command = new ArrayList<String>(Arrays.asList(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
            command.addAll(Arrays.asList(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeIf(name -> name.startsWith("HEARTBEAT_"));
            builder.environment().putAll(env);
            process = builder.start();
            outCopy = copy(process.getInputStream(), out);
            errCopy = copy(process.getErrorStream(), err);
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        int exit() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the wrapper did not end within 60 s; stderr: " + err());
            }
            outCopy.join(5000);
            errCopy.join(5000);
            return process.exitValue();
        }

        void awaitOut(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!out().contains(text)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    fail("no '" + text + "' on stdout; got: " + out() + "; stderr: " + err());
                }
                Thread.sleep(20);
            }
        }

        void signal(String name) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -s " + name);
        }

        String out() {
            synchronized (out) {
                return new String(out.toByteArray(), StandardCharsets.UTF_8);
            }
        }

        String err() {
            synchronized (err) {
                return new String(err.toByteArray(), StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }

        private static Thread copy(InputStream from, ByteArrayOutputStream to) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    int n;
                    while ((n = from.read(buffer)) != -1) {
                        synchronized (to) {
                            to.write(buffer, 0, n);
                        }
                    }
                } catch (IOException ended) {
                    // The wrapper is gone.
                }
            });
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
    }
}
