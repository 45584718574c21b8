package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.transport.Attempt;
import io.github.heartbeatsdk.internal.transport.Transport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dispatcher races on shared executors: a retry that starts before it is handed over, an executor that refuses a task. */
class DispatcherRacesTest {
    /** A transport answering from a script, counting sends. */
    private static final class Scripted implements Transport {
        final AtomicInteger sends = new AtomicInteger();
        final Attempt[] script;

        Scripted(Attempt... script) {
            this.script = script;
        }

        @Override
        public Attempt send(Signal signal) {
            int n = sends.getAndIncrement();
            return script[Math.min(n, script.length - 1)];
        }

        @Override
        public void drained() {
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * A shared two-thread executor whose first delayed schedule() returns only after the task ran
     * (a preempted caller: the retry's drain starts on the other thread before the future is
     * assigned). Dispatcher.runDrain then stores that stale, finished future in retryTask over
     * the newer one the retry's drain stored: close() cannot expedite the waiting retry and
     * cancels the wrong task, leaving the real retry on the shared executor after close.
     */
    @Test
    void aRetryScheduledWhileTheSchedulingDrainStillRunsIsExpeditedAndCancelledAtClose() throws Exception {
        final CountDownLatch firstRan = new CountDownLatch(1);
        final AtomicBoolean first = new AtomicBoolean();
        ScheduledThreadPoolExecutor shared = new ScheduledThreadPoolExecutor(2) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                if (delay <= 0 || !first.compareAndSet(false, true)) {
                    return super.schedule(command, delay, unit);
                }
                ScheduledFuture<?> f = super.schedule(() -> {
                    try {
                        command.run();
                    } finally {
                        firstRan.countDown();
                    }
                }, delay, unit);
                try {
                    firstRan.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return f;
            }
        };
        try {
            Scripted transport = new Scripted(
                    Attempt.inProgress("connecting", 1),          // poll again in 1 ms
                    Attempt.retryable(503, "HTTP 503", 10_000),   // then wait 10 s
                    Attempt.delivered(200));                      // the expedited attempt at close
            Clock clock = Clock.systemUTC();
            DeliveryStats stats = new DeliveryStats();
            Dispatcher lane = new Dispatcher(transport, shared, clock, new Backoff(1_000, 30_000), 10,
                    Long.MAX_VALUE, stats, "lane", null);
            Deliveries deliveries = new Deliveries(Collections.singletonList(lane),
                    Collections.emptyList());
            PendingSignal ping = lane.submit(Signal.ping(clock.millis()), clock.millis() + 60_000);
            assertTrue(firstRan.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 100 && transport.sends.get() < 2; i++) {
                Thread.sleep(10);
            }
            Thread.sleep(100); // the first drain has returned; the retry waits its 10 s

            deliveries.close(clock.millis() + 2_000);

            DeliveryResult result = ping.get(1, TimeUnit.SECONDS);
            long live = shared.getQueue().stream().filter(r -> !((Future<?>) r).isCancelled()).count();
            assertEquals("sends=3 DELIVERED live=0", "sends=" + transport.sends.get() + " " + result.outcome()
                    + " live=" + live, "one expedited attempt at close; nothing left on the shared executor; " + result);
        } finally {
            shared.shutdownNow();
        }
    }

    /**
     * A user's executor that refuses a delayed task without being shut down: the signal whose
     * retry was refused is skipped by the sweep (it is still "current") and then left in
     * {@code retrying}, neither delivered nor ended, while the signals queued behind it end FAILED
     * "executor stopped" although the executor runs.
     */
    @Test
    void aRetryTheExecutorRefusesEndsTheSignal() throws Exception {
        ScheduledThreadPoolExecutor refusing = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                if (delay > 0) {
                    throw new IllegalStateException("a user's executor that takes no delayed tasks right now");
                }
                return super.schedule(command, delay, unit);
            }
        };
        try {
            Scripted transport = new Scripted(Attempt.retryable(503, "HTTP 503", -1), Attempt.delivered(200));
            Clock clock = Clock.systemUTC();
            Dispatcher lane = new Dispatcher(transport, refusing, clock, new Backoff(1_000, 30_000), 10,
                    Long.MAX_VALUE, new DeliveryStats(), "lane", null);
            CountDownLatch hold = new CountDownLatch(1);
            refusing.execute(() -> {
                try {
                    hold.await();
                } catch (InterruptedException ignored) {
                }
            });
            PendingSignal p = lane.submit(Signal.ping(clock.millis()), clock.millis() + 60_000);
            PendingSignal q = lane.submit(Signal.ping(clock.millis()), clock.millis() + 60_000);
            hold.countDown();
            for (int i = 0; i < 500 && !q.isDone(); i++) {
                Thread.sleep(10); // the drain's first SLF4J lookup may take a while
            }
            Thread.sleep(200);

            assertFalse(refusing.isShutdown());
            assertEquals("p done=true, q not 'executor stopped'",
                    "p done=" + p.isDone() + ", q " + (q.isDone() && q.join().error().startsWith("executor stopped")
                            ? "'executor stopped'" : "not 'executor stopped'"), "pending=" + lane.unfinished());
        } finally {
            refusing.shutdownNow();
        }
    }
}
