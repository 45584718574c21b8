package io.github.heartbeatsdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.BeatScheduler;
import io.github.heartbeatsdk.internal.DaemonThreadFactory;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** start() beats at a fixed rate with a jittered first beat, skipping instead of piling up. */
class PeriodicBeatTest {
    final FakeClock clock = new FakeClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final RecordingEndpoint endpoint = new RecordingEndpoint();
    HeartbeatClient client;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private HeartbeatClient.Builder builder() {
        return HeartbeatClient.builder().endpoint(endpoint).executor(scheduler).clock(clock).shutdownHook(false)
                .flushTimeout(Duration.ZERO);
    }

    @Test
    void thousandBeatsLandExactlyOnTheRateWithoutDrift() {
        client = builder().interval(Duration.ofSeconds(30)).build();
        client.start();

        scheduler.advance(Duration.ofSeconds(10)); // past the largest first-beat jitter
        scheduler.advance(Duration.ofSeconds(30L * 999));

        assertEquals(1000, endpoint.signals().size());
        long first = endpoint.signals().get(0).timestampMillis();
        for (int i = 0; i < 1000; i++) {
            Signal beat = endpoint.signals().get(i);
            assertEquals(SignalKind.BEAT, beat.kind());
            assertEquals(first + 30_000L * i, beat.timestampMillis(), "beat " + i);
            assertEquals(i == 0 ? 0 : first + 30_000L * (i - 1), beat.lastBeatMillis(), "lastHeartbeatTime of " + i);
        }
        assertEquals(1000, client.stats().delivered(), "every beat was recorded as delivered");
    }

