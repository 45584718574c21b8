package io.github.heartbeatsdk.demo;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the panel and the console table show ages, durations, ids and plugins to a person. */
final class Readable {
    private Readable() {
    }

    /** {@code "0.4 s ago"}, {@code "12 s ago"}, {@code "3 min ago"}; {@code "never"} for a negative time. */
    static String age(long sinceMillis, long nowMillis) {
        if (sinceMillis < 0) {
            return "never";
        }
        long age = Math.max(0, nowMillis - sinceMillis);
        if (age < 10_000) {
            return String.format(Locale.ROOT, "%.1f s ago", age / 1000.0);
        }
        if (age < 120_000) {
            return age / 1000 + " s ago";
        }
        return age < 120 * 60_000 ? age / 60_000 + " min ago" : age / 3_600_000 + " h ago";
    }

    /** {@code "310 ms"}, {@code "4.2 s"}, {@code "3 min"}; {@code "?"} when unknown (negative). */
    static String duration(long millis) {
        if (millis < 0) {
            return "?";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis < 120_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : millis / 60_000 + " min";
    }

    /** A UUID's first 8 characters, enough to tell runs and instances apart; other ids as they are. */
    static String shortId(String id) {
        return id == null ? "-" : id.length() == 36 && id.charAt(8) == '-' ? id.substring(0, 8) : id;
    }

    /** {@code "template 0.0.1 {status=started}"}. */
    static String plugin(Heartbeat.Plugin plugin) {
        return plugin.name() + " " + plugin.version() + " " + plugin.extInfo().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }

    /** Every plugin, {@code "; "} between them, or {@code "-"} for none. */
    static String plugins(List<Heartbeat.Plugin> plugins) {
        return plugins.isEmpty() ? "-" : plugins.stream().map(Readable::plugin).collect(Collectors.joining("; "));
    }

    /** {@code "success in 310 ms (run 1a2b3c4d)"}, {@code "failed in 2.0 s: message"}, or {@code "-"}. */
    static String run(CheckView.Run run) {
        if (run == null) {
            return "-";
        }
        String text = run.outcome() + (run.durationMillis() >= 0 ? " in " + duration(run.durationMillis()) : "");
        if (run.runId() != null) {
            text += " (run " + shortId(run.runId()) + ")";
        }
        return run.message() != null ? text + ": " + run.message() : text;
    }
}
