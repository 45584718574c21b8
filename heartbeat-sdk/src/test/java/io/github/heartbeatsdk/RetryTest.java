package io.github.heartbeatsdk;

import ch.qos.logback.classic.Level;
import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transient failures are retried with backoff until the deadline; misconfiguration is not. */
class RetryTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();
    final FakeClock clock = clients.clock;
    final ManualScheduler scheduler = clients.scheduler;
    HeartbeatClient client;

    private CompletableFuture<DeliveryResult> ping(String url) {
        client = clients.track(clients.builder(Endpoints.url(url)).retryDeadline(Duration.ofSeconds(60)).build());
        CompletableFuture<DeliveryResult> result = client.ping().toCompletableFuture();
        scheduler.runDue();
        return result;
    }

    private String url() {
        return server.url("/ping/0f1e2d3c").toString();
    }

    @Test
    void serverErrorIsRetriedAfterBackoffAndDeliveredOnce() {
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        CompletableFuture<DeliveryResult> result = ping(url());
        assertEquals(1, server.getRequestCount());
        assertFalse(result.isDone(), "waiting for the backoff");
        long retryAt = scheduler.dueTimes().get(0) - clock.millis();
        assertTrue(retryAt >= 500 && retryAt <= 1000, "first retry within 0.5..1 s, was " + retryAt);

        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(2, server.getRequestCount());
        assertEquals(Outcome.DELIVERED, result.getNow(null).outcome());
        assertEquals(2, result.getNow(null).attempts());
        scheduler.advance(Duration.ofMinutes(5));
        assertEquals(2, server.getRequestCount(), "delivered once, never sent again");
        assertEquals(1, client.stats().retried());
        assertEquals(1, client.stats().delivered());
    }

    @Test
    void connectionDroppedBeforeTheAnswerIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        CompletableFuture<DeliveryResult> result = ping(url());
        scheduler.advance(Duration.ofSeconds(10));

        assertEquals(Outcome.DELIVERED, result.getNow(null).outcome());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        CompletableFuture<DeliveryResult> result = ping(url());
        scheduler.advance(Duration.ofMillis(6_999));
        assertEquals(1, server.getRequestCount(), "not before Retry-After");
        assertFalse(result.isDone());

        scheduler.advance(Duration.ofMillis(1));
        assertEquals(2, server.getRequestCount());
        assertEquals(Outcome.DELIVERED, result.getNow(null).outcome());
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        String in20s = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(clock.instant().plusSeconds(20), ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", in20s).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        CompletableFuture<DeliveryResult> result = ping(url());
        scheduler.advance(Duration.ofMillis(19_999));
        assertEquals(1, server.getRequestCount());

        scheduler.advance(Duration.ofMillis(1));
        assertEquals(Outcome.DELIVERED, result.getNow(null).outcome());
    }

    @Test
    void retryAfterZeroWaitsTheBackoffAndKeepsDelivering() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        CompletableFuture<DeliveryResult> result = ping(url());
        assertFalse(result.isDone(), "Retry-After: 0 does not shorten the backoff: no tight loop");
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(Outcome.DELIVERED, result.getNow(null).outcome());
        assertEquals(2, result.getNow(null).attempts());
        assertEquals(2, server.getRequestCount());

        CompletableFuture<DeliveryResult> next = client.ping().toCompletableFuture();
        scheduler.runDue();
        assertEquals(Outcome.DELIVERED, next.getNow(null).outcome(), "the delivery loop is still alive");
    }

    @Test
    void retryAfterBeyondTheDeadlineFailsAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

        CompletableFuture<DeliveryResult> result = ping(url());

        assertEquals(Outcome.FAILED, result.getNow(null).outcome());
        assertEquals(429, result.getNow(null).statusCode());
    }

    @Test
    void notFoundIsReportedOnceAndNeverRetried() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        try (LogCapture logs = new LogCapture()) {
            CompletableFuture<DeliveryResult> result = ping(url());
            scheduler.advance(Duration.ofMinutes(5));

            assertEquals(1, server.getRequestCount());
            DeliveryResult rejected = result.getNow(null);
            assertEquals(Outcome.REJECTED, rejected.outcome());
            assertEquals(404, rejected.statusCode());
            assertEquals(1, rejected.attempts());
            List<String> warnings = logs.messages(Level.WARN);
            assertEquals(1, warnings.size(), warnings.toString());
            String expected = "HTTP 404 from http://" + server.getHostName() + ":" + server.getPort() + "/***";
            assertTrue(warnings.get(0).contains(expected), warnings.get(0));
            assertFalse(warnings.get(0).contains("0f1e2d3c"), "the secret path is masked");
        }
    }

    @Test
    void serverErrorStormGivesUpAtTheDeadlineWithCappedBackoff() {
        for (int i = 0; i < 50; i++) {
            server.enqueue(new MockResponse.Builder().code(502).build());
        }

        CompletableFuture<DeliveryResult> result = ping(url());
        scheduler.advance(Duration.ofSeconds(61));

        DeliveryResult failed = result.getNow(null);
        assertEquals(Outcome.FAILED, failed.outcome());
        assertEquals(502, failed.statusCode());
        assertEquals(server.getRequestCount(), failed.attempts());
        // 1 s doubling to a 30 s cap, with jitter: about 6-8 attempts fit in 60 s, never 50.
        assertTrue(failed.attempts() >= 4 && failed.attempts() <= 10, "attempts " + failed.attempts());
        assertTrue(failed.error().contains("gave up after"), failed.error());
        assertEquals(1, client.stats().failed());
    }

    @Test
    void unknownHostIsRetriedThenFailsWithoutThrowing() {
        CompletableFuture<DeliveryResult> result = ping("http://heartbeat-sdk-test.invalid/ping/0f1e2d3c");
        scheduler.advance(Duration.ofSeconds(61));

        DeliveryResult failed = result.getNow(null);
        assertEquals(Outcome.FAILED, failed.outcome());
        assertTrue(failed.attempts() > 1);
        assertTrue(failed.error().contains("UnknownHostException"), failed.error());
        assertFalse(failed.error().contains("0f1e2d3c"), failed.error());
        assertNull(client.stats().lastSuccessMillis() == 0 ? null : "delivered?");
    }
}
