package io.github.heartbeatsdk.examples.bench;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatStats;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.github.heartbeatsdk.examples.bench.Probe.THREADS;
import static io.github.heartbeatsdk.examples.bench.Probe.result;

/** Target 1: the caller thread's own cost of {@code ping()}, back-to-back and occasional. */
final class CallerCostScenario {
    private CallerCostScenario() {
    }

    /** The caller thread's own allocation per ping, from its allocation counter (exact, no sampling). */
    static void run() throws Exception {
        try (HeartbeatClient client = HeartbeatClient.builder().endpoint(signal -> null).build()) {
            // Its thread loads OkHttp first (a few hundred ms): measure a client that is ready.
            client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 300_000; i++) {
                client.ping();
            }
            HeartbeatStats warm = client.stats();
            int n = 1_000_000;
            long b0 = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++) {
                client.ping();
            }
            long b1 = THREADS.getCurrentThreadAllocatedBytes();
            HeartbeatStats after = client.stats();
            result("loop.bytesPerPing", (double) (b1 - b0) / n);
            result("loop.dropped", after.dropped() - warm.dropped());

            // Occasional pings: the SDK thread is idle (parked) before each one.
            int m = 2_000;
            long[] nanos = new long[m];
            long bytes = 0;
            for (int i = 0; i < m; i++) {
                LockSupport.parkNanos(300_000);
                long a0 = THREADS.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                client.ping();
                long t1 = System.nanoTime();
                bytes += THREADS.getCurrentThreadAllocatedBytes() - a0;
                nanos[i] = t1 - t0;
            }
            Arrays.sort(nanos);
            result("idle.p50ns", nanos[m / 2]);
            result("idle.p90ns", nanos[m * 9 / 10]);
            result("idle.bytesPerPing", (double) bytes / m);
        }
        unparkFloor();
    }

    private static volatile int wakeups;

    /**
     * The floor under any hand-off that wakes a parked thread: {@code LockSupport.unpark} of a
     * parked thread, timed on the waking side the same way as the occasional pings above.
     */
    static void unparkFloor() throws InterruptedException {
        Thread sleeper = new Thread(() -> {
            int seen = 0;
            while (!Thread.currentThread().isInterrupted()) {
                while (wakeups == seen && !Thread.currentThread().isInterrupted()) {
                    LockSupport.park();
                }
                seen = wakeups;
            }
        }, "bench-sleeper");
        sleeper.setDaemon(true);
        sleeper.start();
        int m = 2_000;
        long[] nanos = new long[m];
        for (int i = -500; i < m; i++) {
            LockSupport.parkNanos(300_000);
            long t0 = System.nanoTime();
            wakeups++;
            LockSupport.unpark(sleeper);
            long t1 = System.nanoTime();
            if (i >= 0) {
                nanos[i] = t1 - t0;
            }
        }
        sleeper.interrupt();
        Arrays.sort(nanos);
        result("unpark.p50ns", nanos[m / 2]);
        result("unpark.p90ns", nanos[m * 9 / 10]);
    }
}
