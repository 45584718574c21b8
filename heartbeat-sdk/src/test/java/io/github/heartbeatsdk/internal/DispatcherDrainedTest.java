package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.Signal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transport hears when a drain has emptied the queue, after that drain's last send. */
class DispatcherDrainedTest {
    @Test
    void drainedFollowsTheLastSendOfEachDrain() throws Exception {
        final List<String> calls = Collections.synchronizedList(new ArrayList<String>());
        final CountDownLatch release = new CountDownLatch(1);
        Transport transport = new Transport() {
            @Override
            public void prepare() {
            }

            @Override
            public Attempt send(Signal signal) {
                try {
                    release.await(10, TimeUnit.SECONDS); // holds the first send until all three are queued
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                calls.add("send");
                return Attempt.delivered(200);
            }

            @Override
            public void drained() {
                calls.add("drained");
            }

            @Override
            public void cancel() {
            }

            @Override
            public void close() {
            }
        };
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        try {
            Dispatcher dispatcher = new Dispatcher(transport, executor, Clock.systemUTC(), new Backoff(1_000, 30_000),
                    10, new DeliveryStats(), "test", null);
            PendingSignal last = null;
            for (int i = 0; i < 3; i++) {
                last = dispatcher.submit(Signal.ping(i), Long.MAX_VALUE);
            }
            release.countDown();
            last.get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!calls.contains("drained") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(Arrays.asList("send", "send", "send", "drained"), calls);

            dispatcher.submit(Signal.ping(4), Long.MAX_VALUE).get(10, TimeUnit.SECONDS);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (calls.size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(Arrays.asList("send", "send", "send", "drained", "send", "drained"), calls);
        } finally {
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
