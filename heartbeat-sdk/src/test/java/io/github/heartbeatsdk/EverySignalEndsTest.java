package io.github.heartbeatsdk;

import ch.qos.logback.classic.Level;
import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every accepted signal ends in exactly one outcome, whatever user code throws: listeners,
 * endpoints, a library missing at run time, the caller cancelling its stage.
 */
class EverySignalEndsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();

    /** A listener that throws {@code error} from both callbacks. */
    private static HeartbeatListener throwing(Throwable error) {
        return new HeartbeatListener() {
            @Override
            public void onSuccess(Signal signal, DeliveryResult result) {
                throw EverySignalEndsTest.<RuntimeException>sneaky(error);
            }

            @Override
            public void onFailure(Signal signal, DeliveryResult result) {
                throw EverySignalEndsTest.<RuntimeException>sneaky(error);
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void aListenerThrowingAnErrorNeitherHangsTheSignalNorLiesAboutIt() {
        try (LogCapture logs = new LogCapture()) {
            HeartbeatClient hb = clients.track(clients.builder(new RecordingEndpoint())
                    .listener(throwing(new AssertionError("the user's test listener"))).build());
            CompletableFuture<DeliveryResult> ping = hb.ping().toCompletableFuture();
            clients.scheduler.runDue();

            assertTrue(ping.isDone(), "the stage completes although the listener threw");
            assertEquals(Outcome.DELIVERED, ping.getNow(null).outcome());
            assertEquals(1, hb.stats().delivered());
            assertEquals(0, hb.stats().pending());
            assertFalse(logs.text().contains("FAILED"), logs.text());
            assertTrue(logs.text().contains("java.lang.AssertionError"), "the listener's failure is logged: " + logs.text());
        }
    }

    @Test
    void aListenerThrowingACheckedExceptionOrLinkageErrorNeverStopsTheBeats() {
        RecordingEndpoint recorder = new RecordingEndpoint();
        HeartbeatClient hb = clients.track(clients.builder(recorder).interval(Duration.ofSeconds(1))
                .listener(throwing(new NoClassDefFoundError("io/micrometer/core/instrument/Counter"))).build());
        hb.start();
        clients.scheduler.advance(Duration.ofSeconds(12));

        assertTrue(recorder.signals(SignalKind.BEAT).size() >= 10, recorder.kinds().toString());
        assertEquals(0, hb.stats().beatsSkipped(), "the in-flight flag is released after each beat");

        HeartbeatClient other = clients.track(clients.builder(new RecordingEndpoint()).interval(Duration.ofSeconds(1))
                .listener(throwing(new IOException("sneaky checked"))).build());
        other.start();
        clients.scheduler.advance(Duration.ofSeconds(12));
        assertTrue(other.stats().delivered() >= 10, other.stats().toString());
        assertEquals(0, other.stats().beatsSkipped());
    }

    @Test
    void aListenerThrowingOnTheCallersThreadNeverComesOutOfPing() {
        HeartbeatClient hb = clients.track(clients.builder(new RecordingEndpoint()).queueCapacity(1)
                .listener(throwing(new AssertionError("overflow listener"))).build());
        CompletionStage<DeliveryResult> first = hb.ping();
        CompletionStage<DeliveryResult> second = hb.startJob("job").started(); // pushes the ping out, on this thread
        assertEquals(Outcome.DROPPED, first.toCompletableFuture().getNow(null).outcome());

        hb.close();
        DeliveryResult afterClose = hb.ping().toCompletableFuture().getNow(null);
        assertEquals(Outcome.DROPPED, afterClose.outcome(), "after close(), the listener runs on this thread too");
        assertTrue(second.toCompletableFuture().isDone());
        HeartbeatStats stats = hb.stats();
        assertEquals(stats.enqueued(), stats.delivered() + stats.skipped() + stats.rejected() + stats.failed()
                + stats.dropped() + stats.pending(), stats.toString());
        assertEquals(0, stats.pending());
    }

    @Test
    void aVirtualMachineErrorFromTheListenerIsRethrownOnlyAfterTheSignalEnded() {
        HeartbeatClient hb = clients.track(clients.builder(new RecordingEndpoint())
                .listener(throwing(new StackOverflowError("listener recursed"))).build());
        CompletableFuture<DeliveryResult> ping = hb.ping().toCompletableFuture();
        clients.scheduler.runDue(); // the drain task rethrows; the scheduler's task captures it

        assertEquals(Outcome.DELIVERED, ping.getNow(null).outcome());
        assertEquals(0, hb.stats().pending());
        CompletableFuture<DeliveryResult> next = hb.ping().toCompletableFuture();
        clients.scheduler.runDue();
        assertEquals(Outcome.DELIVERED, next.getNow(null).outcome(), "the lane goes on delivering");
    }

    @Test
    void aMissingClassEndsTheSignalFailedAtOnceNamingTheClassInOneLogLine() {
        Endpoint needsKotlin = signal -> {
            throw new NoClassDefFoundError("kotlin/enums/EnumEntriesKt");
        };
        try (LogCapture logs = new LogCapture()) {
            HeartbeatClient hb = clients.client(needsKotlin);
            CompletableFuture<DeliveryResult> first = hb.ping().toCompletableFuture();
            CompletableFuture<DeliveryResult> second = hb.ping().toCompletableFuture();
            clients.scheduler.runDue();

            for (CompletableFuture<DeliveryResult> ping : List.of(first, second)) {
                DeliveryResult result = ping.getNow(null);
                assertEquals(Outcome.FAILED, result.outcome());
                assertTrue(result.error().contains("kotlin/enums/EnumEntriesKt"), result.error());
                assertTrue(result.error().contains("NoClassDefFoundError"), result.error());
            }
            assertEquals(0, hb.stats().retried(), "ended at once, not retried");
            assertEquals(1, logs.messages(Level.ERROR).size(), "rate-limited: " + logs.messages(Level.ERROR));
            assertTrue(logs.messages(Level.ERROR).get(0).contains("kotlin/enums/EnumEntriesKt"));
            assertEquals(0, hb.stats().pending());
        }
    }

    @Test
    void theCallerCannotCompleteOrCancelTheSdksSignal() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        HeartbeatClient hb = clients.client(Endpoints.url(server.url("/ping/read-only").toString()));
        CompletionStage<DeliveryResult> stage = hb.ping();

        CompletableFuture<DeliveryResult> mine = stage.toCompletableFuture();
        assertTrue(mine.cancel(true), "the caller's copy is the caller's to cancel");
        @SuppressWarnings("unchecked")
        CompletableFuture<DeliveryResult> cast = (CompletableFuture<DeliveryResult>) stage;
        assertFalse(cast.cancel(true));
        assertFalse(cast.complete(new DeliveryResult(Outcome.FAILED, 0, 0, "forged")));
        assertFalse(cast.completeExceptionally(new IllegalStateException("forged")));
        assertThrows(UnsupportedOperationException.class, () -> cast.obtrudeValue(null));
        clients.scheduler.runDue();

        assertEquals(Outcome.DELIVERED, stage.toCompletableFuture().getNow(null).outcome());
        assertEquals(1, hb.stats().delivered());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aStageFromAFanOutIsReadOnlyToo() {
        HeartbeatClient hb = clients.track(clients.builder(new RecordingEndpoint()).build());
        HeartbeatClient fanOut = clients.track(HeartbeatClient.builder()
                .endpoints(new RecordingEndpoint(), new RecordingEndpoint()).executor(clients.scheduler)
                .clock(clients.clock).shutdownHook(false).flushTimeout(Duration.ZERO).build());
        for (HeartbeatClient client : List.of(hb, fanOut)) {
            @SuppressWarnings("unchecked")
            CompletableFuture<DeliveryResult> cast = (CompletableFuture<DeliveryResult>) client.ping();
            assertFalse(cast.cancel(true));
            clients.scheduler.runDue();
            assertEquals(Outcome.DELIVERED, cast.getNow(null).outcome());
        }
    }

    @Test
    void aSecondCloseReturnsOnlyWhenTheFirstHasFlushed() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(500, TimeUnit.MILLISECONDS).build());
        HeartbeatClient hb = HeartbeatClient.builder().endpoint(Endpoints.url(server.url("/ping/slow").toString()))
                .shutdownHook(false).flushTimeout(Duration.ofSeconds(20)).build();
        CompletableFuture<DeliveryResult> ping = hb.ping().toCompletableFuture();
        CountDownLatch firstReturned = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            hb.close();
            firstReturned.countDown();
        });
        first.start();
        server.takeRequest(10, TimeUnit.SECONDS); // the first close() is flushing this request now

        hb.close();

        assertTrue(ping.isDone(), "the second close() returned before the first one's flush was over");
        assertEquals(Outcome.DELIVERED, ping.getNow(null).outcome());
        assertTrue(firstReturned.await(10, TimeUnit.SECONDS));
    }

    @Test
    void aUsersExecutorStoppedDuringARetryEndsItsSignalsAndLaterOnesAtOnce() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        HeartbeatClient hb = clients.client(Endpoints.url(server.url("/ping/stopped").toString()));
        CompletableFuture<DeliveryResult> waiting = hb.ping().toCompletableFuture();
        clients.scheduler.runDue(); // 503: a retry is scheduled on the user's executor
        assertFalse(waiting.isDone());

        clients.scheduler.shutdownNow(); // the application stops its executor, and our retry with it
        assertEquals(0, hb.stats().pending(), "the next call into the client notices");
        assertEquals(Outcome.FAILED, waiting.getNow(null).outcome());
        assertTrue(waiting.getNow(null).error().contains("executor stopped"), waiting.getNow(null).error());

        DeliveryResult later = hb.ping().toCompletableFuture().getNow(null);
        assertEquals(Outcome.FAILED, later.outcome(), "a later signal ends at once");
        assertTrue(later.error().contains("executor stopped"), later.error());
        HeartbeatStats stats = hb.stats();
        assertEquals(2, stats.failed());
        assertEquals(0, stats.pending());
    }

    @Test
    void aClosedClientEndsEverySignalDroppedAtOnceAndTellsTheListenerOnce() {
        RecordingListener listener = new RecordingListener();
        HeartbeatClient hb = clients.track(clients.builder(new RecordingEndpoint()).listener(listener).build());
        hb.close();
        AtomicReference<DeliveryResult> seen = new AtomicReference<>();
        hb.ping().thenAccept(seen::set);
        JobRun run = hb.startJob("after-close");
        run.success();

        assertEquals(Outcome.DROPPED, seen.get().outcome());
        assertEquals("client is closed", seen.get().error());
        assertEquals(3, listener.failures().size());
        assertEquals(3, hb.stats().dropped());
        assertEquals(0, hb.stats().pending());
        assertEquals(0, clients.scheduler.pending(), "a closed client puts nothing on the user's executor");
    }

    @Test
    void aListenerCallingCloseFromTheDeliveryThreadStillEndsEverything() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HeartbeatClient[] holder = new HeartbeatClient[1];
        HeartbeatClient hb = HeartbeatClient.builder().endpoint(new RecordingEndpoint()).shutdownHook(false)
                .listener(new HeartbeatListener() {
                    @Override
                    public void onSuccess(Signal signal, DeliveryResult result) {
                        if (calls.getAndIncrement() == 0) {
                            holder[0].close();
                            throw new IllegalStateException("and then throws");
                        }
                    }
                }).build();
        holder[0] = hb;
        CompletableFuture<DeliveryResult> first = hb.ping().toCompletableFuture();
        CompletableFuture<DeliveryResult> second = hb.ping().toCompletableFuture();

        assertEquals(Outcome.DELIVERED, first.get(10, TimeUnit.SECONDS).outcome());
        assertTrue(second.get(10, TimeUnit.SECONDS) != null);
        hb.close(); // waits for the closer thread's flush
        assertEquals(0, hb.stats().pending());
    }
}
