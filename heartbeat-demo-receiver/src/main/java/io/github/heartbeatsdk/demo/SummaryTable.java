package io.github.heartbeatsdk.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * What the receiver recorded as a short plain-text table for a console: one line per instance
 * and per check. Control characters from the wire are shown as {@code ?}, so a value cannot move
 * the cursor or colour the terminal.
 */
final class SummaryTable {
    private SummaryTable() {
    }

    static String render(ReceiverState state) {
        long now = state.clock().millis();
        List<InstanceView> instances = state.instances();
        List<CheckView> checks = state.checks();
        if (instances.isEmpty() && checks.isEmpty()) {
            return "(nothing received)\n";
        }
        StringBuilder out = new StringBuilder();
        if (!instances.isEmpty()) {
            columns(out, instanceRows(instances, now));
        }
        if (!checks.isEmpty()) {
            out.append(instances.isEmpty() ? "" : "\n");
            columns(out, checkRows(checks, now));
        }
        return out.toString();
    }

    private static List<List<String>> instanceRows(List<InstanceView> instances, long now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("INSTANCE", "STATE", "LAST BEAT", "BEATS", "PLUGINS (EXT INFO)"));
        for (InstanceView instance : instances) {
            Heartbeat beat = instance.last();
            rows.add(List.of(beat.service() + " " + Readable.shortId(beat.instanceId()), instance.status().label(),
                    Readable.age(instance.receivedMillis(), now), instance.beats() + " via " + instance.channel(),
                    Readable.plugins(beat.plugins())));
        }
        return rows;
    }

    private static List<List<String>> checkRows(List<CheckView> checks, long now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CHECK", "STATE", "LAST PING", "SIGNALS", "LAST RUN"));
        for (CheckView check : checks) {
            rows.add(List.of(check.name() + (check.running() ? " (running)" : ""), check.status().label(),
                    Readable.age(check.lastPingMillis(), now), Integer.toString(check.signals()),
                    Readable.run(check.lastRun())));
        }
        return rows;
    }

    /** Left-aligned columns two spaces apart; the last column is not padded. */
    private static void columns(StringBuilder out, List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], printable(row.get(i)).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = printable(row.get(i));
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
