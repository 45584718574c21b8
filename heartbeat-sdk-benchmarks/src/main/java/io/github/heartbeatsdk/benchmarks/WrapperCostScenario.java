package io.github.heartbeatsdk.benchmarks;

import com.sun.net.httpserver.HttpServer;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.github.heartbeatsdk.benchmarks.AgentJarRuns.differences;
import static io.github.heartbeatsdk.benchmarks.AgentJarRuns.loadAverage;
import static io.github.heartbeatsdk.benchmarks.AgentJarRuns.percentile;
import static io.github.heartbeatsdk.benchmarks.AgentJarRuns.row;

/**
 * What {@code java -jar heartbeat-sdk-agent.jar run -- JOB} adds to a job's wall time, against the
 * job alone and against the crontab line it replaces ({@code job && curl <secret URL>}). Each arm
 * is timed from just before {@code ProcessBuilder.start()} to the process's exit as
 * {@code Process.waitFor()} sees it, which is what cron or a shell waits for. The arms run in
 * rounds, each round starting with the next arm, so the machine's other load falls on every arm
 * alike, after one warm-up round that is not counted (it fills the file cache and the JVM's CDS
 * pages):
 *
 * <ul>
 *   <li>{@code true}: {@code /bin/true}, the job alone;</li>
 *   <li>{@code curl}: {@code /bin/true}, then {@code curl -fsS -o /dev/null <URL>} once it exited
 *       with 0, as two processes (the {@code &&} of the crontab line without the shell, which a
 *       crontab line pays for either way); skipped, with a note, where there is no curl;</li>
 *   <li>{@code version}: {@code java -jar heartbeat-sdk-agent.jar version}: the JVM's start and the
 *       jar's main, no SDK work, the floor of any {@code java -jar} line;</li>
 *   <li>{@code ping}: {@code java -jar heartbeat-sdk-agent.jar ping} to a plain URL: one delivery,
 *       waited for;</li>
 *   <li>{@code run}: {@code java -jar heartbeat-sdk-agent.jar run -- /bin/true} to a
 *       {@code healthchecks+http} endpoint: the start and the end (with the output's tail), and the
 *       wait for their delivery at exit;</li>
 *   <li>{@code run C1}: the same with {@code -XX:TieredStopAtLevel=1}, the usual flag for short
 *       JVMs: is the JIT's second tier worth its threads in a process this short?</li>
 * </ul>
 *
 * <p>The receiver is a {@code com.sun.net.httpserver} server on 127.0.0.1 in this JVM, answering
 * 200 with an empty body, so the network and a real backend's latency are not measured. Every
 * launch gets a check id of its own, and after it the requests with that id are checked (1 for
 * curl and ping, none for version, the start and {@code /0} for run): a launch that did not
 * deliver would be timed as fast as one that never tried, so the scenario fails then. The
 * connections the requests came on are counted too, as a note. Children use this JVM's
 * {@code java} ({@code java.home}) and get this JVM's environment without {@code HEARTBEAT_*} and
 * the launcher's option variables, so no setting of the machine is measured with them.
 *
 * <p>Arguments: {@code agent=<path of heartbeat-sdk-agent.jar>}, {@code runs=<rounds>}. Prints a
 * markdown table and writes it to {@code target/bench/wrapper-cost.md}; the children's output
 * goes to {@code target/bench/wrapper-cost-children.log}.
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-benchmarks -am -DskipTests package exec:exec@wrapper-cost
 * </pre>
 */
public final class WrapperCostScenario {
    static final int DEFAULT_RUNS = 10;
    /** Longer than the wrapper's own bounds (flush timeout 5 s, ping's retry deadline 60 s): only a hang reaches it. */
    static final int LAUNCH_TIMEOUT_SECONDS = 120;

    enum Arm {
        TRUE("true"), CURL("curl"), VERSION("version"), PING("ping"), RUN("run"), RUN_C1("run C1");

        final String label;

        Arm(String label) {
            this.label = label;
        }
    }

    private final String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    private final Path agentJar;
    private final String curl;
    private final Path log;
    private final HttpServer receiver;
    /** Per check id: the request's last path segment and the connection (client port) it came on. */
    private final Map<String, List<String[]>> requests;
    /** Per arm: the most connections one counted launch used (two reports on one connection is 1). */
    private final Map<Arm, Integer> mostConnections = new EnumMap<>(Arm.class);

