package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.transport.SeparatePingsEndpoint;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One client, several endpoints: each has its own delivery, so a slow one never delays another. */
class FanOutTest {
    @StartStop
    final MockWebServer slow = new MockWebServer();
    @StartStop
    final MockWebServer fast = new MockWebServer();

    @Test
    void aHangingBackendDoesNotDelayTheOther() throws Exception {
        slow.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        for (int i = 0; i < 3; i++) {
            fast.enqueue(new MockResponse.Builder().code(200).build());
        }
        Set<Thread> before = SdkThreads.alive();
        try (HeartbeatClient hb = HeartbeatClient.builder()
                .endpoints(SeparatePingsEndpoint.of(Endpoints.url(slow.url("/slow").toString())), SeparatePingsEndpoint.of(Endpoints.url(fast.url("/fast").toString())))
                .callTimeout(Duration.ofMinutes(1)).flushTimeout(Duration.ZERO).shutdownHook(false).build()) {
            CompletableFuture<DeliveryResult> result = null;
            for (int i = 0; i < 3; i++) {
                result = hb.ping().toCompletableFuture();
            }
            for (int i = 0; i < 3; i++) {
                RecordedRequest request = fast.takeRequest(30, TimeUnit.SECONDS);
                assertNotNull(request, "the fast backend got every ping while the slow one hangs");
                assertEquals("/fast", request.getTarget());
            }
            assertFalse(result.isDone(), "the combined result waits for every endpoint");
            Set<Thread> started = new HashSet<>(SdkThreads.alive());
            started.removeAll(before);
            assertEquals(2, started.size(), "one delivery thread per endpoint: " + started);
        }
    }

    @Test
    void combinedResultReportsTheEndpointThatFailed() throws Exception {
        slow.enqueue(new MockResponse.Builder().code(404).build());
        fast.enqueue(new MockResponse.Builder().code(200).build());
        try (HeartbeatClient hb = HeartbeatClient.builder()
                .endpoints(Endpoints.url(fast.url("/ok").toString()), Endpoints.url(slow.url("/gone").toString()))
                .shutdownHook(false).build()) {
            DeliveryResult result = hb.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertEquals(Outcome.REJECTED, result.outcome());
            assertEquals(404, result.statusCode());
            assertEquals(1, hb.stats().delivered());
            assertEquals(1, hb.stats().rejected());
            assertTrue(hb.toString().contains("[UrlEndpoint{GET http://"), hb.toString());
        }
    }

    @Test
    void signalAnEndpointCannotSayIsSkippedThereAndDeliveredElsewhere() throws Exception {
        fast.enqueue(new MockResponse.Builder().code(200).build());
        try (HeartbeatClient hb = HeartbeatClient.builder()
                .endpoints(Endpoints.sermantHttp(slow.url("/beats").toString()), Endpoints.url(fast.url("/ok").toString()))
                .shutdownHook(false).build()) {
            DeliveryResult result = hb.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertEquals(Outcome.DELIVERED, result.outcome());
            assertEquals(0, slow.getRequestCount());
            assertEquals(1, hb.stats().skipped());
        }
    }

    @Test
    void eachEndpointsBeatNamesThatEndpointsOwnPreviousBeat() {
        FakeClock clock = new FakeClock();
        ManualScheduler scheduler = new ManualScheduler(clock);
        RecordingEndpoint first = new RecordingEndpoint();
        RecordingEndpoint second = new RecordingEndpoint();
        try (HeartbeatClient hb = HeartbeatClient.builder().endpoints(first, second).executor(scheduler).clock(clock)
                .interval(Duration.ofSeconds(30)).shutdownHook(false).build()) {
            hb.start();
            scheduler.advance(Duration.ofSeconds(100)); // each lane: its own jittered start, then every 30 s

            for (RecordingEndpoint endpoint : new RecordingEndpoint[] {first, second}) {
                List<Signal> beats = endpoint.signals(SignalKind.BEAT);
                assertTrue(beats.size() >= 3, beats.toString());
                assertEquals(0, beats.get(0).lastBeatMillis());
                for (int i = 1; i < beats.size(); i++) {
                    assertEquals(beats.get(i - 1).timestampMillis(), beats.get(i).lastBeatMillis(),
                            "beat " + i + " names another endpoint's beat");
                }
            }
        }
    }
}
