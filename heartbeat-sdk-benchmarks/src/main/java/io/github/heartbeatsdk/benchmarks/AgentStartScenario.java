package io.github.heartbeatsdk.benchmarks;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static io.github.heartbeatsdk.benchmarks.AgentJarRuns.differences;
import static io.github.heartbeatsdk.benchmarks.AgentJarRuns.loadAverage;
import static io.github.heartbeatsdk.benchmarks.AgentJarRuns.percentile;
import static io.github.heartbeatsdk.benchmarks.AgentJarRuns.row;

/**
 * What {@code -javaagent:heartbeat-sdk-agent.jar} costs an application's start: fresh JVMs running
 * a tiny main ({@link AgentStartChild}, alone in a directory that is its class path), in rounds
 * of five, alternately (each round starts with the next arm, so the machine's other load falls on
 * every arm alike), after one warm-up round that is not counted:
 *
 * <ul>
 *   <li>{@code none}: no agent;</li>
 *   <li>{@code agent}: the heartbeat agent, beating every second to a local receiver;</li>
 *   <li>{@code noop}: one agent that does nothing ({@link AgentStartProbe}): what any agent costs;</li>
 *   <li>{@code probes}: two probes, the time the JVM takes from one agent to the next;</li>
 *   <li>{@code split}: probes around the heartbeat agent, one of them loading its class, which
 *       separates loading {@code HeartbeatAgent} from the jar from calling its {@code premain}.</li>
 * </ul>
 *
 * <p>Launch to main is {@link System#nanoTime()} right before {@code ProcessBuilder.start()} to
 * {@code System.nanoTime()} at main's first line. That takes in everything the agent adds,
 * from the JVM's set-up for agents on, and has microsecond resolution; it relies on
 * {@code nanoTime} being one clock for every process of the machine (CLOCK_MONOTONIC on Linux),
 * which the spec does not promise, so every run is checked against the wall clock. The JVM's
 * own start time ({@code RuntimeMXBean.getStartTime()}, milliseconds) is shown beside it. The first
 * beat is when the receiver in this JVM ({@code com.sun.net.httpserver}, answering 200 on a path
 * of the run's own) got it.
 *
 * <p>Arguments: {@code agent=<path of heartbeat-sdk-agent.jar>}, {@code runs=<runs of each arm>}.
 * Prints a markdown table and writes it to {@code target/bench/agent-start.md}.
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-benchmarks -am -DskipTests package exec:exec@agent-start
 * </pre>
 */
public final class AgentStartScenario {
    static final int DEFAULT_RUNS = 15;
    /** The agent's beat interval in these runs; its first beat comes after a random delay up to it. */
    static final int INTERVAL_MILLIS = 1000;
    /** How far the nanoTime and wall-clock measures of one launch may differ (the wall clock counts whole ms). */
    static final double CLOCK_TOLERANCE_MILLIS = 3;

    enum Arm { NONE, AGENT, NOOP, PROBES, SPLIT }

    private final Path agentJar;
    private final Path probeJar;
    private final ChildJvm jvm;
    private final HttpServer receiver;
    private final Map<String, Long> firstBeatNanos;
    private int launches;

    private AgentStartScenario(Path agentJar, Path probeJar, ChildJvm jvm, HttpServer receiver,
                               Map<String, Long> firstBeatNanos) {
        this.agentJar = agentJar;
        this.firstBeatNanos = firstBeatNanos;
        this.probeJar = probeJar;
        this.jvm = jvm;
        this.receiver = receiver;
    }

    public static void main(String[] args) throws Exception {
        AgentJarRuns parsed = AgentJarRuns.parse(args, DEFAULT_RUNS, "agent-start");
        Path agentJar = parsed.agentJar;
        int runs = parsed.runs;
        Path out = Paths.get("target", "bench");
        Files.createDirectories(out);
        String load = loadAverage();
        Path app = writeApp(out.resolve("agent-start-app"));
        Map<String, Long> firstBeatNanos = new ConcurrentHashMap<>();
        HttpServer receiver = AgentJarRuns.okReceiver(
                exchange -> firstBeatNanos.putIfAbsent(exchange.getRequestURI().getPath(), System.nanoTime()));
        AgentStartScenario scenario = new AgentStartScenario(agentJar, writeProbeJar(out.resolve("agent-start-probe.jar")),
                new ChildJvm(out.resolve("children.log"), app.toString()), receiver, firstBeatNanos);
        receiver.start();
        try {
            String table = scenario.measure(runs, load);
            System.out.print(table);
            Files.write(out.resolve("agent-start.md"), table.getBytes(StandardCharsets.UTF_8));
        } finally {
            receiver.stop(0);
        }
    }

