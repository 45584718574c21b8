package io.github.heartbeatsdk.benchmarks;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every heartbeat-sdk benchmark in one go and prints one markdown table: each target of
 * BENCHMARKS.md with its measured value, the ratio to its limit (or to the raw OkHttp ceiling
 * measured in the same run) and PASS or MISS.
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-benchmarks -am -DskipTests compile exec:exec@bench
 * </pre>
 *
 * It starts a {@link FastReceiver} on 127.0.0.1, runs the JMH benchmarks ({@link PingBench},
 * {@link BeatBench}, {@link DeliveryOverheadBench}) through JMH's Runner API (forked JVMs with this
 * JVM's class path), then the end-to-end {@link Scenarios}, each in a fresh JVM
 * ({@code java -cp <this class path>}, see {@link ChildJvm}): the throughput duel against raw
 * OkHttp, the burst, threads, periodic clients, exits and one-shot processes. JMH's own output
 * goes to {@code target/bench/jmh.log}, child output to {@code target/bench/children.log}, the
 * table also to {@code target/bench/results.md}.
 *
 * <p>Arguments, for development (through Maven: {@code -Dbench.args="quick only=jmh"}):
 * {@code quick} (JMH with one fork and shorter warm-up),
 * {@code only=jmh,caller,throughput,burst,threads,exit,oneshot,beat,periodic} (a subset), and
 * {@code jfr} (each scenario JVM records a JFR profile to {@code target/bench/<scenario>.jfr}).
 */
public final class BenchAll {
    static final String COMMAND = "mvn -B -q -pl heartbeat-sdk-benchmarks -am -DskipTests compile exec:exec@bench";
    private static final int RUNS = 5;
    /** Whole one-shot processes per kind: their times vary by ±10% here, and the target's line is 1.10×. */
    private static final int ONE_SHOT_RUNS = 11;
    private static final int PERIODIC_CLIENTS = 10_000;

    private final Path out = Paths.get("target", "bench");
    private final ChildJvm children = new ChildJvm(out.resolve("children.log"));
    private final ResultTable table = new ResultTable();
    private FastReceiver receiver;
    private boolean quick;
    private List<String> only;
    private boolean jfr;
    private String argsLine = "";
    /** Connections of the threads scenario still open at the receiver after its clients closed. */
    private long threadsOpenAfterClose = -1;

    public static void main(String[] args) throws Exception {
        new BenchAll().run(args);
    }

    private void run(String[] args) throws Exception {
        long start = System.nanoTime();
        argsLine = String.join(" ", args).trim();
        for (String arg : argsLine.split("\\s+")) {
            if (arg.isEmpty()) {
                continue;
            } else if (arg.equals("quick")) {
                quick = true;
            } else if (arg.equals("jfr")) {
                jfr = true;
            } else if (arg.startsWith("only=")) {
                only = Arrays.asList(arg.substring(5).split(","));
            }
        }
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("children.log"));
        receiver = FastReceiver.start();
        try {
            ChildJvm.Running threads = null;
            if (wanted("threads")) {
                threads = startThreads();
            }
            if (wanted("jmh")) {
                jmh();
            }
            if (wanted("caller")) {
                caller();
            }
            if (wanted("throughput")) {
                throughput();
            }
            if (wanted("burst")) {
                burst();
            }
            if (wanted("exit")) {
                exits();
            }
            if (wanted("oneshot")) {
                oneShots();
            }
            if (wanted("beat")) {
                beatCpu();
            }
            if (wanted("periodic")) {
                periodic();
            }
            if (threads != null) {
                threads(threads);
            }
        } finally {
            receiver.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String command = COMMAND + (argsLine.isEmpty() ? "" : " -Dbench.args=\"" + argsLine + "\"");
        String jmhShape = quick ? "1 fork × (2 warm-up + 3 measured) × 1 s" : "2 forks × (3 warm-up + 3 measured) × 1 s";
        String markdown = table.render(command, jmhShape, seconds);
        System.out.println(markdown);
        Files.write(out.resolve("results.md"), markdown.getBytes(StandardCharsets.UTF_8));
    }

    private boolean wanted(String part) {
        return only == null || only.contains(part);
    }

    private static void progress(String what) {
        System.err.println("[bench] " + what);
    }

    // ------------------------------------------------------------------ JMH

    private final Map<String, RunResult> jmh = new HashMap<>();

