package io.github.heartbeatsdk.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What the scenarios that launch the agent's jar share ({@link AgentStartScenario},
 * {@link WrapperCostScenario}): their arguments, the check that they were given the shaded jar, a
 * local receiver answering 200, and the table of percentiles, so both report alike.
 */
final class AgentJarRuns {
    /** The arguments {@code agent=<jar> runs=<n>}. */
    final Path agentJar;
    final int runs;

    private AgentJarRuns(Path agentJar, int runs) {
        this.agentJar = agentJar;
        this.runs = runs;
    }

    /**
     * Reads {@code agent=<jar> runs=<n>} and checks the jar is the shaded one (the build gave the
     * agent's classes directory, or nothing, before {@code package}).
     *
     * @param execution the exec:exec id that rebuilds it, for the message
     */
    static AgentJarRuns parse(String[] args, int defaultRuns, String execution) throws IOException {
        Path agentJar = null;
        int runs = defaultRuns;
        for (String arg : args) {
            if (arg.startsWith("agent=")) {
                agentJar = Paths.get(arg.substring("agent=".length()));
            } else if (arg.startsWith("runs=") && !arg.equals("runs=")) {
                runs = Integer.parseInt(arg.substring("runs=".length()));
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("unknown argument " + arg + "; takes agent=<jar> runs=<n>");
            }
        }
        String hint = "; build it in the same run: mvn -B -q -pl heartbeat-sdk-benchmarks -am -DskipTests package"
                + " exec:exec@" + execution;
        if (agentJar == null || !Files.isRegularFile(agentJar)) {
            throw new IllegalArgumentException("agent=" + agentJar + " is not the agent's jar" + hint);
        }
        try (JarFile file = new JarFile(agentJar.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            if (main == null || main.getValue("Premain-Class") == null || main.getValue("Main-Class") == null) {
                throw new IllegalArgumentException(agentJar + " has no Premain-Class or Main-Class: not the shaded"
                        + " agent jar" + hint);
            }
        }
        return new AgentJarRuns(agentJar, runs);
    }

    /** A receiver on 127.0.0.1 that tells {@code onRequest} of each request, reads its body and answers 200. */
    static HttpServer okReceiver(Consumer<HttpExchange> onRequest) throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            onRequest.accept(exchange);
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        return receiver;
    }

    /** {@code a[i] - b[i]}: one round's difference, so the machine's load moves both arms alike. */
    static List<Double> differences(List<Double> a, List<Double> b) {
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            d.add(a.get(i) - b.get(i));
        }
        return d;
    }

    /** A table row: median, p90, min and max, in ms. */
    static void row(StringBuilder t, String what, List<Double> values) {
        String format = Math.abs(percentile(values, 50)) < 10 ? "%.2f ms" : "%.1f ms";
        t.append("| ").append(what);
        for (double p : new double[] {50, 90, 0, 100}) {
            t.append(" | ").append(String.format(Locale.ROOT, format, percentile(values, p)));
        }
        t.append(" |\n");
    }

    /** Nearest rank: 0 is the least, 100 the largest. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" off Linux. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