    private WrapperCostScenario(Path agentJar, String curl, Path log, HttpServer receiver,
                                Map<String, List<String[]>> requests) {
        this.agentJar = agentJar;
        this.requests = requests;
        this.curl = curl;
        this.log = log;
        this.receiver = receiver;
    }

    public static void main(String[] args) throws Exception {
        AgentJarRuns parsed = AgentJarRuns.parse(args, DEFAULT_RUNS, "wrapper-cost");
        Path agentJar = parsed.agentJar;
        int runs = parsed.runs;
        Path out = Paths.get("target", "bench");
        Files.createDirectories(out);
        Path log = out.resolve("wrapper-cost-children.log");
        Files.deleteIfExists(log);
        String load = loadAverage();
        Map<String, List<String[]>> requests = new ConcurrentHashMap<>();
        HttpServer receiver = AgentJarRuns.okReceiver(exchange -> {
            // /ping/<id>, /ping/<id>/start, /ping/<id>/0: the id is the third segment
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length >= 3) {
                requests.computeIfAbsent(path[2], id -> new CopyOnWriteArrayList<>()).add(new String[] {
                        path.length > 3 ? path[3] : "", String.valueOf(exchange.getRemoteAddress().getPort())});
            }
        });
        WrapperCostScenario scenario = new WrapperCostScenario(agentJar, findCurl(), log, receiver, requests);
        receiver.start();
        try {
            String table = scenario.measure(runs, load);
            System.out.print(table);
            Files.write(out.resolve("wrapper-cost.md"), table.getBytes(StandardCharsets.UTF_8));
        } finally {
            receiver.stop(0);
        }
    }

    private String measure(int runs, String loadAtStart) throws Exception {
        List<Arm> arms = new ArrayList<>();
        for (Arm arm : Arm.values()) {
            if (arm != Arm.CURL || curl != null) {
                arms.add(arm);
            }
        }
        Map<Arm, List<Double>> times = new EnumMap<>(Arm.class);
        for (Arm arm : arms) {
            launch(arm, false); // warms the file cache and the JVM's CDS pages; not counted
            times.put(arm, new ArrayList<>());
        }
        for (int round = 0; round < runs; round++) {
            for (int i = 0; i < arms.size(); i++) {
                Arm arm = arms.get((round + i) % arms.size());
                times.get(arm).add(launch(arm, true));
            }
            StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
            for (Arm arm : arms) {
                line.append(String.format(Locale.ROOT, " %s %.1f", arm.label, times.get(arm).get(round)));
            }
            System.err.println(line.append(" ms"));
        }
        List<Double> none = times.get(Arm.TRUE);
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "| JDK %s, %s %s, %d cores, %d rounds of each arm (rotating), load average %s"
                        + " at the start, %s at the end | median | p90 | min | max |%n|---|---|---|---|---|%n",
                System.getProperty("java.runtime.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), runs, loadAtStart, loadAverage()));
        row(t, "`/bin/true` (the job alone)", none);
        if (curl != null) {
            row(t, "`/bin/true`, then `curl -fsS -o /dev/null http://127.0.0.1:…/ping/<id>`", times.get(Arm.CURL));
        }
        row(t, "`java -jar heartbeat-sdk-agent.jar version` (the JVM's start, no SDK work)", times.get(Arm.VERSION));
        row(t, "`HEARTBEAT_ENDPOINT=http://127.0.0.1:…/ping/<id> java -jar heartbeat-sdk-agent.jar ping`",
                times.get(Arm.PING));
        row(t, "`HEARTBEAT_ENDPOINT=healthchecks+http://127.0.0.1:…/ping/<id> java -jar heartbeat-sdk-agent.jar run --"
                + " /bin/true`", times.get(Arm.RUN));
        row(t, "the same with `java -XX:TieredStopAtLevel=1`", times.get(Arm.RUN_C1));
        if (curl != null) {
            row(t, "added by curl (per round: curl − true)", differences(times.get(Arm.CURL), none));
        }
        row(t, "**added by the wrapper** (per round: run − true)", differences(times.get(Arm.RUN), none));
        row(t, "added by the wrapper with `-XX:TieredStopAtLevel=1` (per round: run C1 − true)",
                differences(times.get(Arm.RUN_C1), none));
        row(t, "the JVM's start (per round: version − true)", differences(times.get(Arm.VERSION), none));
        row(t, "the SDK's work in `run` above the JVM's start (per round: run − version)",
                differences(times.get(Arm.RUN), times.get(Arm.VERSION)));
        row(t, "the start signal and the command in `run` above one ping (per round: run − ping)",
                differences(times.get(Arm.RUN), times.get(Arm.PING)));
        row(t, "saved by `-XX:TieredStopAtLevel=1` (per round: run − run C1)",
                differences(times.get(Arm.RUN), times.get(Arm.RUN_C1)));
        t.append(String.format(Locale.ROOT, "%nConnections the receiver saw in one launch (the most of any counted"
                        + " launch): ping %d, run %d, run C1 %d.%n", mostConnections.getOrDefault(Arm.PING, 0),
                mostConnections.getOrDefault(Arm.RUN, 0), mostConnections.getOrDefault(Arm.RUN_C1, 0)));
        if (curl == null) {
            t.append("\nNo curl on the PATH: the curl arm was skipped.\n");
        }
        return t.toString();
    }

    /** Runs one launch of {@code arm} to its end and checks what the receiver got; returns its wall time in ms. */
    private double launch(Arm arm, boolean counted) throws Exception {
        String id = UUID.randomUUID().toString();
        String port = String.valueOf(receiver.getAddress().getPort());
        String url = "http://127.0.0.1:" + port + "/ping/" + id;
        List<List<String>> commands = new ArrayList<>();
        String endpoint = null;
        switch (arm) {
            case TRUE -> commands.add(List.of("/bin/true"));
            case CURL -> {
                commands.add(List.of("/bin/true"));
                commands.add(List.of(curl, "-fsS", "-o", "/dev/null", url));
            }
            case VERSION -> commands.add(List.of(java, "-jar", agentJar.toString(), "version"));
            case PING -> {
                commands.add(List.of(java, "-jar", agentJar.toString(), "ping"));
                endpoint = url;
            }
            case RUN -> {
                commands.add(List.of(java, "-jar", agentJar.toString(), "run", "--", "/bin/true"));
                endpoint = "healthchecks+" + url;
            }
            case RUN_C1 -> {
                commands.add(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", agentJar.toString(), "run", "--",
                        "/bin/true"));
                endpoint = "healthchecks+" + url;
            }
        }
        List<ProcessBuilder> builders = new ArrayList<>();
        for (List<String> command : commands) {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("HEARTBEAT_") || name.equals("JAVA_TOOL_OPTIONS")
                    || name.equals("JDK_JAVA_OPTIONS") || name.equals("_JAVA_OPTIONS"));
            if (endpoint != null) {
                env.put("HEARTBEAT_ENDPOINT", endpoint);
            }
            builders.add(builder);
        }
        long start = System.nanoTime();
        for (ProcessBuilder builder : builders) {
            Process process = builder.start();
            if (!process.waitFor(LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(arm.label + " did not end in " + LAUNCH_TIMEOUT_SECONDS + " s: "
                        + builder.command());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(arm.label + " exited with " + process.exitValue() + ": "
                        + builder.command() + "; see " + log);
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        checkRequests(arm, id, counted);
        return millis;
    }

    /** Fails the scenario unless the launch delivered exactly what it should have. */
    private void checkRequests(Arm arm, String id, boolean counted) {
        List<String> expected = switch (arm) {
            case TRUE, VERSION -> List.of();
            case CURL, PING -> List.of("");
            case RUN, RUN_C1 -> List.of("0", "start");
        };
        List<String[]> got = requests.getOrDefault(id, List.of());
        List<String> kinds = new ArrayList<>();
        Set<String> ports = new TreeSet<>();
        for (String[] request : got) {
            kinds.add(request[0]);
            ports.add(request[1]);
        }
        Collections.sort(kinds);
        if (!kinds.equals(expected)) {
            throw new IllegalStateException(arm.label + " should have sent " + expected.size() + " request(s) "
                    + expected + " but the receiver got " + kinds + " by its exit; see " + log);
        }
        if (counted && !ports.isEmpty()) {
            mostConnections.merge(arm, ports.size(), Math::max);
        }
        requests.remove(id);
    }

    private static String findCurl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File file = new File(dir, "curl");
            if (!dir.isEmpty() && file.isFile() && file.canExecute()) {
                return file.getAbsolutePath();
            }
        }
        return null;
    }
}