    private void jmh() throws Exception {
        progress("JMH: PingBench, BeatBench, DeliveryOverheadBench (log: target/bench/jmh.log)");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("io\\.github\\.heartbeatsdk\\.benchmarks\\.(PingBench|BeatBench|DeliveryOverheadBench)\\.")
                .forks(quick ? 1 : 2)
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class)
                .jvmArgs("-Xms1g", "-Xmx1g")
                .output(out.resolve("jmh.log").toString());
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            jmh.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), result);
        }

        RunResult ping = jmh.get("PingBench.ping");
        if (ping != null) {
            double p50 = ping.getPrimaryResult().getStatistics().getPercentile(50);
            double mean = ping.getPrimaryResult().getScore();
            table.row("1. `ping()` median on the caller's thread, back-to-back calls (JMH sample mode, default client)", "≤ 1 µs",
                    String.format(Locale.ROOT, "p50 %.0f ns, p90 %.0f ns, mean %.0f ns", p50,
                            ping.getPrimaryResult().getStatistics().getPercentile(90), mean),
                    p50 / 1000, p50 <= 1000);
            table.info("1. `ping()` allocation, all threads (JMH `-prof gc`: caller + SDK thread)",
                    String.format(Locale.ROOT, "%.0f B/ping", secondary(ping, "gc.alloc.rate.norm")));
        }
        RunResult full = jmh.get("PingBench.pingQueueFull");
        if (full != null) {
            table.info("1. `ping()` with the queue full (oldest pushed out as DROPPED on the caller's thread)",
                    String.format(Locale.ROOT, "p50 %.0f ns, mean %.0f ns, %.0f B/ping (all threads)",
                            full.getPrimaryResult().getStatistics().getPercentile(50),
                            full.getPrimaryResult().getScore(), secondary(full, "gc.alloc.rate.norm")));
        }
    }

    private static double secondary(RunResult result, String label) {
        Result<?> r = result.getSecondaryResults().get(label);
        return r == null ? Double.NaN : r.getScore();
    }

    // ------------------------------------------------------------------ scenarios

    private void caller() throws Exception {
        progress("caller-thread allocation per ping");
        Map<String, String> r = scenario("caller-alloc", List.of());
        double loop = d(r, "loop.bytesPerPing");
        table.row("1. `ping()` allocation on the caller's thread (thread allocation counter, 1 M pings)", "≤ 128 B",
                String.format(Locale.ROOT, "%.1f B/ping (%s dropped in the loop)", loop, r.get("loop.dropped")),
                loop / 128, loop <= 128);
        double idle = d(r, "idle.p50ns");
        double idleBytes = d(r, "idle.bytesPerPing");
        table.info("1. Reference (a target row until 2026-11-24, see BENCHMARKS.md): `ping()` on the caller's thread, occasional "
                        + "pings (SDK thread parked; 2 000 pings 0.3 ms apart): each wakes the SDK thread",
                String.format(Locale.ROOT, "p50 %.0f ns, p90 %s ns, %.1f B/ping on the caller's thread; above the "
                                + "paired bare wake-up: p50 %s ns", idle, r.get("idle.p90ns"), idleBytes,
                        r.get("idle.aboveUnpark.p50ns")));
        table.info("1. Reference: `LockSupport.unpark` of a parked thread, timed the same way right after each "
                        + "occasional ping (the floor of any wake-up)",
                String.format(Locale.ROOT, "p50 %s ns, p90 %s ns", r.get("unpark.p50ns"), r.get("unpark.p90ns")));
    }

    private void throughput() throws Exception {
        progress("throughput: raw OkHttp sync loop vs SDK, alternating rounds");
        Map<String, String> r = scenario("throughput", List.of());
        double raw = d(r, "raw.median");
        double sdk = d(r, "sdk.median");
        double ratio = d(r, "ratio.median");
        long sdkConnections = receiver.connectionsUnder("/t/sdk/");
        long rawConnections = receiver.connectionsUnder("/t/raw/");
        long lost = Long.parseLong(r.get("sdk.lost"));
        table.row("2. Sustained delivery to one local endpoint vs raw OkHttp sync keep-alive loop (same run)",
                "≥ 0.90×",
                String.format(Locale.ROOT, "SDK %.0f/s (%.1f µs each) vs raw %.0f/s (%.1f µs each), medians of %s "
                                + "alternating rounds of 2 000; ratio = median of per-round ratios; %d lost",
                        sdk, 1e6 / sdk, raw, 1e6 / raw, r.get("rounds"), lost),
                ratio, ratio >= 0.90 && lost == 0);
        table.row("2. Connections the SDK opened for it", "1",
                sdkConnections + " (raw loop: " + rawConnections + ")", sdkConnections, sdkConnections == 1);
        table.info("2. Reference: the raw loop with the SDK's default timeouts (connect 5 s, read/write 10 s, call 15 s; "
                        + "always third in a round)",
                String.format(Locale.ROOT, "%.0f/s (%.1f µs each): %.2f× the plain raw loop",
                        d(r, "rawTimeouts.median"), 1e6 / d(r, "rawTimeouts.median"), d(r, "rawTimeouts.ratio")));
        RunResult endpointRequest = jmh.get("DeliveryOverheadBench.endpointRequest");
        RunResult okHttpRequest = jmh.get("DeliveryOverheadBench.okHttpRequest");
        if (endpointRequest != null && okHttpRequest != null) {
            table.info("2. Per-delivery work the raw loop does not do (JMH): `UrlEndpoint.request` / OkHttp `Request` from it",
                    String.format(Locale.ROOT, "%.2f µs (%.0f B) / %.2f µs (%.0f B)",
                            endpointRequest.getPrimaryResult().getScore() / 1000,
                            secondary(endpointRequest, "gc.alloc.rate.norm"),
                            okHttpRequest.getPrimaryResult().getScore() / 1000,
                            secondary(okHttpRequest, "gc.alloc.rate.norm")));
        }
        table.info("2. CPU and allocation per request: SDK thread vs raw loop's thread",
                String.format(Locale.ROOT, "SDK %.1f µs CPU, %.0f B per delivery vs raw %.1f µs CPU, %.0f B per call",
                        d(r, "sdk.cpuMicrosPerDelivery"), d(r, "sdk.bytesPerDelivery"),
                        d(r, "raw.cpuMicrosPerCall"), d(r, "raw.bytesPerCall")));
        table.note("Throughput rounds (req/s), raw: " + r.get("raw.rates") + "; SDK: " + r.get("sdk.rates"));
    }

    private void burst() throws Exception {
        progress("burst of 20 000 pings");
        Map<String, String> r = scenario("burst", List.of("-XX:+UseSerialGC", "-Xmx1g"));
        long delivered = l(r, "fast.statsDelivered");
        long dropped = l(r, "fast.statsDropped");
        long enqueued = l(r, "fast.statsEnqueued");
        long coalesced = l(r, "fast.statsCoalesced");
        long received = receiver.requests("/burst/fast");
        boolean everyOneDelivered = l(r, "fast.futuresDelivered") == 20_000 && dropped == 0
                && enqueued + coalesced == 20_000 && l(r, "fast.statsOther") == 0
                && delivered == enqueued && l(r, "fast.listenerDelivered") == delivered && received == delivered;
        table.row("3. Burst of 20 000 pings (default settings): every stage DELIVERED, none DROPPED, a handful of requests",
                "20 000 DELIVERED, 0 dropped",
                String.format(Locale.ROOT, "futures delivered %d, dropped %d; %d requests (receiver got %d), %d coalesced; "
                                + "burst %.0f ms, drained in %.0f ms",
                        l(r, "fast.futuresDelivered"), l(r, "fast.futuresDropped"), enqueued, received, coalesced,
                        d(r, "fast.submitMs"), d(r, "fast.drainMs")),
                l(r, "fast.futuresDelivered") / 20_000.0, everyOneDelivered);
        double heapDelta = d(r, "held.heapDelta");
        long heldDelivered = l(r, "held.statsDelivered");
        long heldDropped = l(r, "held.statsDropped");
        long heldAccounted = l(r, "held.statsEnqueued") + l(r, "held.statsCoalesced");
        table.row("3. Heap a burst of 20 000 pings adds while the SDK thread is held in its first request", "≤ 1 MiB",
                String.format(Locale.ROOT, "%.0f B for 20 000 pings; then %d requests delivered, %d coalesced, %d dropped",
                        heapDelta, heldDelivered, l(r, "held.statsCoalesced"), heldDropped),
                heapDelta / (1024 * 1024), heapDelta <= 1024 * 1024 && heldDropped == 0 && heldAccounted == 20_001);
    }

    /** Starts the threads scenario; its last check comes 63 s after close(), while the others run. */
    private ChildJvm.Running startThreads() throws Exception {
        progress("threads (a last look 80 s after the last call, in the background)");
        ChildJvm.Running running = children.start(Scenarios.class, jvmFlags("threads"),
                List.of("threads", receiver.baseUrl()));
        running.awaitResult("phase1.done", 60);
        // close() of the last client evicts the SDK-owned pool: the receiver should see its connections end.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (receiver.openConnectionsUnder("/threads/") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        threadsOpenAfterClose = receiver.openConnectionsUnder("/threads/");
        return running;
    }

    private void threads(ChildJvm.Running running) throws Exception {
        progress("threads: waiting for the last look");
        Map<String, String> r = ChildJvm.parse(running.finish());
        long three = l(r, "threeClients.sdkThreads");
        long nonDaemon = l(r, "threeClients.nonDaemon");
        table.row("4. SDK threads: one per client, all daemon (3 default clients, after a ping each)", "3, all daemon",
                three + " SDK, " + nonDaemon + " non-daemon; new threads: " + r.get("threeClients.new")
                        + "; after build(), before a ping: " + r.get("afterBuild.new"),
                three / 3.0, three == 3 && nonDaemon == 0);
        long shared = l(r, "shared.sdkThreads");
        table.row("4. SDK threads with a shared executor", "0", shared + " (new: " + r.get("shared.new") + ")",
                shared, shared == 0);
        long sdkLeft = l(r, "afterClose.sdkThreads");
        table.row("4. SDK threads left 0.3 s after close()", "0", String.valueOf(sdkLeft), sdkLeft, sdkLeft == 0);
        long okLeft = l(r, "afterClose.okhttpThreads");
        String lastLook = r.get("afterCloseMinute.new");
        table.row("4. SDK-owned OkHttpClient released by close(): its connections closed at once; OkHttp's "
                        + "process-wide daemon threads, which it cannot stop, end by themselves when idle (goal "
                        + "restated 2026-11-24; it was 0 OkHttp/Okio threads 0.3 s after close(): see BENCHMARKS.md)",
                "0 connections; 0 threads after their idle timeout",
                threadsOpenAfterClose + " connections open at the receiver after close(); OkHttp/Okio threads: "
                        + okLeft + " idle 0.3 s after close() (" + r.get("afterClose.new") + "), "
                        + r.get("afterCloseMinute.seconds") + " s after close(): " + lastLook,
                threadsOpenAfterClose, threadsOpenAfterClose == 0 && "[]".equals(lastLook));
    }

    private void exits() throws Exception {
        progress("exit: ping then System.exit(0) / return, " + RUNS + " runs each");
        int exitOk = 0;
        int returnOk = 0;
        int enqueueOk = 0;
        for (int i = 0; i < RUNS; i++) {
            exitOk += delivered(ExitSdk.class, "/exit/sysexit/" + i, "exit");
            returnOk += delivered(ExitSdk.class, "/exit/return/" + i, "return");
            enqueueOk += delivered(ExitOkHttpEnqueue.class, "/exit/enqueue/" + i);
        }
        table.row("5. Ping, then `System.exit(0)` without close()", RUNS + "/" + RUNS, exitOk + "/" + RUNS,
                (double) exitOk / RUNS, exitOk == RUNS);
        table.row("5. Ping, then return from main without close()", RUNS + "/" + RUNS, returnOk + "/" + RUNS,
                (double) returnOk / RUNS, returnOk == RUNS);
        table.info("5. Reference: raw OkHttp `enqueue`, then `System.exit(0)`", enqueueOk + "/" + RUNS + " delivered");
    }

    private int delivered(Class<?> main, String path, String... args) throws Exception {
        List<String> all = new ArrayList<>();
        all.add(receiver.baseUrl() + path);
        all.addAll(Arrays.asList(args));
        children.run(main, List.of(), all);
        Thread.sleep(100);
        return receiver.requests(path) > 0 ? 1 : 0;
    }

    private void oneShots() throws Exception {
        progress("one-shot processes: build-to-first-ping, raw OkHttp vs SDK vs HttpURLConnection");
        double[] build = new double[3];
        double[] first = new double[3];
        String loaded = "";
        for (int i = 0; i < build.length; i++) {
            Path classLog = out.resolve("build-timing-classes-" + i + ".log");
            Map<String, String> r = ChildJvm.parse(children.run(BuildTiming.class,
                    List.of("-Xlog:class+load:file=" + classLog + ":tid"),
                    List.of(receiver.baseUrl() + "/build/" + i, classLog.toString())));
            build[i] = d(r, "build.ms");
            first[i] = d(r, "firstPing.ms");
            loaded = loaded.isEmpty() || loaded.equals("none") ? r.get("build.loaded") : loaded;
        }
        boolean noOkHttp = !loaded.contains("okhttp3") && !loaded.contains("kotlin") && !loaded.contains("okio");
        table.row("6. `build()` loads no OkHttp on the caller's thread (fresh JVM, first build)",
                "no OkHttp/okio/Kotlin class",
                String.format(Locale.ROOT, "build() %.1f ms (median of 3); loaded on the caller's thread during "
                        + "build(): %s; first ping delivered %.0f ms after build() returned", Probe.median(build),
                        loaded, Probe.median(first)),
                Double.NaN, noOkHttp);

        // One warm-up launch each (file cache), then alternate the measured runs.
        children.run(OneShotOkHttp.class, List.of(), List.of(receiver.baseUrl() + "/oneshot/warm-raw"));
        children.run(OneShotSdk.class, List.of(), List.of(receiver.baseUrl() + "/oneshot/warm-sdk"));
        double[] raw = new double[ONE_SHOT_RUNS];
        double[] sdk = new double[ONE_SHOT_RUNS];
        double[] urlc = new double[ONE_SHOT_RUNS];
        for (int i = 0; i < ONE_SHOT_RUNS; i++) {
            raw[i] = timed(OneShotOkHttp.class, "/oneshot/raw/" + i);
            sdk[i] = timed(OneShotSdk.class, "/oneshot/sdk/" + i);
            urlc[i] = timed(OneShotUrlConnection.class, "/oneshot/urlc/" + i);
        }
        long rawGot = receiver.requestsUnder("/oneshot/raw/");
        long sdkGot = receiver.requestsUnder("/oneshot/sdk/");
        double ratio = Probe.median(sdk) / Probe.median(raw);
        table.row("6. Whole process: build, one ping, exit — SDK vs raw OkHttp sync one-shot", "≤ 1.10×",
                String.format(Locale.ROOT, "SDK %.3f s vs raw %.3f s (median of %d; delivered %d/%d and %d/%d)",
                        Probe.median(sdk), Probe.median(raw), ONE_SHOT_RUNS, sdkGot, ONE_SHOT_RUNS, rawGot,
                        ONE_SHOT_RUNS),
                ratio, ratio <= 1.10 && sdkGot == ONE_SHOT_RUNS);
        table.info("6. Reference: HttpURLConnection one-shot process",
                String.format(Locale.ROOT, "%.3f s (median of %d)", Probe.median(urlc), ONE_SHOT_RUNS));
        table.note("One-shot wall times (s), raw: " + fmt(raw) + "; SDK: " + fmt(sdk) + "; HttpURLConnection: " + fmt(urlc));
    }

    private double timed(Class<?> main, String path) throws Exception {
        long t0 = System.nanoTime();
        children.run(main, List.of(), List.of(receiver.baseUrl() + path));
        return (System.nanoTime() - t0) / 1e9;
    }

    private void periodic() throws Exception {
        progress("periodic: " + PERIODIC_CLIENTS + " clients on one shared executor (default interval)");
        long c0 = receiver.totalConnections();
        Map<String, String> r = scenario("periodic", List.of("-XX:+UseSerialGC", "-Xmx2g"),
                String.valueOf(PERIODIC_CLIENTS), out.resolve("periodic-histogram.txt").toString(), "own");
        double perClient = d(r, "bytesPerClient.afterFirstBeat");
        long connections = receiver.totalConnections() - c0;
        table.row("7. Heap per client, " + PERIODIC_CLIENTS + " default clients sharing one executor, after their first beat",
                "≤ 2 KB",
                String.format(Locale.ROOT, "%.0f B/client (built: %.0f, started: %.0f); %s of %s delivered a beat "
                                + "in %.1f s over %d connections",
                        perClient, d(r, "bytesPerClient.built"), d(r, "bytesPerClient.started"),
                        r.get("firstBeatDelivered"), r.get("clients"), d(r, "allFirstBeatsSeconds"), connections),
                perClient / 2048, perClient <= 2048);
        long threads = l(r, "threads.newCount");
        long okhttpThreads = l(r, "threads.okhttpCount");
        long ours = threads - okhttpThreads;
        table.row("7. Threads for " + PERIODIC_CLIENTS + " clients sharing one executor (OkHttp's process-wide "
                        + "daemon threads counted apart, as restated 2026-11-24: one client starts the same ones, "
                        + "see target 4)", "1",
                ours + " (the shared executor); plus " + okhttpThreads + " of OkHttp/Okio; all new: "
                        + r.get("threads.new"), ours, ours == 1);
        table.note("Periodic: closing " + PERIODIC_CLIENTS + " clients took " + r.get("closeAllSeconds")
                + " s; threads left after: " + r.get("threads.afterClose") + "; live-object histograms: "
                + "target/bench/periodic-histogram*.txt");

        progress("periodic: the same with one OkHttpClient given to every client (httpClient)");
        long c1 = receiver.totalConnections();
        Map<String, String> s = scenario("periodic", List.of("-XX:+UseSerialGC", "-Xmx2g"),
                String.valueOf(PERIODIC_CLIENTS), out.resolve("periodic-histogram-shared.txt").toString(),
                "shared-okhttp");
        table.info("7. Reference: the same " + PERIODIC_CLIENTS + " clients given one shared OkHttpClient (`httpClient(...)`)",
                String.format(Locale.ROOT, "%.0f B/client after the first beat (built: %.0f); %s of %s beat in %.1f s "
                                + "over %d connections; threads: %s",
                        d(s, "bytesPerClient.afterFirstBeat"), d(s, "bytesPerClient.built"), s.get("firstBeatDelivered"),
                        s.get("clients"), d(s, "allFirstBeatsSeconds"), receiver.totalConnections() - c1,
                        s.get("threads.new")));
    }

    private void beatCpu() throws Exception {
        progress("beat CPU: one beat with 10 ext-info providers");
        Map<String, String> r = scenario("beat-cpu", List.of());
        double tick = d(r, "tick.cpuMicros");
        double build = d(r, "build.cpuMicros");
        RunResult jmhTick = jmh.get("BeatBench.tick");
        RunResult jmhBuild = jmh.get("BeatBench.buildBeat");
        RunResult json = jmh.get("BeatBench.encodeSermantJson");
        table.row("7. CPU to build one beat with 10 ext-info providers (the client's real tick, in-memory delivery; "
                        + "thread CPU time, median of 7 rounds of 20 000)", "≤ 20 µs",
                String.format(Locale.ROOT, "%.2f µs CPU (building alone, from public pieces: %.2f µs)%s", tick, build,
                        jmhTick == null ? "" : String.format(Locale.ROOT, "; JMH wall clock: tick %.2f µs, %.0f B/beat",
                                jmhTick.getPrimaryResult().getScore(), secondary(jmhTick, "gc.alloc.rate.norm"))),
                tick / 20, tick <= 20);
        if (jmhBuild != null && json != null) {
            table.info("7. Beat parts (JMH): building from public pieces / Sermant JSON encoding",
                    String.format(Locale.ROOT, "%.2f µs (%.0f B) / %.2f µs (%.0f B)",
                            jmhBuild.getPrimaryResult().getScore(), secondary(jmhBuild, "gc.alloc.rate.norm"),
                            json.getPrimaryResult().getScore(), secondary(json, "gc.alloc.rate.norm")));
        }
    }

    // ------------------------------------------------------------------ processes

    private Map<String, String> scenario(String name, List<String> jvmArgs, String... extra) throws Exception {
        List<String> args = new ArrayList<>();
        args.add(name);
        args.add(receiver.baseUrl());
        args.addAll(Arrays.asList(extra));
        List<String> flags = new ArrayList<>(jvmArgs);
        flags.addAll(jvmFlags(name));
        return ChildJvm.parse(children.run(Scenarios.class, flags, args));
    }

    private List<String> jvmFlags(String scenario) {
        if (!jfr) {
            return List.of();
        }
        return List.of("-XX:StartFlightRecording=settings=profile,filename="
                + out.resolve(scenario + ".jfr").toAbsolutePath());
    }

    private static double d(Map<String, String> r, String key) {
        String v = r.get(key);
        if (v == null) {
            throw new IllegalStateException("missing result " + key + " in " + r);
        }
        return Double.parseDouble(v);
    }

    private static long l(Map<String, String> r, String key) {
        return Math.round(d(r, key));
    }

    private static String fmt(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (double v : values) {
            s.append(s.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", v));
        }
        return s.append(']').toString();
    }

}