    private String measure(int runs, String loadAtStart) throws Exception {
        Arm[] arms = Arm.values();
        for (Arm arm : arms) {
            launch(arm); // warms the file cache and the jars' pages; not counted
        }
        Map<Arm, List<Map<String, Double>>> results = new EnumMap<>(Arm.class);
        for (Arm arm : arms) {
            results.put(arm, new ArrayList<>());
        }
        for (int round = 0; round < runs; round++) {
            for (int i = 0; i < arms.length; i++) {
                Arm arm = arms[(round + i) % arms.length];
                results.get(arm).add(launch(arm));
            }
            System.err.printf(Locale.ROOT, "round %d: launch to main none %.1f, agent %.1f, noop %.1f ms%n", round + 1,
                    results.get(Arm.NONE).get(round).get("launchToMain"), results.get(Arm.AGENT).get(round).get("launchToMain"),
                    results.get(Arm.NOOP).get(round).get("launchToMain"));
        }
        List<Double> none = values(results.get(Arm.NONE), "launchToMain");
        List<Double> agent = values(results.get(Arm.AGENT), "launchToMain");
        List<Double> noop = values(results.get(Arm.NOOP), "launchToMain");
        List<Double> between = values(results.get(Arm.PROBES), "afterMinusBefore");
        List<Double> loading = values(results.get(Arm.SPLIT), "loadMinusBefore");
        List<Double> calling = values(results.get(Arm.SPLIT), "afterMinusLoad");
        double floor = percentile(between, 50);
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "| JDK %s, %d cores, %d runs of each arm (alternating), load average %s at the"
                        + " start, %s at the end | median | p90 | min | max |%n|---|---|---|---|---|%n",
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(), runs, loadAtStart,
                loadAverage()));
        row(t, "launch → main, no agent", none);
        row(t, "launch → main, `-javaagent:heartbeat-sdk-agent.jar=endpoint=sermant-http+http://127.0.0.1:…,interval="
                + INTERVAL_MILLIS + "`", agent);
        row(t, "added by the heartbeat agent (per round: agent − none)", differences(agent, none));
        row(t, "launch → main, one agent that does nothing", noop);
        row(t, "added by any agent: the one that does nothing (per round: noop − none)", differences(noop, none));
        row(t, "the heartbeat agent above the one that does nothing (per round: agent − noop)", differences(agent, noop));
        row(t, "JVM start time → main (RuntimeMXBean, whole ms), no agent", values(results.get(Arm.NONE), "jvmStartToMain"));
        row(t, "JVM start time → main (RuntimeMXBean, whole ms), heartbeat agent", values(results.get(Arm.AGENT),
                "jvmStartToMain"));
        row(t, "between two probes with nothing between them (the JVM's turn from one agent to the next)", between);
        row(t, "split: probe before → a probe that opened the agent jar and loaded `HeartbeatAgent` (not initialised) from it", loading);
        row(t, "split: that probe → probe after (the JVM's turn for the heartbeat agent: class initialised, `premain` run, its thread started)", calling);
        row(t, "launch → first beat at the receiver (includes the random first delay of 0–" + INTERVAL_MILLIS + " ms)",
                values(results.get(Arm.AGENT), "launchToFirstBeat"));
        t.append(String.format(Locale.ROOT, "%nAbove the JVM's turn from one agent to the next (median %.2f ms), as differences"
                        + " of medians: opening the jar and loading `HeartbeatAgent` %.2f ms, the rest of the heartbeat agent's"
                        + " turn with `premain` %.2f ms.%n", floor, percentile(loading, 50) - floor,
                percentile(calling, 50) - floor));
        return t.toString();
    }

    /** Runs one child of {@code arm} to its end; returns its times in milliseconds. */
    private Map<String, Double> launch(Arm arm) throws Exception {
        String path = "/beat/" + (++launches);
        String agent = "-javaagent:" + agentJar + "=endpoint=sermant-http+http://127.0.0.1:"
                + receiver.getAddress().getPort() + path + ",interval=" + INTERVAL_MILLIS;
        String probe = "-javaagent:" + probeJar + "=";
        List<String> flags = switch (arm) {
            case NONE -> List.of();
            case AGENT -> List.of(agent);
            case NOOP -> List.of(probe + "noop");
            case PROBES -> List.of(probe + "before", probe + "after");
            case SPLIT -> List.of(probe + "before", probe + "load=" + agentJar, agent, probe + "after");
        };
        ChildJvm.Running child = jvm.start(AgentStartChild.class, flags, List.of(arm.name().toLowerCase(Locale.ROOT)));
        Map<String, Double> times = new java.util.LinkedHashMap<>();
        try {
            child.awaitResult("done", 60);
            if (arm == Arm.AGENT) {
                long end = System.nanoTime() + 30_000_000_000L;
                while (!firstBeatNanos.containsKey(path) && System.nanoTime() < end) {
                    Thread.sleep(5);
                }
                Long beat = firstBeatNanos.get(path);
                if (beat == null) {
                    throw new IllegalStateException("no beat within 30 s from the agent run " + path + "; see children.log");
                }
                times.put("launchToFirstBeat", (beat - child.launchNanos()) / 1e6);
            }
        } finally {
            child.closeInput();
        }
        Map<String, String> r = ChildJvm.parse(child.finish());
        long mainNanos = Long.parseLong(r.get("mainNanos"));
        double launchToMain = (mainNanos - child.launchNanos()) / 1e6;
        double byWallClock = Long.parseLong(r.get("mainMillis")) - child.launchMillis();
        if (launchToMain <= 0 || Math.abs(launchToMain - byWallClock) > CLOCK_TOLERANCE_MILLIS) {
            throw new IllegalStateException(String.format(Locale.ROOT, "launch to main is %.2f ms by System.nanoTime but"
                    + " %.0f ms by the wall clock: nanoTime is not one clock across processes here", launchToMain, byWallClock));
        }
        times.put("launchToMain", launchToMain);
        times.put("jvmStartToMain", (double) (Long.parseLong(r.get("mainMillis")) - Long.parseLong(r.get("jvmStartMillis"))));
        if (arm == Arm.PROBES) {
            times.put("afterMinusBefore", nanosBetween(r, "beforeNanos", "afterNanos"));
        } else if (arm == Arm.SPLIT) {
            times.put("loadMinusBefore", nanosBetween(r, "beforeNanos", "loadNanos"));
            times.put("afterMinusLoad", nanosBetween(r, "loadNanos", "afterNanos"));
        }
        return times;
    }

    private static double nanosBetween(Map<String, String> r, String from, String to) {
        return (Long.parseLong(r.get(to)) - Long.parseLong(r.get(from))) / 1e6;
    }

    /**
     * The application's class alone in a directory: the probes' class then loads from their jar,
     * so a no-op agent pays for the JVM's first jar as any agent does, and the heartbeat agent's
     * turn is measured without it.
     */
    private static Path writeApp(Path dir) throws IOException {
        String entry = AgentStartChild.class.getName().replace('.', '/') + ".class";
        Path file = dir.resolve(entry);
        Files.createDirectories(file.getParent());
        try (InputStream bytes = AgentStartChild.class.getClassLoader().getResourceAsStream(entry)) {
            Files.copy(bytes, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /** The measuring agent as a jar of its own: {@code Premain-Class} and the one class. */
    private static Path writeProbeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", AgentStartProbe.class.getName());
        String entry = AgentStartProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream bytes = AgentStartProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static List<Double> values(List<Map<String, Double>> runs, String key) {
        List<Double> values = new ArrayList<>();
        for (Map<String, Double> run : runs) {
            values.add(run.get(key));
        }
        return values;
    }
}
