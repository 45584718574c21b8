package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.FakeClock;
import io.github.heartbeatsdk.ManualScheduler;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.transport.Attempt;
import io.github.heartbeatsdk.internal.transport.ForwardingTransport;
import io.github.heartbeatsdk.internal.transport.HttpSettings;
import io.github.heartbeatsdk.internal.transport.HttpTransport;
import io.github.heartbeatsdk.internal.transport.Transport;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing never hammers a struggling backend: a retry waiting at close gets one expedited
 * attempt, later waits are as long as ever, and what cannot be retried in time ends FAILED.
 */
class CloseRetryStormTest {
    private static final long FLUSH_MILLIS = 5_000;

    @StartStop
    final MockWebServer server = new MockWebServer();
    private final FakeClock clock = new FakeClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<Long> sendTimes = new ArrayList<>();

    /** A dispatcher on virtual time whose HTTP transport notes the virtual time of every send. */
    private Dispatcher dispatcher() {
        final HttpTransport http = new HttpTransport(Endpoints.url(server.url("/ping/storm").toString()),
                new HttpSettings(null, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)), clock);
        Transport timed = new ForwardingTransport(http) {
            @Override
            public Attempt send(Signal signal) {
                sendTimes.add(clock.millis());
                return super.send(signal);
            }
        };
        return new Dispatcher(timed, scheduler, clock, new Backoff(1_000, 30_000), 100, Long.MAX_VALUE, new DeliveryStats(),
                "storm", null);
    }

    private void answerAlways(MockResponse response, int times) {
        for (int i = 0; i < times; i++) {
            server.enqueue(response);
        }
    }

    @Test
    void aLongRetryAfterAtCloseMeansOneExpeditedAttemptThenFailed() throws Exception {
        answerAlways(new MockResponse.Builder().code(503).addHeader("Retry-After", "30").build(), 20);
        Dispatcher lane = dispatcher();
        PendingSignal ping = lane.submit(Signal.ping(clock.millis()), clock.millis() + 60_000);
        scheduler.runDue();
        assertEquals(1, server.getRequestCount());

        lane.beginClose(clock.millis() + FLUSH_MILLIS);
        scheduler.advance(Duration.ofMillis(FLUSH_MILLIS * 2));

        assertEquals(2, server.getRequestCount(), "one expedited attempt, then Retry-After is honoured: " + sendTimes);
        DeliveryResult result = ping.getNow(null);
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.error().contains("client closing"), result.error());
        lane.shutDown();
    }

    @Test
    void afterTheExpeditedAttemptWaitsAreNeverShorterThanTheFirstBackoffStep() throws Exception {
        answerAlways(new MockResponse.Builder().code(503).build(), 20);
        Dispatcher lane = dispatcher();
        PendingSignal ping = lane.submit(Signal.ping(clock.millis()), clock.millis() + 60_000);
        scheduler.runDue();
        scheduler.advance(Duration.ofMillis(200));

        lane.beginClose(clock.millis() + FLUSH_MILLIS);
        scheduler.advance(Duration.ofMillis(FLUSH_MILLIS * 2));

        assertTrue(sendTimes.size() >= 2 && sendTimes.size() <= 4, "requests during the flush: " + sendTimes);
        assertEquals(200, sendTimes.get(1) - sendTimes.get(0), "the waiting retry went at once");
        for (int i = 2; i < sendTimes.size(); i++) {
            long gap = sendTimes.get(i) - sendTimes.get(i - 1);
            assertTrue(gap >= 500, "a wait shorter than the first backoff step (500-1000 ms): " + sendTimes);
        }
        assertEquals(Outcome.FAILED, ping.getNow(null).outcome());
        lane.shutDown();
    }

    @Test
    void aSignalFirstFailingWhileClosingIsNotExpedited() throws Exception {
        answerAlways(new MockResponse.Builder().code(503).addHeader("Retry-After", "120").build(), 20);
        Dispatcher lane = dispatcher();
        lane.beginClose(clock.millis() + FLUSH_MILLIS);
        PendingSignal ping = lane.submit(Signal.ping(clock.millis()), clock.millis() + 60_000);
        scheduler.advance(Duration.ofMillis(FLUSH_MILLIS * 2));

        assertEquals(1, server.getRequestCount(), "tried once; the server asked for 120 s, more than the flush has");
        assertTrue(ping.isDone());
        assertEquals(Outcome.FAILED, ping.getNow(null).outcome());
        lane.shutDown();
    }
}
