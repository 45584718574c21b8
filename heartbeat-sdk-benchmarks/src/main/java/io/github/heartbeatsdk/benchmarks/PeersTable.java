package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.benchmarks.Peer.Measure;
import io.github.heartbeatsdk.benchmarks.PeersScenario.Sample;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@link PeersScenario}'s markdown: a header saying where and how it ran, the side-by-side
 * table (median of the rounds, with the least and the most), the targets as ratio rows, each
 * PASS or MISS, and every launch's raw figure under it.
 */
final class PeersTable {
    private static final double MIB = 1024 * 1024;
    /** A cell whose measurement this run left out ({@code only=}). */
    private static final String NOT_RUN = "not run";

    private final Map<Measure, Map<Peer, List<Sample>>> samples;
    private final int runs;

    PeersTable(Map<Measure, Map<Peer, List<Sample>>> samples, int runs) {
        this.samples = samples;
        this.runs = runs;
    }

    String render(String command, String loadAtStart, double seconds, int clockChecks, double maxSkewMillis) {
        StringBuilder t = new StringBuilder("| | |\n|---|---|\n");
        t.append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" |\n");
        t.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" cores")
                .append(ResultTable.cpuModel()).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append(" |\n");
        t.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(", the same java for every child; each client on its own class path (its jars only) |\n");
        t.append("| command | `").append(command).append("` |\n");
        t.append("| library | ").append(ResultTable.libraryVersion()).append(" |\n");
        t.append("| rounds | ").append(runs).append(" (each: every measurement for every client, one fresh JVM each;"
                + " one warm-up launch per client before) |\n");
        t.append("| load average (1/5/15 min) | at start ").append(loadAtStart).append(", at end ")
                .append(ResultTable.loadAverage()).append(" |\n");
        t.append(String.format(Locale.ROOT, "| clocks | `System.nanoTime` checked as one clock for parent and child on %d"
                + " launches: launch → main by it and by the wall clock within %.2f ms |%n", clockChecks, maxSkewMillis));
        t.append(String.format(Locale.ROOT, "| total run time | %.0f s |%n%n", seconds));

        t.append("| client | build/init → first request at the receiver, fresh JVM (http) | same over https"
                + " | one-shot process (build, ping, exit) | 20 000-ping burst |\n|---|---|---|---|---|\n");
        for (Peer peer : Measure.BURST.peers()) {
            t.append("| ").append(peer.label)
                    .append(" | ").append(ms(Measure.FIRST_HTTP, peer, Sample::arrivalMs))
                    .append(" | ").append(ms(Measure.FIRST_HTTPS, peer, Sample::arrivalMs))
                    .append(peer == Peer.CRONITOR && has(Measure.FIRST_HTTPS)
                            ? " (host fixed to cronitor.link: through the receiver's CONNECT, one round trip more)" : "")
                    .append(" | ").append(ms(Measure.ONESHOT, peer, Sample::wallMs))
                    .append(" | ").append(burst(peer)).append(" |\n");
        }
        t.append("| ").append(Peer.OKHTTP_CLEARTEXT.label).append(" | ")
                .append(ms(Measure.FIRST_HTTP, Peer.OKHTTP_CLEARTEXT, Sample::arrivalMs))
                .append(" | n/a (no TLS by design) | — (http first arrival only) | — |\n\n");
        t.append(runs == 1 ? "Each cell: one launch." : "Each cell: the median of " + runs + " launches, one per round"
                + " (least–most); counts are one per round (a / b / ...), or one figure if every round gave the same.")
                .append(" Cronitor's http request goes to the receiver as a proxy"
                + " (`GET http://cronitor.link/...`).\n\n");

        t.append("| target | goal | measured | ratio | result |\n|---|---|---|---|---|\n");
        ratio(t, "1. First arrival, http: heartbeat-sdk ÷ raw OkHttp default client", Measure.FIRST_HTTP, 0.6);
        ratio(t, "1. First arrival, https: heartbeat-sdk ÷ raw OkHttp default client", Measure.FIRST_HTTPS, 0.9);
        List<Double> warm = values(Measure.WARM, Peer.SDK, Sample::arrivalMs);
        limit(t, "2. Warm when it matters: `ping()` 1 s after `build()` → arrival (fresh JVM)", warm, 10);
        limit(t, "2. `close()` of a client built and never used, 1 s after `build()` (fresh JVM)",
                values(Measure.CLOSE_UNUSED, Peer.SDK, s -> s.d("closeMs")), 5);
        info(t, "2. Reference: `close()` right after `build()`, never used (fresh JVM)",
                values(Measure.CLOSE_NOW, Peer.SDK, s -> s.d("closeMs")));
        info(t, "2. Reference: raw OkHttp default client, `execute()` 1 s after `new OkHttpClient()` → arrival",
                values(Measure.WARM, Peer.OKHTTP, Sample::arrivalMs));
        ratio(t, "3. One-shot process (launch → exit): heartbeat-sdk ÷ raw OkHttp", Measure.ONESHOT, 1.0);
        info(t, "3. Reference: HttpURLConnection one-shot process", values(Measure.ONESHOT, Peer.URLC, Sample::wallMs));
        List<Double> lost = values(Measure.BURST, Peer.SDK, s -> lost(Peer.SDK, s));
        boolean none = !lost.isEmpty() && lost.stream().allMatch(x -> x == 0);
        t.append("| 4. Burst: heartbeat-sdk, 20 000 `ping()`: every stage DELIVERED or DROPPED, lost = 20 000 − DELIVERED"
                + " | 0 | ").append(lost.isEmpty() ? NOT_RUN : "lost " + joined(lost, "%.0f")).append(" | — | ")
                .append(lost.isEmpty() ? "—" : none ? "PASS" : "**MISS**").append(" |\n");

        t.append("\nRaw figures, per round:\n");
        for (Measure measure : Measure.values()) {
            for (Map.Entry<Peer, List<Sample>> e : samples.getOrDefault(measure, Map.of()).entrySet()) {
                ToDoubleFunction<Sample> f = switch (measure) {
                    case FIRST_HTTP, FIRST_HTTPS, WARM -> Sample::arrivalMs;
                    case ONESHOT -> Sample::wallMs;
                    case CLOSE_NOW, CLOSE_UNUSED -> s -> s.d("closeMs");
                    case BURST -> s -> s.d("burst.offerMs");
                };
                t.append("- ").append(measure.id).append(", ").append(e.getKey().id).append(": ")
                        .append(joined(values(measure, e.getKey(), f), "%.2f")).append(" ms\n");
            }
        }
        return t.toString();
    }

    private boolean has(Measure measure) {
        return samples.containsKey(measure);
    }

    private String burst(Peer peer) {
        List<Double> offers = values(Measure.BURST, peer, s -> s.d("burst.offerMs"));
        if (offers.isEmpty()) {
            return NOT_RUN;
        }
        String offered = ms(Measure.BURST, peer, s -> s.d("burst.offerMs"));
        String lost = joined(values(Measure.BURST, peer, s -> lost(peer, s)), "%.0f");
        String received = joined(values(Measure.BURST, peer, s -> (double) s.requests()), "%.0f");
        String connections = joined(values(Measure.BURST, peer, s -> (double) s.connections()), "%.0f");
        double heapAfter = median(values(Measure.BURST, peer, s -> s.d("burst.heapAfter") / MIB));
        double heapAdded = median(values(Measure.BURST, peer, s -> (s.d("burst.heapAfter") - s.d("burst.heapBefore")) / MIB));
        String heap = String.format(Locale.ROOT, "heap after GC right after offering %.1f MiB (%+.1f MiB)", heapAfter, heapAdded);
        String what = switch (peer) {
            case URLC, OKHTTP -> "20 000 sequential calls in " + offered + "; lost " + lost + " (200s counted by the caller);"
                    + " receiver " + received + " requests over " + connections + " connection(s)";
            case CRONITOR -> "20 000 sequential `complete()` in " + offered + "; lost " + lost + " (by the receiver: "
                    + received + " requests, " + connections + " connections)";
            case SENTRY -> "20 000 `captureCheckIn` in " + offered + ", `Sentry.flush` done "
                    + ms(Measure.BURST, peer, s -> s.d("burst.drainMs")) + " later; lost " + lost + " (by the receiver: "
                    + received + " envelopes, " + connections + " connections)";
            case SDK -> "20 000 `ping()` in " + offered + ", every stage ended " + ms(Measure.BURST, peer,
                    s -> s.d("burst.drainMs")) + " later: DELIVERED " + joined(values(Measure.BURST, peer,
                    s -> s.d("burst.delivered")), "%.0f") + ", DROPPED " + joined(values(Measure.BURST, peer,
                    s -> s.d("burst.dropped")), "%.0f") + "; lost " + lost + "; receiver " + received + " requests (pings"
                    + " coalesced: " + joined(values(Measure.BURST, peer, s -> s.d("burst.coalesced")), "%.0f") + ")";
            default -> "—";
        };
        return what + "; " + heap + (peer == Peer.SDK ? ", with the 20 000 stages the harness keeps" : "")
                + (offers.size() > 1 ? " (medians)" : "");
    }

    /** Offered minus delivered, by the client's own accounting where it has one, else by the receiver's count. */
    private static double lost(Peer peer, Sample s) {
        return PeerChild.BURST - switch (peer) {
            case URLC, OKHTTP, SDK -> s.d("burst.delivered");
            default -> s.requests();
        };
    }

    private void ratio(StringBuilder t, String what, Measure measure, double limit) {
        List<Double> sdk = values(measure, Peer.SDK, measure == Measure.ONESHOT ? Sample::wallMs : Sample::arrivalMs);
        List<Double> raw = values(measure, Peer.OKHTTP, measure == Measure.ONESHOT ? Sample::wallMs : Sample::arrivalMs);
        if (sdk.isEmpty() || raw.isEmpty()) {
            t.append("| ").append(what).append(String.format(Locale.ROOT, " | ≤ %.2f× | ", limit)).append(NOT_RUN)
                    .append(" | — | — |\n");
            return;
        }
        double ratio = median(sdk) / median(raw);
        t.append(String.format(Locale.ROOT, "| %s | ≤ %.2f× | heartbeat-sdk %s vs raw OkHttp %s (medians) | %.2f | %s |%n",
                what, limit, format(median(sdk)), format(median(raw)), ratio, ratio <= limit ? "PASS" : "**MISS**"));
    }

    private static void limit(StringBuilder t, String what, List<Double> values, double limitMillis) {
        if (values.isEmpty()) {
            t.append("| ").append(what).append(String.format(Locale.ROOT, " | ≤ %.0f ms, every launch | ", limitMillis))
                    .append(NOT_RUN).append(" | — | — |\n");
            return;
        }
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        t.append(String.format(Locale.ROOT, "| %s | ≤ %.0f ms, every launch | median %s, max %s | %.2f | %s |%n", what,
                limitMillis, format(median(values)), format(max), max / limitMillis, max <= limitMillis ? "PASS" : "**MISS**"));
    }

    private static void info(StringBuilder t, String what, List<Double> values) {
        if (values.isEmpty()) {
            t.append("| ").append(what).append(" | (reference) | ").append(NOT_RUN).append(" | — | info |\n");
            return;
        }
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        t.append(String.format(Locale.ROOT, "| %s | (reference) | median %s, max %s | — | info |%n", what,
                format(median(values)), format(max)));
    }

    private String ms(Measure measure, Peer peer, ToDoubleFunction<Sample> f) {
        List<Double> values = values(measure, peer, f);
        if (values.isEmpty()) {
            return NOT_RUN;
        }
        if (values.size() == 1) {
            return format(values.get(0));
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return format(median(values)) + " (" + format(min) + "–" + format(max) + ")";
    }

    private List<Double> values(Measure measure, Peer peer, ToDoubleFunction<Sample> f) {
        List<Double> values = new ArrayList<>();
        for (Sample s : samples.getOrDefault(measure, Map.of()).getOrDefault(peer, List.of())) {
            values.add(f.applyAsDouble(s));
        }
        return values;
    }

    /** The values one per round, {@code a / b / c}; just one if every round gave the same. */
    private static String joined(List<Double> values, String format) {
        if (values.size() > 1 && values.stream().distinct().count() == 1) {
            return String.format(Locale.ROOT, format, values.get(0));
        }
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(String.format(Locale.ROOT, format, v));
        }
        return String.join(" / ", parts);
    }

    static String format(double ms) {
        return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    static double median(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return Probe.median(array);
    }
}
