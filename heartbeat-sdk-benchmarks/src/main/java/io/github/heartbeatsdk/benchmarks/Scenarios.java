package io.github.heartbeatsdk.benchmarks;

/**
 * The end-to-end scenarios, each run by {@link BenchAll} in a fresh JVM against its
 * {@link FastReceiver}: {@code java -cp <cp> ...Scenarios <name> <baseUrl> [args]}. Each prints
 * {@code RESULT key=value} lines for the parent to read; the parent checks what the receiver got.
 */
public final class Scenarios {
    private Scenarios() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[1];
        switch (args[0]) {
            case "caller-alloc":
                CallerCostScenario.run();
                break;
            case "throughput":
                ThroughputScenario.run(base);
                break;
            case "burst":
                BurstScenario.run(base);
                break;
            case "threads":
                ThreadsScenario.run(base);
                break;
            case "beat-cpu":
                BeatCpuScenario.run();
                break;
            case "periodic":
                PeriodicScenario.run(base, Integer.parseInt(args[2]), args[3], "shared-okhttp".equals(args[4]));
                break;
            default:
                throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
        System.out.flush();
    }
}
