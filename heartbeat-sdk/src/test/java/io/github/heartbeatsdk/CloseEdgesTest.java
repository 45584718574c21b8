package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edges of close(), listeners and stages that an adversarial review found: each ends every signal, once. */
class CloseEdgesTest {
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();

    private static long sumOfEnds(HeartbeatStats s) {
        return s.delivered() + s.skipped() + s.rejected() + s.failed() + s.dropped() + s.pending();
    }

    /** Stats read from a listener count the signal being reported twice: as ended and as pending. */
    @Test
    void statsReadFromTheListenerAddUp() {
        List<String> seen = new ArrayList<>();
        HeartbeatClient[] hb = new HeartbeatClient[1];
        hb[0] = clients.track(clients.builder(new RecordingEndpoint()).listener(new HeartbeatListener() {
            @Override
            public void onSuccess(Signal signal, DeliveryResult result) {
                HeartbeatStats s = hb[0].stats();
                if (s.enqueued() != sumOfEnds(s)) {
                    seen.add(s.toString());
                }
            }
        }).build());
        hb[0].ping();
        clients.scheduler.runDue();
        assertEquals(List.of(), seen, "enqueued = delivered + skipped + rejected + failed + dropped + pending");
    }

    /** A listener that closes the client on a failure makes close() stall flushTimeout + 5 s on itself. */
    @Test
    void closeCalledByAListenerDuringCloseDoesNotWaitForItself() {
        HeartbeatClient[] hb = new HeartbeatClient[1];
        hb[0] = clients.track(clients.builder(new RecordingEndpoint()).listener(new HeartbeatListener() {
            @Override
            public void onFailure(Signal signal, DeliveryResult result) {
                hb[0].close(); // "on failure, stop reporting"
            }
        }).build());
        hb[0].ping(); // queued: the manual scheduler has not run it
        long start = System.nanoTime();
        hb[0].close(); // flushTimeout 0: the ping ends DROPPED on this thread, in shutDown's sweep
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMillis < 1_000, "close() took " + tookMillis + " ms");
    }

    /** Java 9+ CompletableFuture.completeAsync completes the SDK's "read-only" stage. */
    @Test
    void completeAsyncCannotCompleteTheReadOnlyStage() throws Exception {
        HeartbeatClient hb = clients.client(new RecordingEndpoint());
        CompletionStage<DeliveryResult> stage = hb.ping();
        DeliveryResult fake = new DeliveryResult(Outcome.FAILED, 0, 0, "forged");
        Method completeAsync = CompletableFuture.class.getMethod("completeAsync", Supplier.class);
        completeAsync.invoke(stage, (Supplier<DeliveryResult>) () -> fake);
        Thread.sleep(200);
        clients.scheduler.runDue();
        assertEquals(Outcome.DELIVERED, stage.toCompletableFuture().get(1, TimeUnit.SECONDS).outcome(),
                "another caller forged the result of a delivered ping");
    }

    /**
     * A VirtualMachineError from the listener while an older signal is dropped to make room leaves
     * the newcomer neither queued nor ended: pending() stays 1 forever, even after close().
     */
    @Test
    void aVirtualMachineErrorFromTheListenerOnOverflowStillEndsTheNewcomer() {
        AtomicBoolean thrown = new AtomicBoolean();
        HeartbeatClient hb = clients.track(clients.builder(new RecordingEndpoint()).queueCapacity(1)
                .listener(new HeartbeatListener() {
                    @Override
                    public void onFailure(Signal signal, DeliveryResult result) {
                        if (thrown.compareAndSet(false, true)) {
                            throw new StackOverflowError("listener");
                        }
                    }
                }).build());
        CompletionStage<DeliveryResult> first = hb.ping();
        assertThrows(StackOverflowError.class, hb::ping); // drops the first one, whose listener throws
        assertTrue(first.toCompletableFuture().isDone());
        hb.close();
        HeartbeatStats s = hb.stats();
        assertEquals(0, s.pending(), s.toString());
        assertEquals(s.enqueued(), sumOfEnds(s) - s.pending(), s.toString());
    }

    /**
     * A VirtualMachineError from the listener during close()'s sweep aborts it: the other signals
     * stay pending forever and the second endpoint's lane is never shut down (it keeps accepting).
     */
    @Test
    void aVirtualMachineErrorFromTheListenerDuringCloseStillClosesEverything() {
        AtomicBoolean thrown = new AtomicBoolean();
        HeartbeatClient hb = clients.track(HeartbeatClient.builder()
                .endpoints(new RecordingEndpoint(), new RecordingEndpoint())
                .executor(clients.scheduler).clock(clients.clock).shutdownHook(false).flushTimeout(Duration.ZERO)
                .listener(new HeartbeatListener() {
                    @Override
                    public void onFailure(Signal signal, DeliveryResult result) {
                        if (thrown.compareAndSet(false, true)) {
                            throw new StackOverflowError("listener");
                        }
                    }
                }).build());
        hb.ping();
        hb.ping();
        try {
            hb.close();
        } catch (StackOverflowError expected) {
            // rethrown, as documented; but only after everything ended?
        }
        AtomicReference<DeliveryResult> late = new AtomicReference<>();
        hb.ping().thenAccept(late::set);
        HeartbeatStats s = hb.stats();
        assertEquals(0, s.pending(), s.toString());
        assertEquals(Outcome.DROPPED, late.get() == null ? null : late.get().outcome(), "a ping after close");
    }

    /** A ping queued on a shared executor at close leaves its drain task there after close() returns. */
    @Test
    void closeLeavesNoDrainTaskOnTheSharedExecutor() {
        HeartbeatClient hb = clients.client(new RecordingEndpoint());
        hb.ping(); // the shared executor is busy elsewhere: the drain waits in its queue
        hb.close();
        assertEquals(0, hb.stats().pending());
        assertEquals(0, clients.scheduler.pending(), "nothing of the closed client is left on the shared executor");
    }

    /**
     * With three endpoints whose sends outlive cancel (a user's Endpoint blocking in request()),
     * the first close() takes 3 x 2 s in shutDown plus 3 x 1 s stopping threads; a second close()
     * gives up after flushTimeout + 5 s and returns while signals are still pending.
     */
    @Test
    void aSecondCloseReturnsOnlyAfterTheFirstClosedEverything() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(3);
        Endpoint blocking = signal -> {
            entered.countDown();
            while (true) {
                try {
                    if (release.await(20, TimeUnit.SECONDS)) {
                        break;
                    }
                } catch (InterruptedException ignored) {
                    // a user's code that does not stop on interrupt
                }
            }
            return EndpointRequest.get("http://127.0.0.1:9/never");
        };
        HeartbeatClient hb = HeartbeatClient.builder().endpoints(blocking, blocking, blocking)
                .shutdownHook(false).flushTimeout(Duration.ZERO).build();
        try {
            hb.ping();
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            Thread first = new Thread(hb::close);
            first.start();
            Thread.sleep(100);
            hb.close(); // second close: returns once the first one's work is done (its thread may still be exiting)
            long pending = hb.stats().pending();
            DeliveryResult late = hb.ping().toCompletableFuture().getNow(null);
            assertEquals(0, pending, "second close() returned while the first was still closing");
            assertEquals(Outcome.DROPPED, late == null ? null : late.outcome(), "every lane is closed already");
            first.join(10_000);
            assertTrue(!first.isAlive(), "the first close() ends too");
        } finally {
            release.countDown();
        }
    }

    /**
     * On a user's ScheduledThreadPoolExecutor with the default removeOnCancel=false, close()
     * cancels the beat schedule but the cancelled task stays queued until its next tick (up to the
     * interval), keeping the whole closed client (dispatchers, transport, listener) reachable.
     */
    @Test
    void closeLeavesNothingOfTheClientQueuedOnAUsersScheduledThreadPool() {
        java.util.concurrent.ScheduledThreadPoolExecutor shared = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        try {
            HeartbeatClient hb = HeartbeatClient.builder().endpoint(new RecordingEndpoint()).executor(shared)
                    .interval(Duration.ofHours(1)).shutdownHook(false).build();
            hb.start();
            hb.close();
            assertEquals(0, shared.getQueue().size(), "tasks still queued on the user's executor after close: "
                    + shared.getQueue());
        } finally {
            shared.shutdownNow();
        }
    }

    /**
     * SdkLog.debug calls isDebugEnabled() outside its try: a logging backend that throws there (a
     * failing Logback TurboFilter, a half-loaded binding) escapes from Deliveries.close() before
     * any lane is shut down, so close() throws and the client stays open.
     */
    @Test
    void aLoggingBackendThatThrowsInIsDebugEnabledDoesNotStopClose() {
        ch.qos.logback.classic.LoggerContext context =
                (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.turbo.TurboFilter broken = new ch.qos.logback.classic.turbo.TurboFilter() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(org.slf4j.Marker marker, ch.qos.logback.classic.Logger logger,
                    ch.qos.logback.classic.Level level, String format, Object[] params, Throwable t) {
                if (logger.getName().startsWith("io.github.heartbeatsdk") && format == null) {
                    throw new IllegalStateException("broken turbo filter");
                }
                return ch.qos.logback.core.spi.FilterReply.NEUTRAL;
            }
        };
        broken.start();
        HeartbeatClient hb = clients.client(new RecordingEndpoint());
        hb.ping(); // queued on the manual scheduler
        context.addTurboFilter(broken);
        try {
            hb.close();
        } catch (RuntimeException e) {
            context.getTurboFilterList().remove(broken);
            throw new AssertionError("close() threw " + e + "; pending=" + hb.stats().pending(), e);
        } finally {
            context.getTurboFilterList().remove(broken);
        }
        assertEquals(0, hb.stats().pending());
    }
}
