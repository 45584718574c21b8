package io.github.heartbeatsdk;

import ch.qos.logback.classic.Level;
import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.transport.SeparatePingsEndpoint;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees: one listener callback per signal and endpoint, stats that add up after a
 * scripted run, and WARN lines that stay few while a backend is down for an hour.
 */
class ObservabilityTest {
    private static final String UUID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    @StartStop
    final MockWebServer server = new MockWebServer();
    @StartStop
    final MockWebServer other = new MockWebServer();
    final FakeClock clock = new FakeClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final List<HeartbeatClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(HeartbeatClient::close);
    }

    private HeartbeatClient.Builder virtual() {
        return HeartbeatClient.builder().executor(scheduler).clock(clock).shutdownHook(false)
                .flushTimeout(Duration.ZERO);
    }

    private HeartbeatClient keep(HeartbeatClient client) {
        clients.add(client);
        return client;
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    @Test
    void listenerHearsExactlyOncePerSignalAndEndpointAndNeverForSkipped() {
        // Endpoint A (a plain URL) cannot say "start" or "fail": those are skipped there.
        server.enqueue(status(200)); // job a's success
        server.enqueue(status(404)); // ping 2
        for (int i = 0; i < 20; i++) {
            server.enqueue(status(503)); // ping 3, until its deadline
        }
        other.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return status(200);
            }
        });
        RecordingListener listener = new RecordingListener(clock);
        Endpoint urlEndpoint = SeparatePingsEndpoint.of(Endpoints.url(server.url("/heartbeat/url-secret").toString()));
        Endpoint hcEndpoint = SeparatePingsEndpoint.of(Endpoints.healthchecks(other.url("/" + UUID).toString()));
        HeartbeatClient client = keep(virtual().endpoints(urlEndpoint, hcEndpoint).listener(listener)
                .queueCapacity(6).retryDeadline(Duration.ofSeconds(10)).build());
        String urlName = urlEndpoint.toString();
        String hcName = hcEndpoint.toString();

        client.ping();                                   // P1: dropped on both lanes by P3
        JobRun a = client.startJob("a");                 // START a
        a.success();                                     // SUCCESS a
        client.ping();                                   // P2
        JobRun b = client.startJob("b");                 // START b
        b.fail("boom");                                  // FAIL b
        assertTrue(listener.calls().isEmpty());
        client.ping();                                   // P3: the queue (6) is full, P1 goes
        List<RecordingListener.Call> drops = listener.calls();
        assertEquals(2, drops.size(), "P1 dropped once per endpoint: " + drops);
        scheduler.advance(Duration.ofSeconds(30));

        List<RecordingListener.Call> calls = listener.calls();
        List<String> seen = calls.stream().map(c -> (c.success() ? "+" : "-") + c.signal().kind()
                        + (c.signal().jobName() != null ? "(" + c.signal().jobName() + ")" : "") + " " + c.outcome()
                        + " @" + shortName(c.result().endpoint(), urlName, hcName))
                .sorted().collect(Collectors.toList());
        List<String> expected = Arrays.asList(
                "+FAIL(b) DELIVERED @hc",
                "+PING DELIVERED @hc",
                "+PING DELIVERED @hc",
                "+START(a) DELIVERED @hc",
                "+START(b) DELIVERED @hc",
                "+SUCCESS(a) DELIVERED @hc",
                "+SUCCESS(a) DELIVERED @url",
                "-PING DROPPED @hc",
                "-PING DROPPED @url",
                "-PING FAILED @url",
                "-PING REJECTED @url");
        assertEquals(expected, seen);
        for (RecordingListener.Call call : calls) {
            assertFalse(call.result().endpoint().contains("url-secret"), call.result().endpoint());
            assertFalse(call.result().endpoint().contains(UUID), call.result().endpoint());
            assertTrue(call.result().endpoint().contains("/***"), call.result().endpoint());
        }
        HeartbeatStats stats = client.stats();
        assertEquals(14, stats.enqueued(), "7 signals x 2 endpoints");
        assertEquals(7, stats.delivered());
        assertEquals(3, stats.skipped(), "START a, START b and FAIL b on the plain URL");
        assertEquals(1, stats.rejected());
        assertEquals(1, stats.failed());
        assertEquals(2, stats.dropped());
        assertEquals(0, stats.pending());
    }

    private static String shortName(String endpoint, String urlName, String hcName) {
        return endpoint.equals(urlName) ? "url" : endpoint.equals(hcName) ? "hc" : endpoint;
    }

    @Test
    void throwingListenerIsIsolatedAndWarnedAboutOncePerMinute() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(status(200));
        }
        AtomicInteger heard = new AtomicInteger();
        HeartbeatListener throwing = new HeartbeatListener() {
            @Override
            public void onSuccess(Signal signal, DeliveryResult result) {
                heard.incrementAndGet();
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onFailure(Signal signal, DeliveryResult result) {
                heard.incrementAndGet();
                throw new IllegalStateException("listener bug");
            }
        };
        try (LogCapture logs = new LogCapture()) {
            HeartbeatClient client = keep(virtual().endpoint(SeparatePingsEndpoint.of(Endpoints.url(server.url("/ping/x").toString())))
                    .listener(throwing).queueCapacity(2).build());
            CompletableFuture<DeliveryResult> p1 = client.ping().toCompletableFuture();
            CompletableFuture<DeliveryResult> p2 = client.ping().toCompletableFuture();
            // p3 drops p1: the listener throws here, on our own thread
            CompletableFuture<DeliveryResult> p3 = client.ping().toCompletableFuture();
            assertEquals(Outcome.DROPPED, p1.getNow(null).outcome());
            scheduler.runDue();
            CompletableFuture<DeliveryResult> p4 = client.ping().toCompletableFuture();
            scheduler.runDue();

            assertEquals(Outcome.DELIVERED, p2.getNow(null).outcome());
            assertEquals(Outcome.DELIVERED, p3.getNow(null).outcome(), "delivery went on after the listener threw");
            assertEquals(Outcome.DELIVERED, p4.getNow(null).outcome());
            assertEquals(3, server.getRequestCount());
            assertEquals(4, heard.get());
            List<String> warnings = logs.messages(Level.WARN);
            assertEquals(1, warnings.size(), "one WARN a minute, not one per call: " + warnings);
            assertTrue(warnings.get(0).contains("listener") && warnings.get(0).contains("listener bug"),
                    warnings.get(0));

            scheduler.advance(Duration.ofSeconds(61));
            client.ping();
            scheduler.runDue();
            warnings = logs.messages(Level.WARN);
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(1).contains("3 similar warnings suppressed"), warnings.get(1));
            assertEquals(4, client.stats().delivered());
            assertEquals(1, client.stats().dropped());
        }
    }

    @Test
    void statsAddUpAfterAScriptedRun() {
        String secretPath = "/heartbeat/stats-secret-9d8c";
        HeartbeatClient client = keep(virtual().endpoint(SeparatePingsEndpoint.of(Endpoints.url(server.url(secretPath).toString())))
                .queueCapacity(2).retryDeadline(Duration.ofSeconds(10)).build());
        String redacted = "http://" + server.getHostName() + ":" + server.getPort() + "/***";

        // A: delivered at once.
        server.enqueue(status(200));
        long aAt = clock.millis();
        client.ping();
        scheduler.runDue();
        assertEquals(aAt, client.stats().lastSuccessMillis());

        // B: a 500, then delivered by the retry.
        scheduler.advance(Duration.ofSeconds(5));
        server.enqueue(status(500));
        server.enqueue(status(200));
        client.ping();
        scheduler.runDue();
        assertEquals(1, client.stats().retried());
        assertEquals(aAt, client.stats().lastSuccessMillis(), "not yet");
        long bAt = scheduler.dueTimes().get(0);
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(bAt, client.stats().lastSuccessMillis());

        // C: 404, rejected.
        server.enqueue(status(404));
        client.ping();
        scheduler.runDue();
        assertEquals("HTTP 404 from " + redacted, client.stats().lastError());

        // D, E, F queued at once into a queue of 2: D is dropped; E and F delivered.
        server.enqueue(status(200));
        server.enqueue(status(200));
        scheduler.advance(Duration.ofSeconds(1));
        CompletableFuture<DeliveryResult> d = client.ping().toCompletableFuture();
        client.ping();
        client.ping();
        assertEquals(Outcome.DROPPED, d.getNow(null).outcome());
        assertTrue(client.stats().lastError().startsWith("queue full"), client.stats().lastError());
        long efAt = clock.millis();
        scheduler.runDue();
        assertEquals(efAt, client.stats().lastSuccessMillis());

        // G: 503 until its deadline: failed.
        for (int i = 0; i < 20; i++) {
            server.enqueue(status(503));
        }
        CompletableFuture<DeliveryResult> g = client.ping().toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(15));
        DeliveryResult failed = g.getNow(null);
        assertNotNull(failed);
        assertEquals(Outcome.FAILED, failed.outcome());

        HeartbeatStats stats = client.stats();
        assertEquals(7, stats.enqueued());
        assertEquals(4, stats.delivered());
        assertEquals(1, stats.rejected());
        assertEquals(1, stats.dropped());
        assertEquals(1, stats.failed());
        assertEquals(0, stats.skipped());
        assertEquals(0, stats.pending());
        assertEquals(1 + (failed.attempts() - 1), stats.retried(), "B's retry and G's");
        assertEquals(efAt, stats.lastSuccessMillis(), "the FakeClock time of the last success");
        assertEquals(failed.error(), stats.lastError());
        assertTrue(stats.lastError().startsWith("HTTP 503 from " + redacted + "; gave up after "), stats.lastError());
        assertFalse(stats.toString().contains("stats-secret"), stats.toString());
        assertEquals(7, server.getRequestCount() - (failed.attempts() - 1), "A, B twice, C, E, F and G");
    }

    /**
     * Whoever is woken by a result (a callback on the stage, or a thread blocked in get()) already
     * sees it in stats() and has had the listener told: the count comes before the completion.
     */
    @Test
    void statsAlreadyCountASignalWhenItsResultIsSeen() {
        server.enqueue(status(200));
        server.enqueue(status(200));
        RecordingListener listener = new RecordingListener(clock);
        HeartbeatClient client = keep(virtual().endpoint(SeparatePingsEndpoint.of(Endpoints.url(server.url("/ping/s").toString())))
                .listener(listener).build());

        CompletableFuture<HeartbeatStats> seenByCallback = client.ping().toCompletableFuture()
                .thenApply(result -> client.stats());
        CompletableFuture<Integer> heardByCallback = client.ping().toCompletableFuture()
                .thenApply(result -> listener.calls().size());
        scheduler.runDue();

        HeartbeatStats stats = seenByCallback.getNow(null);
        assertNotNull(stats);
        assertEquals(1, stats.delivered(), "the delivered ping is counted once its result is out: " + stats);
        assertEquals(1, stats.pending(), "only the second ping is left: " + stats);
        assertEquals(2, heardByCallback.getNow(null),
                "the listener heard of the second ping before its stage completed");
    }

    // A signal offered after close() is counted (enqueued and dropped) and reported to the listener.
    @Test
    void signalOfferedAfterCloseIsCountedAsDropped() {
        HeartbeatClient client = keep(virtual().endpoint(Endpoints.url(server.url("/ping/closed").toString())).build());
        client.close();

        DeliveryResult result = client.ping().toCompletableFuture().getNow(null);

        assertEquals(Outcome.DROPPED, result.outcome());
        assertEquals(1, client.stats().dropped(), "offered after close: " + client.stats());
    }

    @Test
    void backendDownForAnHourCostsAboutOneWarnAMinuteNotOneABeat() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort(); // closed again: every connect is refused
        }
        try (LogCapture logs = new LogCapture()) {
            HeartbeatClient client = keep(virtual()
                    .endpoint(Endpoints.url("http://127.0.0.1:" + port + "/heartbeat/down-secret"))
                    .interval(Duration.ofSeconds(1)).build());
            client.start();
            scheduler.advance(Duration.ofHours(1));

            HeartbeatStats stats = client.stats();
            List<String> warnings = logs.messages(Level.WARN);
            assertTrue(stats.failed() >= 3_500, "a beat a second failed: " + stats);
            assertEquals(0, stats.delivered());
            assertTrue(warnings.size() >= 55 && warnings.size() <= 61,
                    warnings.size() + " WARN lines for " + stats.failed() + " failures");
            Pattern suppressed = Pattern.compile("\\((\\d+) similar warnings suppressed in the last 60 s\\)");
            long reported = 0;
            for (int i = 0; i < warnings.size(); i++) {
                String warning = warnings.get(i);
                assertTrue(warning.contains("not delivered") && warning.contains("127.0.0.1:" + port + "/***"),
                        warning);
                assertFalse(warning.contains("down-secret"), warning);
                Matcher count = suppressed.matcher(warning);
                if (i > 0) {
                    assertTrue(count.find(), "says how many were held back: " + warning);
                    reported += Long.parseLong(count.group(1));
                }
            }
            long accounted = warnings.size() + reported;
            assertTrue(accounted <= stats.failed() && stats.failed() - accounted <= 60,
                    "every failure is a WARN or counted in a later one: " + accounted + " of " + stats.failed());
        }
    }
}
