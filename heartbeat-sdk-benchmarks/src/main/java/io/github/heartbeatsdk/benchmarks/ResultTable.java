package io.github.heartbeatsdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The one markdown table a run prints: a header saying where and how it ran (date, cores, JDK,
 * command, library commit, load average, run time), then one row per target or reference.
 */
final class ResultTable {
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final String loadAtStart = loadAverage();

    /** A target: what was measured, its ratio to the goal ({@code NaN} for none) and PASS or MISS. */
    void row(String target, String goal, String measured, double ratio, boolean pass) {
        rows.add(new String[] {target, goal, measured,
                Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f", ratio), pass ? "PASS" : "**MISS**"});
    }

    /** A reference measurement, shown to explain a target, never passed or missed. */
    void info(String what, String measured) {
        rows.add(new String[] {what, "(reference)", measured, "—", "info"});
    }

    /** A line under the table (raw per-round numbers and the like). */
    void note(String note) {
        notes.add(note);
    }

    String render(String command, String jmhShape, double seconds) {
        StringBuilder t = new StringBuilder();
        t.append("| | |\n|---|---|\n");
        t.append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" |\n");
        t.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" cores")
                .append(cpuModel()).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append(" |\n");
        t.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        t.append("| command | `").append(command).append("` |\n");
        t.append("| library | ").append(libraryVersion()).append(" |\n");
        t.append("| JMH | ").append(jmhShape).append(", `-prof gc` |\n");
        t.append("| load average (1/5/15 min) | at start ").append(loadAtStart).append(", at end ").append(loadAverage())
                .append(" (other processes on the machine; ratios are taken within this run) |\n");
        t.append("| total run time | ").append(String.format(Locale.ROOT, "%.0f s", seconds)).append(" |\n\n");
        t.append("| target | goal | measured | ratio | result |\n|---|---|---|---|---|\n");
        for (String[] row : rows) {
            t.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        t.append("\nRatio: measured ÷ limit for \"≤\" goals (≤ 1.00 passes); SDK ÷ raw OkHttp, measured in this run, "
                + "for throughput and one-shot; a count for the others.\n");
        for (String note : notes) {
            t.append("\n- ").append(note);
        }
        t.append('\n');
        return t.toString();
    }

    /** The commit the library was built from, read with read-only git commands (if git is there). */
    static String libraryVersion() {
        try {
            String head = git("git", "rev-parse", "--short", "HEAD").trim();
            String dirty = git("git", "status", "--porcelain", "--", "../heartbeat-sdk/src/main").trim();
            return "heartbeat-sdk at git " + head + (dirty.isEmpty() ? "" : " + uncommitted changes in heartbeat-sdk/src/main");
        } catch (IOException | RuntimeException | InterruptedException e) {
            return "n/a";
        }
    }

    private static String git(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + text);
        }
        return text;
    }

    static String loadAverage() {
        try {
            String[] parts = new String(Files.readAllBytes(Paths.get("/proc/loadavg")), StandardCharsets.US_ASCII).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return " (" + line.substring(line.indexOf(':') + 1).trim() + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "";
    }
}
