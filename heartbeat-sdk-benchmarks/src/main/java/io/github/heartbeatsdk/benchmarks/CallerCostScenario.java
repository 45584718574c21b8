package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatStats;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.github.heartbeatsdk.benchmarks.Probe.THREADS;
import static io.github.heartbeatsdk.benchmarks.Probe.result;

/** Target 1: the caller thread's own cost of {@code ping()}, back-to-back and occasional. */
final class CallerCostScenario {
    private CallerCostScenario() {
    }

    /** The caller thread's own allocation per ping, from its allocation counter (exact, no sampling). */
    static void run() throws Exception {
        try (HeartbeatClient client = HeartbeatClient.builder().endpoint(signal -> null).build()) {
            // Its first delivery loads OkHttp (a few hundred ms): measure a client that is ready.
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

            // Occasional pings: the SDK thread is idle (parked) before each one. Each is paired with
            // a bare unpark of another parked thread, timed the same way right after it, so the
            // SDK's share above a wake-up is a paired difference, not a difference of two medians.
            Thread sleeper = startSleeper();
            int m = 2_000;
            long[] pings = new long[m];
            long[] unparks = new long[m];
            long[] above = new long[m];
            long bytes = 0;
            for (int i = -500; i < m; i++) {
                LockSupport.parkNanos(300_000);
                long a0 = THREADS.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                client.ping();
                long t1 = System.nanoTime();
                long a1 = THREADS.getCurrentThreadAllocatedBytes();
                long unpark = unparkOnce(sleeper);
                if (i >= 0) {
                    bytes += a1 - a0;
                    pings[i] = t1 - t0;
                    unparks[i] = unpark;
                    above[i] = pings[i] - unpark;
                }
            }
            sleeper.interrupt();
            Arrays.sort(pings);
            Arrays.sort(unparks);
            Arrays.sort(above);
            result("idle.p50ns", pings[m / 2]);
            result("idle.p90ns", pings[m * 9 / 10]);
            result("idle.bytesPerPing", (double) bytes / m);
            result("unpark.p50ns", unparks[m / 2]);
            result("unpark.p90ns", unparks[m * 9 / 10]);
            result("idle.aboveUnpark.p50ns", above[m / 2]);
        }
    }

    private static volatile int wakeups;

    /** A thread that parks until {@link #unparkOnce} wakes it, again and again. */
    private static Thread startSleeper() {
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
        return sleeper;
    }

    /**
     * The floor under any hand-off that wakes a parked thread: {@code LockSupport.unpark} of a
     * parked thread, after a pause like the occasional pings', timed on the waking side.
     */
    private static long unparkOnce(Thread sleeper) {
        LockSupport.parkNanos(300_000);
        long t0 = System.nanoTime();
        wakeups++;
        LockSupport.unpark(sleeper);
        return System.nanoTime() - t0;
    }
}
