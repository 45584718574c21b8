package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.Signal;

import java.util.Arrays;

import static io.github.heartbeatsdk.benchmarks.Probe.THREADS;
import static io.github.heartbeatsdk.benchmarks.Probe.median;
import static io.github.heartbeatsdk.benchmarks.Probe.result;

/** Target 7: the CPU one periodic beat with 10 ext-info providers costs the SDK thread. */
final class BeatCpuScenario {
    private BeatCpuScenario() {
    }

    /**
     * CPU time (not wall time, so other processes on the machine do not count) of one beat with
     * 10 ext-info providers: the client's real tick and the build from public pieces, as in
     * {@link BeatBench}; 7 alternating rounds of 20 000, medians.
     */
    static void run() {
        BeatBench bench = new BeatBench();
        bench.setUp();
        try {
            Signal sink = null;
            for (int i = 0; i < 50_000; i++) {
                bench.tick();
                sink = bench.buildBeat();
            }
            // Alternating rounds; the median of each, so a burst of load elsewhere hits one round only.
            int rounds = 7;
            int n = 20_000;
            double[] tick = new double[rounds];
            double[] build = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    bench.tick();
                }
                long c1 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink = bench.buildBeat();
                }
                long c2 = THREADS.getCurrentThreadCpuTime();
                tick[r] = (c1 - c0) / 1e3 / n;
                build[r] = (c2 - c1) / 1e3 / n;
            }
            result("tick.cpuMicros", median(tick));
            result("build.cpuMicros", median(build));
            result("tick.rounds", Arrays.toString(tick));
            result("plugins", sink.plugins().size());
        } finally {
            bench.tearDown();
        }
    }
}
