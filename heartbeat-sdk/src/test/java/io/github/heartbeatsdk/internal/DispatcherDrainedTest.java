package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.transport.Attempt;
import io.github.heartbeatsdk.internal.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transport hears when a drain ends, after that drain's last send, so it can let go of caches. */
class DispatcherDrainedTest {
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void drainedFollowsTheLastSendOfEachDrain() throws Exception {
        final CountDownLatch release = new CountDownLatch(1);
        ScriptedTransport transport = new ScriptedTransport() {
            @Override
            Attempt answer(int send) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS); // holds the first send until all three are queued
                return Attempt.delivered(200);
            }
        };
        Dispatcher dispatcher = dispatcher(transport, new Backoff(1_000, 30_000));
        PendingSignal last = null;
        for (int i = 0; i < 3; i++) {
            last = dispatcher.submit(Signal.ping(i), Long.MAX_VALUE);
        }
        release.countDown();
        last.get(10, TimeUnit.SECONDS);
        transport.awaitCalls(4);
        assertEquals(Arrays.asList("send", "send", "send", "drained"), transport.calls);

        dispatcher.submit(Signal.ping(4), Long.MAX_VALUE).get(10, TimeUnit.SECONDS);
        transport.awaitCalls(6);
        assertEquals(Arrays.asList("send", "send", "send", "drained", "send", "drained"), transport.calls);
    }

    @Test
    void aRetryThatWaitsKeepsNothingForIt() throws Exception {
        ScriptedTransport transport = new ScriptedTransport() {
            @Override
            Attempt answer(int send) {
                return send == 1 ? Attempt.retryable(503, "HTTP 503", -1) : Attempt.delivered(200);
            }
        };
        dispatcher(transport, new Backoff(20, 20)).submit(Signal.ping(1), Long.MAX_VALUE).get(10, TimeUnit.SECONDS);
        transport.awaitCalls(4);
        assertEquals(Arrays.asList("send", "drained", "send", "drained"), transport.calls,
                "the failed attempt's drain let go before its retry was due");
    }

    @Test
    void aRetryStartingAtOnceOnAnotherThreadNeverMeetsTheFailedDrainStillLettingGo() throws Exception {
        final AtomicBoolean lettingGo = new AtomicBoolean();
        final AtomicInteger overlaps = new AtomicInteger();
        ScriptedTransport transport = new ScriptedTransport() {
            @Override
            Attempt answer(int send) {
                if (lettingGo.get()) {
                    overlaps.incrementAndGet();
                }
                return send == 1 ? Attempt.retryable(503, "HTTP 503", -1) : Attempt.delivered(200);
            }

            @Override
            public void drained() {
                lettingGo.set(true);
                try {
                    Thread.sleep(50); // a slow let-go: a retry 0-1 ms later on the other thread would meet it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                lettingGo.set(false);
                super.drained();
            }
        };
        ScheduledThreadPoolExecutor twoThreads = new ScheduledThreadPoolExecutor(2);
        try {
            new Dispatcher(transport, twoThreads, Clock.systemUTC(), new Backoff(1, 1), 10, Long.MAX_VALUE, new DeliveryStats(),
                    "test", null).submit(Signal.ping(1), Long.MAX_VALUE).get(10, TimeUnit.SECONDS);
            assertEquals(0, overlaps.get(), "a send ran while the previous drain was still letting go");
        } finally {
            twoThreads.shutdownNow();
            assertTrue(twoThreads.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private Dispatcher dispatcher(Transport transport, Backoff backoff) {
        return new Dispatcher(transport, executor, Clock.systemUTC(), backoff, 10, Long.MAX_VALUE, new DeliveryStats(), "test", null);
    }

    /** Records sends and drained() calls in order; each test scripts the answers. */
    private abstract static class ScriptedTransport implements Transport {
        final List<String> calls = Collections.synchronizedList(new ArrayList<String>());
        private int sends;

        abstract Attempt answer(int send) throws InterruptedException;

        @Override
        public Attempt send(Signal signal) {
            try {
                Attempt attempt = answer(++sends);
                calls.add("send");
                return attempt;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Attempt.rejected(0, "interrupted");
            }
        }

        @Override
        public void drained() {
            calls.add("drained");
        }

        @Override
        public boolean coalescesPings() {
            return false; // each ping is a send to count
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }

        void awaitCalls(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (calls.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
    }
}
