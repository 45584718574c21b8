package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.benchmarks.Peer.Launch;
import io.github.heartbeatsdk.benchmarks.Peer.Measure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * heartbeat-sdk beside its peers, in one run: HttpURLConnection, the Cronitor client, Sentry
 * (Crons check-ins), raw OkHttp and heartbeat-sdk, each in fresh JVMs with the same java, each on
 * a class path of its own jars ({@link Peer#classPath}), against one local receiver ({@link ArrivalReceiver}, in this JVM).
 *
 * <p>Per client and round: first arrival over http and over https (from {@code t0}, which the
 * child takes right before it builds its client, to the receiver's stamp of the request's head;
 * both are {@code System.nanoTime()}, one clock for every process on Linux, checked on every
 * launch against the wall clock), the whole one-shot process (from just before
 * {@code ProcessBuilder.start()} to the exit {@code waitFor} saw), and a burst of 20 000 pings;
 * for heartbeat-sdk also a ping 1 s after {@code build()} and {@code close()} of an unused client.
 * One warm-up launch per client first (file cache, not counted); then rounds, each running every
 * measurement for every client, each round starting with the next client, so the machine's other
 * load falls on all alike. Every launch must deliver exactly what it was due, or the run fails.
 *
 * <p>Arguments: {@code runs=<rounds>} and, any of them, {@code classes} (instead of the table: one
 * launch per client and scheme with a class-load log, grouped by {@link PeerClassLoads}),
 * {@code jfr} (each child records {@code target/bench/peers-jfr/<client>-<measure>-<run>.jfr}),
 * {@code only=<measure>,...} (only those measurements, e.g. {@code only=first-http,warm}; the
 * others' cells say "not run") and {@code peers=<client>,...} (only those clients, e.g.
 * {@code peers=okhttp,sdk}, for a quicker paired comparison).
 * Prints a markdown table and writes it to {@code target/bench/peers.md} (or
 * {@code peers-classes.md}).
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-benchmarks -am -DskipTests package exec:exec@peers [-Dpeers.runs=5] [-Dpeers.args=classes]
 * </pre>
 */
public final class PeersScenario {
    static final String COMMAND = "mvn -B -q -pl heartbeat-sdk-benchmarks -am -DskipTests package exec:exec@peers";
    static final int DEFAULT_RUNS = 5;
    /** How far the nanoTime and wall-clock measures of launch → main may differ (the wall clock counts whole ms). */
    static final double CLOCK_TOLERANCE_MILLIS = 3;

    /** One launch's outcome: the child's RESULT lines and what the parent measured. */
    record Sample(Map<String, String> result, double wallMs, double arrivalMs, long requests, long connections) {
        double d(String key) {
            return Double.parseDouble(result.get(key));
        }

        long l(String key) {
            return Long.parseLong(result.get(key));
        }
    }

    private final Path out;
    /** One launcher per peer: each runs its children on that peer's own class path ({@link Peer#classPath}). */
    private final Map<Peer, ChildJvm> jvms = new EnumMap<>(Peer.class);
    private final Path childLog;
    private final PeerTls tls;
    private final ArrivalReceiver receiver;
    private final boolean jfr;
    private final EnumSet<Measure> measures;
    private final EnumSet<Peer> peers;
    private final Map<Measure, Map<Peer, List<Sample>>> samples = new EnumMap<>(Measure.class);
    private int clockChecks;
    private double maxClockSkewMillis;

    private PeersScenario(Path out, PeerTls tls, ArrivalReceiver receiver, boolean jfr, EnumSet<Measure> measures,
                          EnumSet<Peer> peers) {
        this.out = out;
        this.childLog = out.resolve("peers-children.log");
        this.tls = tls;
        this.receiver = receiver;
        this.jfr = jfr;
        this.measures = measures;
        this.peers = peers;
    }

    public static void main(String[] args) throws Exception {
        int runs = DEFAULT_RUNS;
        boolean classes = false;
        boolean jfr = false;
        EnumSet<Measure> measures = EnumSet.allOf(Measure.class);
        EnumSet<Peer> peers = EnumSet.allOf(Peer.class);
        for (String arg : String.join(" ", args).trim().split("\\s+")) {
            if (arg.startsWith("runs=") && !arg.equals("runs=")) {
                runs = Integer.parseInt(arg.substring("runs=".length()));
            } else if (arg.equals("classes")) {
                classes = true;
            } else if (arg.equals("jfr")) {
                jfr = true;
            } else if (arg.startsWith("only=")) {
                measures = EnumSet.noneOf(Measure.class);
                for (String id : arg.substring("only=".length()).split(",")) {
                    measures.add(Measure.of(id));
                }
            } else if (arg.startsWith("peers=")) {
                peers = EnumSet.noneOf(Peer.class);
                for (String id : arg.substring("peers=".length()).split(",")) {
                    peers.add(Peer.of(id));
                }
            } else if (!arg.isEmpty() && !arg.equals("runs=")) {
                throw new IllegalArgumentException("unknown argument " + arg
                        + "; takes runs=<n>, classes, jfr, only=<measure>,..., peers=<client>,...");
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs=" + runs + ": at least 1");
        }
        Path out = Paths.get("target", "bench");
        Files.createDirectories(out);
        PeerTls tls = PeerTls.create(out.resolve("peers-truststore.p12"));
        try (ArrivalReceiver receiver = ArrivalReceiver.start(tls.serverContext())) {
            PeersScenario scenario = new PeersScenario(out, tls, receiver, jfr, measures, peers);
            String table;
            String file;
            if (classes) {
                table = scenario.classes();
                file = "peers-classes.md";
            } else {
                String load = ResultTable.loadAverage();
                long start = System.nanoTime();
                scenario.measure(runs);
                String argsLine = String.join(" ", args).replaceFirst("runs=\\S*", "").trim();
                String command = COMMAND + " -Dpeers.runs=" + runs + (argsLine.isEmpty() ? "" : " -Dpeers.args=\"" + argsLine + "\"");
                table = new PeersTable(scenario.samples, runs).render(command, load, (System.nanoTime() - start) / 1e9,
                        scenario.clockChecks, scenario.maxClockSkewMillis);
                file = "peers.md";
            }
            if (receiver.errors() > 0) {
                throw new IllegalStateException(receiver.errors() + " receiver errors; see stderr");
            }
            System.out.print(table);
            Files.write(out.resolve(file), table.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void measure(int runs) throws Exception {
        progress("warm-up: one launch of each client, not counted");
        for (Peer peer : Measure.FIRST_HTTP.peers()) {
            if (peers.contains(peer)) {
                launch(peer, Measure.FIRST_HTTP, "warmup", null);
            }
        }
        for (int round = 0; round < runs; round++) {
            for (Measure measure : measures) {
                List<Peer> peers = new ArrayList<>(measure.peers());
                peers.retainAll(this.peers);
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < peers.size(); i++) {
                    Peer peer = peers.get((round + i) % peers.size());
                    Sample sample = launch(peer, measure, String.valueOf(round), null);
                    samples.computeIfAbsent(measure, m -> new EnumMap<>(Peer.class))
                            .computeIfAbsent(peer, p -> new ArrayList<>()).add(sample);
                    line.append(String.format(Locale.ROOT, " %s %.1f", peer.id, headline(measure, sample)));
                }
                progress(String.format(Locale.ROOT, "round %d/%d, %s (ms):%s", round + 1, runs, measure.id, line));
            }
        }
    }

    /** The number a progress line shows for one launch. */
    private static double headline(Measure measure, Sample sample) {
        return switch (measure) {
            case FIRST_HTTP, FIRST_HTTPS, WARM -> sample.arrivalMs();
            case ONESHOT -> sample.wallMs();
            case CLOSE_NOW, CLOSE_UNUSED -> sample.d("closeMs");
            case BURST -> sample.d("burst.offerMs");
        };
    }

    private ChildJvm jvm(Peer peer) {
        return jvms.computeIfAbsent(peer, p -> new ChildJvm(childLog, p.classPath(System.getProperty("java.class.path"))));
    }

    /** Runs one launch to its end, checks it delivered what it was due and the clocks agree, and measures it. */
    private Sample launch(Peer peer, Measure measure, String run, Path classLog) throws Exception {
        Launch launch = peer.launch(measure, run, receiver);
        // Only https launches get the test CA's trust store: over http, a client that sets up TLS
        // anyway reads the JDK's own, as it would in an application.
        List<String> jvmArgs = new ArrayList<>(measure.https() ? tls.childJvmArgs() : List.of());
        jvmArgs.addAll(launch.jvmArgs());
        if (jfr) {
            Path dir = Files.createDirectories(out.resolve("peers-jfr"));
            jvmArgs.add("-XX:StartFlightRecording=filename=" + dir.resolve(peer.id + "-" + measure.id + "-" + run + ".jfr")
                    + ",settings=profile");
        }
        if (classLog != null) {
            jvmArgs.add(PeerClassLoads.jvmArg(classLog));
        }
        ChildJvm.Running child = jvm(peer).start(launch.main(), jvmArgs, launch.args());
        Map<String, String> r = ChildJvm.parse(child.finish());
        long exited = child.exitedNanos();
        String what = peer.id + " " + measure.id + " run " + run;
        if (r.containsKey("mainNanos")) {
            checkClock(child, r, exited, what);
        }
        double wallMs = (exited - child.launchNanos()) / 1e6;
        double arrivalMs = Double.NaN;
        long requests = 0;
        long connections = 0;
        if (launch.path() != null) {
            requests = receiver.requests(launch.path());
            connections = receiver.connections(launch.path());
            if (measure != Measure.BURST && requests != 1) {
                throw new IllegalStateException(what + ": the receiver got " + requests + " requests on " + launch.path()
                        + ", not 1; see " + out.resolve("peers-children.log"));
            }
            String from = r.containsKey("t0") ? "t0" : r.containsKey("t1") ? "t1" : null;
            if (from != null) {
                long stamp = receiver.awaitFirstArrival(launch.path(), 5_000);
                long t = Long.parseLong(r.get(from));
                if (stamp <= t || stamp >= exited) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "%s: arrival stamp %d is not between the"
                            + " child's %s %d and its exit %d: System.nanoTime is not one clock across processes here",
                            what, stamp, from, t, exited));
                }
                arrivalMs = (stamp - t) / 1e6;
            }
        }
        String status = r.get("status");
        String outcome = r.get("outcome");
        if ((status != null && !status.equals("200")) || (outcome != null && !outcome.equals("DELIVERED"))) {
            throw new IllegalStateException(what + ": the client reported " + (status != null ? "HTTP " + status : outcome));
        }
        return new Sample(r, wallMs, arrivalMs, requests, connections);
    }

    /**
     * Launch → main by {@code nanoTime} (this JVM's before the start, the child's at main) against
     * the same by the wall clock: they agree only if {@code nanoTime} is one clock for both.
     */
    private void checkClock(ChildJvm.Running child, Map<String, String> r, long exited, String what) {
        long mainNanos = Long.parseLong(r.get("mainNanos"));
        double byNanos = (mainNanos - child.launchNanos()) / 1e6;
        double byWallClock = Long.parseLong(r.get("mainMillis")) - child.launchMillis();
        double skew = Math.abs(byNanos - byWallClock);
        if (byNanos <= 0 || mainNanos >= exited || skew > CLOCK_TOLERANCE_MILLIS) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: launch to main is %.2f ms by System.nanoTime"
                    + " but %.0f ms by the wall clock: System.nanoTime is not one clock across processes here, so"
                    + " arrival times cannot be taken", what, byNanos, byWallClock));
        }
        clockChecks++;
        maxClockSkewMillis = Math.max(maxClockSkewMillis, skew);
    }

    /** One first-arrival launch per client and scheme with a class-load log; the breakdown as a table. */
    private String classes() throws Exception {
        Path dir = Files.createDirectories(out.resolve("peers-classes"));
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "Classes loaded, by any thread, between the start of"
                + " the first-arrival stretch (right before the client is built) and the client's word that the first"
                + " request is done; JDK %s, `%s -Dpeers.args=classes`, library %s.%n%n",
                System.getProperty("java.runtime.version"), COMMAND, ResultTable.libraryVersion()));
        t.append(PeerClassLoads.header());
        for (Peer peer : Measure.FIRST_HTTP.peers()) {
            for (Measure measure : List.of(Measure.FIRST_HTTP, Measure.FIRST_HTTPS)) {
                if (!measure.peers().contains(peer)) {
                    continue;
                }
                Path log = dir.resolve(peer.id + "-" + measure.id + ".log");
                Files.deleteIfExists(log);
                Sample sample = launch(peer, measure, "classes", log);
                t.append(PeerClassLoads.read(log).row(peer.label, measure.https() ? "https" : "http"));
                progress(String.format(Locale.ROOT, "classes: %s %s (arrival with the log on: %.0f ms)", peer.id,
                        measure.id, sample.arrivalMs()));
            }
        }
        t.append("\nLogs: `target/bench/peers-classes/<client>-<measure>.log`.\n");
        return t.toString();
    }

    private static void progress(String what) {
        System.err.println("[peers] " + what);
    }
}
