package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A job run's life: run ids, durations, a single end, try-with-resources, run/call, and a dead backend. */
class JobRunTest {
    static final String UUID = "5bf6dd8e-8b1f-4a3c-9a3e-0c2d3b4a5f61";
    static final String CHECK = "/ping/" + UUID;

    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();
    final FakeClock clock = clients.clock;
    final ManualScheduler scheduler = clients.scheduler;
    HeartbeatClient client;

    private HeartbeatClient clientFor(Endpoint endpoint) {
        client = clients.client(endpoint);
        return client;
    }

    private HeartbeatClient healthchecks() {
        return clientFor(Endpoints.healthchecks(server.url(CHECK).toString()));
    }

    /** Answers the next {@code count} requests with 200, delivers what is queued, and returns the requests. */
    private List<RecordedRequest> deliver(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            server.enqueue(new MockResponse.Builder().code(200).build());
        }
        scheduler.runDue();
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertNotNull(request, "request " + (i + 1) + " of " + count);
            requests.add(request);
        }
        assertEquals(count, server.getRequestCount(), "no other request");
        return requests;
    }

    private static DeliveryResult now(CompletionStage<DeliveryResult> stage) {
        return stage.toCompletableFuture().getNow(null);
    }

    @Test
    void overlappingRunsKeepTheirOwnRunIdsAndDurations() throws Exception {
        clientFor(Endpoints.cronitor(server.url("/p/API_KEY/nightly-backup").toString()));

        JobRun first = client.startJob("nightly-backup");
        clock.advance(Duration.ofMillis(1_000));
        JobRun second = client.startJob("nightly-backup");
        clock.advance(Duration.ofMillis(2_000));
        second.success();
        clock.advance(Duration.ofMillis(3_000));
        first.fail("first run failed");
        List<RecordedRequest> requests = deliver(4);

        assertNotEquals(first.runId(), second.runId());

        assertEquals("run", requests.get(0).getUrl().queryParameter("state"));
        assertEquals(first.runId(), requests.get(0).getUrl().queryParameter("series"));
        assertEquals("run", requests.get(1).getUrl().queryParameter("state"));
        assertEquals(second.runId(), requests.get(1).getUrl().queryParameter("series"));

        assertEquals("complete", requests.get(2).getUrl().queryParameter("state"));
        assertEquals(second.runId(), requests.get(2).getUrl().queryParameter("series"));
        assertEquals("duration:2.000", requests.get(2).getUrl().queryParameter("metric"));

        assertEquals("fail", requests.get(3).getUrl().queryParameter("state"));
        assertEquals(first.runId(), requests.get(3).getUrl().queryParameter("series"));
        assertEquals("duration:6.000", requests.get(3).getUrl().queryParameter("metric"));
        assertEquals("first run failed", requests.get(3).getUrl().queryParameter("message"));
    }

    @Test
    void elapsedGrowsWhileTheRunIsOpenAndStopsAtItsEnd() {
        healthchecks();
        JobRun run = client.startJob("backup");
        clock.advance(Duration.ofMillis(1_250));
        assertEquals(Duration.ofMillis(1_250), run.elapsed());
        run.success();
        clock.advance(Duration.ofMillis(10_000));
        assertEquals(Duration.ofMillis(1_250), run.elapsed());
    }

    @Test
    void endingTwiceIsHarmlessAndSendsNothingMore() throws Exception {
        healthchecks();
        JobRun run = client.startJob("backup");
        CompletionStage<DeliveryResult> success = run.success();
        assertTrue(run.isEnded());

        for (CompletionStage<DeliveryResult> again : List.of(run.success(), run.fail("late"),
                run.fail(new IllegalStateException("late")), run.exit(0), run.exit(3))) {
            DeliveryResult result = now(again);
            assertNotNull(result, "a second end returns an already completed stage");
            assertEquals(Outcome.DROPPED, result.outcome());
            assertEquals(0, result.attempts());
        }
        run.close(); // closing an ended run sends nothing either

        List<RecordedRequest> requests = deliver(2);
        assertEquals("/ping/" + UUID + "/start?rid=" + run.runId(), requests.get(0).getTarget());
        assertEquals("/ping/" + UUID + "?rid=" + run.runId(), requests.get(1).getTarget());
        assertEquals(Outcome.DELIVERED, now(success).outcome());
        scheduler.runDue();
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aRunClosedWithoutAnEndReportsFailure() throws Exception {
        healthchecks();
        String runId;
        try (JobRun run = client.startJob("backup")) {
            runId = run.runId();
            // the job forgets to call success()
        }
        List<RecordedRequest> requests = deliver(2);

        assertEquals("POST", requests.get(0).getMethod());
        assertEquals(CHECK + "/start?rid=" + runId, requests.get(0).getTarget());
        RecordedRequest end = requests.get(1);
        assertEquals("POST", end.getMethod());
        assertEquals(CHECK + "/fail?rid=" + runId, end.getTarget());
        assertEquals("ended without success", end.getBody().utf8());
        assertEquals(JobRun.ENDED_WITHOUT_SUCCESS, end.getBody().utf8());
    }

    @Test
    void aRunEndedInsideTryWithResourcesIsNotFailedByClose() throws Exception {
        healthchecks();
        String runId;
        try (JobRun run = client.startJob("backup")) {
            runId = run.runId();
            run.success();
        }
        List<RecordedRequest> requests = deliver(2);
        assertEquals(CHECK + "?rid=" + runId, requests.get(1).getTarget());
        scheduler.runDue();
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void runReportsStartAndSuccess() throws Exception {
        healthchecks();
        AtomicInteger ran = new AtomicInteger();
        client.run("backup", ran::incrementAndGet);
        assertEquals(1, ran.get());

        List<RecordedRequest> requests = deliver(2);
        String rid = requests.get(0).getUrl().queryParameter("rid");
        assertNotNull(rid);
        assertEquals(CHECK + "/start?rid=" + rid, requests.get(0).getTarget());
        assertEquals("POST", requests.get(1).getMethod());
        assertEquals(CHECK + "?rid=" + rid, requests.get(1).getTarget());
    }

    @Test
    void runWrapsAJobThatThrowsACheckedExceptionAndRethrowsItTyped() throws Exception {
        healthchecks();
        java.io.IOException diskFull = new java.io.IOException("disk full");

        try {
            client.run("export", () -> {
                throw diskFull; // compiles only because run(...) declares the job's own exception type
            });
        } catch (java.io.IOException thrown) {
            assertSame(diskFull, thrown);
        }

        List<RecordedRequest> requests = deliver(2);
        assertTrue(requests.get(1).getTarget().startsWith(CHECK + "/fail?rid="), requests.get(1).getTarget());
        assertTrue(requests.get(1).getBody().utf8().contains("java.io.IOException: disk full"));
    }

    @Test
    void runRethrowsTheOriginalExceptionAndReportsFailure() throws Exception {
        healthchecks();
        IllegalStateException boom = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> client.run("backup", () -> {
            throw boom;
        }));
        assertSame(boom, thrown);

        List<RecordedRequest> requests = deliver(2);
        String rid = requests.get(0).getUrl().queryParameter("rid");
        assertEquals(CHECK + "/start?rid=" + rid, requests.get(0).getTarget());
        assertEquals("POST", requests.get(1).getMethod());
        assertEquals(CHECK + "/fail?rid=" + rid, requests.get(1).getTarget());
        assertEquals("java.lang.IllegalStateException: boom", requests.get(1).getBody().utf8());
    }

    @Test
    void runRethrowsAnErrorUnchanged() throws Exception {
        healthchecks();
        AssertionError error = new AssertionError("broken invariant");

        AssertionError thrown = assertThrows(AssertionError.class, () -> client.run("backup", () -> {
            throw error;
        }));
        assertSame(error, thrown);
        List<RecordedRequest> requests = deliver(2);
        assertEquals("java.lang.AssertionError: broken invariant", requests.get(1).getBody().utf8());
    }

    @Test
    void callReturnsTheResultAndReportsStartAndSuccess() throws Exception {
        healthchecks();
        Object result = new Object();

        assertSame(result, client.call("backup", () -> result));

        List<RecordedRequest> requests = deliver(2);
        String rid = requests.get(0).getUrl().queryParameter("rid");
        assertEquals(CHECK + "/start?rid=" + rid, requests.get(0).getTarget());
        assertEquals("POST", requests.get(1).getMethod());
        assertEquals(CHECK + "?rid=" + rid, requests.get(1).getTarget());
    }

    @Test
    void callRethrowsTheOriginalExceptionAndReportsFailure() throws Exception {
        healthchecks();
        IllegalStateException boom = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> client.call("backup", () -> {
            throw boom;
        }));
        assertSame(boom, thrown);

        List<RecordedRequest> requests = deliver(2);
        String rid = requests.get(0).getUrl().queryParameter("rid");
        assertEquals(CHECK + "/fail?rid=" + rid, requests.get(1).getTarget());
        assertEquals("POST", requests.get(1).getMethod());
        assertEquals("java.lang.IllegalStateException: boom", requests.get(1).getBody().utf8());
    }

    @Test
    void callRethrowsACheckedExceptionUnchanged() throws Exception {
        healthchecks();
        IOException gone = new IOException("disk gone");

        IOException thrown = assertThrows(IOException.class, () -> client.call("backup", () -> {
            throw gone;
        }));
        assertSame(gone, thrown);

        List<RecordedRequest> requests = deliver(2);
        assertEquals("java.io.IOException: disk gone", requests.get(1).getBody().utf8());
    }

    @Test
    void anExceptionWithoutMessageIsReportedByItsClassName() throws Exception {
        healthchecks();
        assertThrows(UnsupportedOperationException.class, () -> client.run("backup", () -> {
            throw new UnsupportedOperationException();
        }));
        List<RecordedRequest> requests = deliver(2);
        assertEquals("java.lang.UnsupportedOperationException", requests.get(1).getBody().utf8());
    }

    @Test
    void exitStatusOutsideZeroTo255IsRefusedAndTheRunStaysOpen() throws Exception {
        healthchecks();
        JobRun run = client.startJob("backup");

        var tooHigh = assertThrows(IllegalArgumentException.class, () -> run.exit(256));
        assertEquals("exit status must be in 0..255, got 256", tooHigh.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> run.exit(-1));
        assertEquals("exit status must be in 0..255, got -1", negative.getMessage());
        assertFalse(run.isEnded());

        run.exit(255);
        List<RecordedRequest> requests = deliver(2);
        assertEquals(CHECK + "/255?rid=" + run.runId(), requests.get(1).getTarget());
    }

    @Test
    void aBackendThatIsDownDoesNotDelayTheJob() throws Exception {
        int port;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
            port = socket.getLocalPort();
        }
        String url = "http://" + loopback.getHostAddress() + ":" + port + "/ping/" + UUID;
        HeartbeatClient real = HeartbeatClient.builder().endpoint(Endpoints.healthchecks(url))
                .retryDeadline(Duration.ofSeconds(2)).shutdownHook(false).flushTimeout(Duration.ZERO).build();
        try {
            assertEquals(42, real.call("job", () -> 42));

            JobRun run = real.startJob("job");
            CompletionStage<DeliveryResult> end = run.success();
            for (CompletionStage<DeliveryResult> stage : List.of(run.started(), end)) {
                DeliveryResult result = now(stage);
                if (result != null) {
                    assertEquals(Outcome.FAILED, result.outcome(), result.toString());
                }
            }

            // Eventually every signal gives up, and none was delivered (a bounded wait, not a timing check).
            for (CompletionStage<DeliveryResult> stage : List.of(run.started(), end)) {
                CompletableFuture<DeliveryResult> future = stage.toCompletableFuture();
                DeliveryResult result = future.get(30, TimeUnit.SECONDS);
                assertTrue(EnumSet.of(Outcome.FAILED, Outcome.DROPPED).contains(result.outcome()), result.toString());
                if (result.error() != null) {
                    assertFalse(result.error().contains(UUID), "the error never shows the check: " + result.error());
                }
            }
        } finally {
            real.close();
        }
    }
}
