package io.github.heartbeatsdk.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The receiver's panel: one server-rendered HTML page that refreshes itself every
 * {@value #REFRESH_SECONDS} s, no script. Every text that came over the wire is HTML-escaped.
 */
final class PanelPage {
    static final int REFRESH_SECONDS = 2;
    private static final int RECENT_SIGNALS = 15;
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#1f2328}
            table{border-collapse:collapse;margin-bottom:1.5em}
            th,td{border-bottom:1px solid #d0d7de;padding:.35em .7em;text-align:left;vertical-align:top}
            th{background:#f6f8fa} small,.note{color:#59636e} code{font-size:90%}
            .state{font-weight:600;border-radius:1em;padding:.1em .6em;color:#fff}
            .alive,.up{background:#1a7f37} .late{background:#9a6700} .lost,.down{background:#cf222e}
            """;

    private PanelPage() {
    }

    static String render(ReceiverState state) {
        long now = state.clock().millis();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">")
                .append("<title>heartbeat-sdk demo receiver</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1>heartbeat-sdk demo receiver</h1>")
                .append("<p class=\"note\">A local demo for heartbeat-sdk's examples, <b>not a production backend</b>. ")
                .append("An instance is lost after ").append(Readable.duration(state.effectiveTime().toMillis()))
                .append(" without a beat; a check is late after ").append(Readable.duration(state.faultTolerance().toMillis()))
                .append(" without a ping and down after twice that. JSON: <a href=\"/api/instances\">/api/instances</a>, ")
                .append("<a href=\"/api/checks\">/api/checks</a>, <a href=\"/api/signals\">/api/signals</a>.</p>");
        instances(html, state.instances(), now);
        checks(html, state.checks(), now);
        signals(html, state.signals(), now);
        List<String> rejections = state.rejections();
        if (!rejections.isEmpty()) {
            html.append("<h2>Refused</h2><ul>");
            rejections.forEach(r -> html.append("<li><code>").append(escape(r)).append("</code></li>"));
            html.append("</ul>");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void instances(StringBuilder html, List<InstanceView> instances, long now) {
        html.append("<h2>Instances (").append(instances.size()).append(")</h2>");
        if (instances.isEmpty()) {
            html.append("<p class=\"note\">No beats yet: run <code>ServiceHeartbeatExample</code>.</p>");
            return;
        }
        html.append("<table><tr><th>Service</th><th>State</th><th>Last beat</th><th>Beats</th>")
                .append("<th>Instance</th><th>Plugins and ext info</th></tr>");
        for (InstanceView instance : instances) {
            Heartbeat beat = instance.last();
            html.append("<tr><td><b>").append(escape(beat.service())).append("</b><br><small>app ")
                    .append(escape(beat.appName())).append("</small></td>")
                    .append(state(instance.status().label()))
                    .append("<td>").append(Readable.age(instance.receivedMillis(), now)).append("</td>")
                    .append("<td>").append(instance.beats()).append(" <small>via ").append(instance.channel()).append("</small></td>")
                    .append("<td><code title=\"").append(escape(beat.instanceId())).append("\">")
                    .append(escape(Readable.shortId(beat.instanceId()))).append("</code><br><small>")
                    .append(escape(beat.hostName())).append(" ").append(escape(String.join(", ", beat.ip())))
                    .append(" pid ").append(escape(beat.processId())).append("</small></td><td>");
            for (Heartbeat.Plugin plugin : beat.plugins()) {
                html.append("<b>").append(escape(plugin.name())).append("</b> ").append(escape(plugin.version()));
                for (Map.Entry<String, String> entry : plugin.extInfo().entrySet()) {
                    html.append("<br><small>").append(escape(entry.getKey())).append(" = ")
                            .append(escape(entry.getValue())).append("</small>");
                }
                html.append("<br>");
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void checks(StringBuilder html, List<CheckView> checks, long now) {
        html.append("<h2>Checks (").append(checks.size()).append(")</h2>");
        if (checks.isEmpty()) {
            html.append("<p class=\"note\">No pings yet: run <code>BackupJobExample</code> or <code>WrappedJobExample</code>.</p>");
            return;
        }
        html.append("<table><tr><th>Check</th><th>State</th><th>Last ping</th><th>Last run</th><th>Last log</th>")
                .append("<th>Signals</th></tr>");
        for (CheckView check : checks) {
            html.append("<tr><td><b>").append(escape(check.name())).append("</b>")
                    .append(check.running() ? "<br><small>running</small>" : "").append("</td>")
                    .append(state(check.status().label()))
                    .append("<td>").append(Readable.age(check.lastPingMillis(), now)).append("</td>")
                    .append("<td>").append(escape(Readable.run(check.lastRun()))).append("</td>")
                    .append("<td><small>").append(escape(check.lastLog() == null ? "-" : check.lastLog())).append("</small></td>")
                    .append("<td>").append(check.signals()).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void signals(StringBuilder html, List<ReceivedSignal> all, long now) {
        List<ReceivedSignal> recent = new ArrayList<>(all.subList(Math.max(0, all.size() - RECENT_SIGNALS), all.size()));
        Collections.reverse(recent);
        html.append("<h2>Recent signals</h2>");
        if (recent.isEmpty()) {
            html.append("<p class=\"note\">Nothing received yet.</p>");
            return;
        }
        html.append("<table><tr><th>When</th><th>Via</th><th>Signal</th><th>To</th><th>Detail</th></tr>");
        for (ReceivedSignal signal : recent) {
            html.append("<tr><td>").append(Readable.age(signal.atMillis(), now)).append("</td><td>")
                    .append(signal.channel()).append("</td><td>").append(signal.kind()).append("</td><td>")
                    .append(escape(signal.target())).append("</td><td><small>")
                    .append(signal.runId() == null ? "" : "run " + escape(Readable.shortId(signal.runId())) + " ")
                    .append(signal.detail() == null ? "" : escape(signal.detail()))
                    .append("</small></td></tr>");
        }
        html.append("</table>");
    }

    private static String state(String label) {
        return "<td><span class=\"state " + label + "\">" + label + "</span></td>";
    }

    /** Escapes the five characters that matter in HTML text and attribute values; null as "-". */
    static String escape(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