    @Test
    void firstBeatIsJitteredInsideItsWindow() {
        long start = clock.millis();
        Set<Long> firstBeats = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            try (HeartbeatClient hb = builder().interval(Duration.ofMinutes(1)).build()) {
                hb.start();
                List<Long> due = scheduler.dueTimes();
                assertEquals(1, due.size());
                long delay = due.get(0) - start;
                assertTrue(delay >= 0 && delay <= BeatScheduler.MAX_FIRST_BEAT_JITTER_MILLIS, "delay " + delay);
                firstBeats.add(delay);
            }
        }
        assertTrue(firstBeats.size() > 100, "200 clients should not beat in lockstep: " + firstBeats.size());
    }

    @Test
    void jitterWindowIsTheIntervalWhenShorterThanTenSeconds() {
        long start = clock.millis();
        for (int i = 0; i < 100; i++) {
            try (HeartbeatClient hb = builder().interval(Duration.ofSeconds(2)).build()) {
                hb.start();
                long delay = scheduler.dueTimes().get(0) - start;
                assertTrue(delay >= 0 && delay <= 2_000, "delay " + delay);
            }
        }
    }

    @Test
    void startTwiceAndStartAfterCloseAreErrors() {
        client = builder().build();
        client.start();
        assertEquals("start() was already called; beats are running every PT30S",
                assertThrows(IllegalStateException.class, client::start).getMessage());

        HeartbeatClient closed = builder().build();
        closed.close();
        assertEquals("start() after close(): this client is closed; build a new one",
                assertThrows(IllegalStateException.class, closed::start).getMessage());
    }

    @Test
    void closeStopsTheBeats() {
        client = builder().interval(Duration.ofSeconds(5)).build();
        client.start();
        scheduler.advance(Duration.ofSeconds(30));
        int beats = endpoint.signals().size();
        assertTrue(beats >= 5);

        client.close();
        scheduler.advance(Duration.ofMinutes(5));
        assertEquals(beats, endpoint.signals().size());
    }

    @Test
    void intervalBelowOneSecondIsRejected() {
        assertEquals("interval must be >= 1s, got PT0.999S", assertThrows(IllegalArgumentException.class,
                () -> HeartbeatClient.builder().interval(Duration.ofMillis(999))).getMessage());
        assertEquals("interval must be >= 1s, got PT0S", assertThrows(IllegalArgumentException.class,
                () -> HeartbeatClient.builder().interval(Duration.ZERO)).getMessage());
    }

    @Test
    void aFailingBeatIsRetriedOnlyWithinItsOwnInterval() throws Exception {
        List<long[]> beatTimeAndSentAt = new CopyOnWriteArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    try {
                        long beatTime = json.readTree(request.getBody().utf8()).get("heartbeatTime").asLong();
                        beatTimeAndSentAt.add(new long[] {beatTime, clock.millis()});
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    return new MockResponse.Builder().code(503).build();
                }
            });
            server.start();
            client = HeartbeatClient.builder().endpoint(Endpoints.sermantHttp(server.url("/beat").toString()))
                    .executor(scheduler).clock(clock).shutdownHook(false).flushTimeout(Duration.ZERO)
                    .interval(Duration.ofSeconds(2)).build();
            client.start();
            scheduler.advance(Duration.ofSeconds(60));
        }

        assertTrue(client.stats().retried() > 0, "failed beats were retried: " + client.stats());
        assertTrue(client.stats().failed() >= 25, "each beat ends within its interval: " + client.stats());
        for (long[] attempt : beatTimeAndSentAt) {
            long age = attempt[1] - attempt[0];
            assertTrue(age >= 0 && age < 2_000, "beat sent " + age + " ms after it was taken");
        }
    }

    /** Real threads here: the point is what happens while a delivery really hangs. */
    @Test
    void hangingDeliverySkipsBeatsInsteadOfQueueingThem() throws Exception {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
            server.start();
            client = HeartbeatClient.builder().endpoint(Endpoints.url(server.url("/beat").toString()))
                    .executor(executor).shutdownHook(false).flushTimeout(Duration.ZERO)
                    .interval(Duration.ofSeconds(1)).callTimeout(Duration.ofMinutes(1)).build();
            client.start();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (client.stats().beatsSkipped() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling a counter, not waiting for a result
            }
            HeartbeatStats stats = client.stats();
            assertTrue(stats.beatsSkipped() >= 3, stats.toString());
            assertEquals(1, stats.enqueued(), "one beat outstanding, none queued behind it");
            assertEquals(1, server.getRequestCount());
        } finally {
            client.close();
            client = null;
            executor.shutdownNow();
        }
    }

    @Test
    void oneSharedExecutorThreadServesAThousandClients() throws Exception {
        ScheduledExecutorService shared = Executors.newSingleThreadScheduledExecutor();
        HeartbeatClient[] clients = new HeartbeatClient[1000];
        try {
            shared.submit(() -> { }).get(); // its one thread exists before we count
            Set<Thread> before = SdkThreads.alive();
            int threadsBefore = Thread.activeCount();
            for (int i = 0; i < clients.length; i++) {
                clients[i] = HeartbeatClient.builder().endpoint(new RecordingEndpoint()).executor(shared)
                        .interval(Duration.ofSeconds(1)).shutdownHook(false).build();
                clients[i].start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (HeartbeatClient hb : clients) {
                while (hb.stats().delivered() < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(hb.stats().delivered() >= 1, "every client beat at least once");
            }
            assertEquals(before, SdkThreads.alive(), "no SDK thread started");
            assertTrue(Thread.activeCount() <= threadsBefore + 1, "no thread per client");
        } finally {
            for (HeartbeatClient hb : clients) {
                if (hb != null) {
                    hb.close();
                }
            }
            shared.shutdownNow();
        }
    }

    @Test
    void providersAreCalledOnTheSdksOwnThread() throws Exception {
        CompletableFuture<String> providerThread = new CompletableFuture<>();
        try (HeartbeatClient hb = HeartbeatClient.builder().endpoint(new RecordingEndpoint())
                .interval(Duration.ofSeconds(1)).shutdownHook(false).build()) {
            hb.setExtInfo(() -> {
                providerThread.complete(Thread.currentThread().getName());
                return Map.of();
            });
            hb.start();

            assertTrue(providerThread.get(30, TimeUnit.SECONDS).startsWith(DaemonThreadFactory.PREFIX));
        }
    }

    @Test
    void aFalseBeatConditionSkipsBeatsUntilItHoldsAgain() {
        java.util.concurrent.atomic.AtomicBoolean healthy = new java.util.concurrent.atomic.AtomicBoolean(true);
        client = builder().interval(Duration.ofMinutes(1)).beatsWhen(healthy::get).build();
        client.start();
        scheduler.advance(Duration.ofSeconds(10)); // the first beat
        assertEquals(1, endpoint.signals().size());

        healthy.set(false);
        scheduler.advance(Duration.ofMinutes(3)); // three ticks, all skipped
        assertEquals(1, endpoint.signals().size(), "no beat while the condition is false");
        assertEquals(3, client.stats().beatsSkipped());

        healthy.set(true);
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(2, endpoint.signals().size(), "beats resume once it holds");
        client.ping();
        scheduler.runDue();
        assertEquals(SignalKind.PING, endpoint.signals().get(2).kind(), "pings are never asked");
    }

    @Test
    void aBeatConditionThatThrowsLetsTheBeatGoAndWarnsOnce() {
        int[] calls = {0};
        client = builder().interval(Duration.ofSeconds(10)).beatsWhen(() -> {
            calls[0]++;
            throw new LinkageError("broken health check");
        }).build();
        try (LogCapture logs = new LogCapture()) {
            client.start();
            scheduler.advance(Duration.ofSeconds(10)); // past the first beat's jitter
            scheduler.advance(Duration.ofSeconds(30)); // 4 or 5 ticks in all, inside one minute

            assertTrue(calls[0] >= 4, "asked before every beat: " + calls[0]);
            assertEquals(calls[0], endpoint.signals().size(), "every beat went");
            assertEquals(0, client.stats().beatsSkipped());
            assertEquals(1, logs.messages(ch.qos.logback.classic.Level.WARN).stream()
                    .filter(m -> m.contains("beatsWhen condition threw java.lang.LinkageError")).count(),
                    "one WARN per minute, not one per beat: " + logs.text());
        }
    }

    @Test
    void beatsWhenIsSetOnceAndNeverNull() {
        HeartbeatClient.Builder b = builder();
        assertThrows(NullPointerException.class, () -> b.beatsWhen(null));
        b.beatsWhen(() -> true);
        assertThrows(IllegalStateException.class, () -> b.beatsWhen(() -> false));
    }

    @Test
    void aBeatConditionThatBlocksDoesNotHoldCloseOrThePingsBehindIt() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        HeartbeatClient hb = HeartbeatClient.builder().endpoint(new RecordingEndpoint()).shutdownHook(false)
                .interval(Duration.ofSeconds(1)).flushTimeout(Duration.ofMillis(200)).beatsWhen(() -> {
                    entered.countDown();
                    try {
                        never.await(); // a health check that hangs, on the SDK's thread
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return true;
                }).build();
        try {
            hb.start();
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the condition was asked");
            CompletableFuture<DeliveryResult> ping = hb.ping().toCompletableFuture();
            hb.close();
            DeliveryResult result = ping.get(30, TimeUnit.SECONDS); // completes although the lane's thread is stuck
            assertTrue(result.outcome() == DeliveryResult.Outcome.FAILED || result.outcome() == DeliveryResult.Outcome.DROPPED,
                    "the ping waited behind the stuck condition, so it ends undelivered: " + result);
            assertEquals(0, hb.stats().pending(), hb.stats().toString());
        } finally {
            never.countDown();
        }
    }
}
