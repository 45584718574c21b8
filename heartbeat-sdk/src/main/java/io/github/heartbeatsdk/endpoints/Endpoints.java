package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.HttpMethod;
import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.internal.EndpointNames;

import java.util.Collections;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Factories for the backends the SDK speaks. Each ping-API preset takes the URL its service
 * gives you; every URL is checked at once, and error messages never show its secret path.
 *
 * <p>{@link #parse(String)} names any of them by one URI string, for configuration:
 * <table>
 * <caption>URI forms</caption>
 * <tr><th>URI</th><th>endpoint</th></tr>
 * <tr><td>{@code https://...} or {@code http://...}</td><td>{@link #url}</td></tr>
 * <tr><td>{@code sermant://host[:port]} (port 6888 when omitted)</td><td>{@link #sermant}</td></tr>
 * <tr><td>{@code sermant-http+https://...}</td><td>{@link #sermantHttp}</td></tr>
 * <tr><td>{@code healthchecks+https://hc-ping.com/<uuid>} (or {@code /<ping-key>/<slug>}, {@code ?create=1})</td><td>{@link #healthchecks}</td></tr>
 * <tr><td>{@code cronitor+https://cronitor.link/p/<api-key>/<monitor-key>}</td><td>{@link #cronitor}</td></tr>
 * <tr><td>{@code sentry+https://<host>/api/<project>/cron/<slug>/<public-key>/}</td><td>{@link #sentryCrons}</td></tr>
 * <tr><td>{@code betterstack+https://uptime.betterstack.com/api/v1/heartbeat/<token>}</td><td>{@link #betterStack}</td></tr>
 * <tr><td>{@code uptimekuma+https://<base>/api/push/<token>}</td><td>{@link #uptimeKuma}</td></tr>
 * <tr><td>{@code deadmanssnitch+https://nosnch.in/<token>}</td><td>{@link #deadMansSnitch}</td></tr>
 * <tr><td>{@code pushgateway+http://[user:password@]host:9091[/prefix]/<job>[?<label>=<value>&...]}, or the
 *     Pushgateway's own {@code pushgateway+http://host:9091/metrics/job/<job>/<label>/<value>...} (also
 *     {@code pushgateway+https://})</td><td>{@link #pushgateway}</td></tr>
 * </table>
 */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * A plain ping URL (Xitoring and any "GET this secret URL" service): a GET per ping, no
     * headers, no body. Refine it with {@link UrlEndpoint#withMethod}, {@link UrlEndpoint#withHeader}
     * and {@link UrlEndpoint#withBody}. It only says "alive": a failed job sends nothing.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http or https URL; the
     *     message shows the URL with its path and query masked
     */
    public static UrlEndpoint url(String url) {
        return new UrlEndpoint(url, HttpMethod.GET, Collections.<String, String>emptyMap(), null, null);
    }

    /**
     * Healthchecks.io, hosted or self-hosted, from the check's ping URL:
     * {@code https://hc-ping.com/<uuid>} or {@code https://hc-ping.com/<ping-key>/<slug>}.
     * Start, success, fail, exit status and log, with run ids; see {@link HealthchecksEndpoint}.
     */
    public static HealthchecksEndpoint healthchecks(String pingUrl) {
        return HealthchecksEndpoint.of(pingUrl);
    }

    /**
     * Cronitor's telemetry API, from {@code https://cronitor.link/p/<api-key>/<monitor-key>};
     * see {@link CronitorEndpoint}.
     */
    public static CronitorEndpoint cronitor(String monitorUrl) {
        return CronitorEndpoint.of(monitorUrl);
    }

    /**
     * Sentry Crons HTTP check-ins, from
     * {@code https://<host>/api/<project-id>/cron/<monitor-slug>/<public-key>/}; see {@link SentryCronsEndpoint}.
     */
    public static SentryCronsEndpoint sentryCrons(String checkInUrl) {
        return SentryCronsEndpoint.of(checkInUrl);
    }

    /**
     * Better Stack heartbeats, from {@code https://uptime.betterstack.com/api/v1/heartbeat/<token>}:
     * success is a GET of the URL, failure {@code /fail} with the message as body, exit status
     * {@code /<status>}; starts and logs are skipped.
     */
    public static Endpoint betterStack(String heartbeatUrl) {
        return new BetterStackEndpoint(heartbeatUrl);
    }

    /**
     * An Uptime Kuma push monitor, from {@code <base>/api/push/<push-token>}: {@code status=up} or
     * {@code down}, {@code msg}, and {@code ping} = the run's duration in ms; starts and logs are skipped.
     */
    public static Endpoint uptimeKuma(String pushUrl) {
        return new UptimeKumaEndpoint(pushUrl);
    }

    /**
     * Dead Man's Snitch, from {@code https://nosnch.in/<token>}: a check-in per ping or job end,
     * with exit status {@code s} and a short message {@code m}; starts and logs are skipped.
     */
    public static Endpoint deadMansSnitch(String snitchUrl) {
        return new DeadMansSnitchEndpoint(snitchUrl);
    }

    /**
     * A Prometheus Pushgateway at {@code baseUrl} ({@code http://pushgateway:9091}, perhaps with a
     * path prefix and {@code user:password@} for Basic auth), pushing to the group
     * {@code job="<job>"}: the last success, start and failure times, the last exit code, the last
     * run's duration and, for beats, the last heartbeat time, as gauges named
     * {@code job_last_success_timestamp_seconds} and so on; see {@link PushgatewayEndpoint}. Add
     * grouping labels with {@link PushgatewayEndpoint#withLabel}.
     *
     * @param job the {@code job} label: any text but a blank one, without control characters, at
     *     most 1024 characters ({@code nightly-backup} is fine: no metric name is made from it)
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL, has a query, or
     *     already names a group ({@code /metrics/job/...}), or {@code job} breaks the rule above
     */
    public static PushgatewayEndpoint pushgateway(String baseUrl, String job) {
        return PushgatewayEndpoint.of(baseUrl, job);
    }

    /**
     * A Sermant-style backend that speaks HTTP: each periodic beat is a POST of Sermant's
     * HeartbeatMessage JSON ({@code appName}, {@code service}, {@code instanceId}, {@code ip},
     * {@code pluginInfoMap}, ...) to {@code url}. Pings and job steps are skipped.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http or https URL
     */
    public static Endpoint sermantHttp(String url) {
        return new SermantHttpEndpoint(url);
    }

    /**
     * A sermant-backend's own TCP heartbeat port, so the application appears in Sermant's panel
     * exactly as a Sermant agent does, with no agent, protobuf or Netty dependency. Each periodic
     * beat is one frame on a persistent connection; pings and job steps are skipped (Sermant
     * only knows heartbeats). Works with sermant-backend 1.1.0 and later (tested with 1.1.0 and
     * 2.2.0); a 1.0.x backend (Sermant 1.0.0-1.0.7), which stores nothing of these frames, is
     * recognised by its answer and every beat ends REJECTED saying so. See "Use with a Sermant
     * backend" in {@code docs/beats-and-sermant.md}.
     *
     * @param host the backend's host ({@code gateway.nettyIp})
     * @param port the backend's heartbeat port ({@code gateway.nettyPort}, 6888 by default)
     */
    public static Endpoint sermant(String host, int port) {
        return new SermantEndpoint(host, port);
    }

    /**
     * {@code endpoint} creating or updating its check from code before its first signal: the
     * {@code withMonitor} of {@link HealthchecksEndpoint}, {@link CronitorEndpoint} or
     * {@link SentryCronsEndpoint}, for an endpoint known only as an {@link Endpoint} (one from
     * {@link #parse}, say).
     *
     * @throws IllegalArgumentException for any other backend, whose checks cannot be created or
     *     updated from code (a plain URL, Better Stack, Uptime Kuma, Dead Man's Snitch, a
     *     Pushgateway, Sermant)
     */
    public static Endpoint withMonitor(Endpoint endpoint, Schedule schedule) {
        if (endpoint instanceof HealthchecksEndpoint) {
            return ((HealthchecksEndpoint) endpoint).withMonitor(schedule);
        }
        if (endpoint instanceof CronitorEndpoint) {
            return ((CronitorEndpoint) endpoint).withMonitor(schedule);
        }
        if (endpoint instanceof SentryCronsEndpoint) {
            return ((SentryCronsEndpoint) endpoint).withMonitor(schedule);
        }
        if (endpoint instanceof MonitoredEndpoint) {
            throw new IllegalArgumentException("this endpoint has a monitor already: " + endpoint);
        }
        throw new IllegalArgumentException("the checks of " + EndpointNames.nameOf(endpoint) + " cannot be created or"
                + " updated from code: only Healthchecks, Cronitor and Sentry Crons offer an API for it; create the"
                + " check in the backend's web UI and use its ping URL");
    }

    /**
     * As {@link #withMonitor(Endpoint, Schedule)}, with the schedule asked for when the first
     * signal is sent (on the delivery thread, once): for frameworks that learn a job's schedule
     * after its client is built. A null schedule means the check is left as it is. A supplier that
     * throws ends that signal and every later one REJECTED, naming what it threw; a schedule the
     * backend cannot take (see the {@code withMonitor} of each endpoint) does the same.
     *
     * @throws IllegalArgumentException at once for a backend whose checks cannot be created or
     *     updated from code
     */
    public static Endpoint withMonitor(Endpoint endpoint, final Supplier<Schedule> schedule) {
        if (schedule == null) {
            throw new NullPointerException("schedule == null");
        }
        if (!(endpoint instanceof HealthchecksEndpoint || endpoint instanceof CronitorEndpoint
                || endpoint instanceof SentryCronsEndpoint)) {
            withMonitor(endpoint, (Schedule) null); // throws the same message as for a schedule given now
        }
        return new DeferredMonitorEndpoint(endpoint, new DeferredMonitorEndpoint.ScheduleSource() {
            @Override
            public Schedule schedule() {
                return schedule.get();
            }
        });
    }

    /**
     * Names an endpoint by one URI string, in the forms of the table above.
     *
     * @throws IllegalArgumentException for any other form; the message never shows a URL's secret
     */
    public static Endpoint parse(String uri) {
        if (uri == null) {
            throw new NullPointerException("uri == null");
        }
        String trimmed = uri.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sermant://")) {
            return parseSermant(trimmed.substring("sermant://".length()));
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return url(trimmed);
        }
        int plus = trimmed.indexOf('+');
        String preset = plus > 0 ? lower.substring(0, plus) : "";
        String rest = plus > 0 ? trimmed.substring(plus + 1) : "";
        switch (preset) {
            case "healthchecks":
                return healthchecks(rest);
            case "cronitor":
                return cronitor(rest);
            case "sentry":
                return sentryCrons(rest);
            case "betterstack":
                return betterStack(rest);
            case "uptimekuma":
                return uptimeKuma(rest);
            case "deadmanssnitch":
                return deadMansSnitch(rest);
            case "sermant-http":
                return sermantHttp(rest);
            case "pushgateway":
                return PushgatewayEndpoint.parse(rest);
            default:
                throw new IllegalArgumentException("endpoint must be an http(s) URL, sermant://host[:port] or "
                        + "<preset>+<url> with preset healthchecks, cronitor, sentry, betterstack, uptimekuma, "
                        + "deadmanssnitch, pushgateway or sermant-http; got " + describeScheme(trimmed));
        }
    }

    /** Names what stands before "://" if it looks like a scheme; never shows the rest, which may be a secret. */
    private static String describeScheme(String uri) {
        int end = uri.indexOf("://");
        String scheme = end > 0 ? uri.substring(0, end) : "";
        return scheme.matches("[A-Za-z][A-Za-z0-9+.-]{0,30}") ? "scheme '" + scheme + "'" : "no scheme";
    }

    private static Endpoint parseSermant(String authority) {
        String hostPort = authority.endsWith("/") ? authority.substring(0, authority.length() - 1) : authority;
        if (hostPort.indexOf('@') >= 0 || hostPort.indexOf('/') >= 0 || hostPort.indexOf('?') >= 0) {
            throw new IllegalArgumentException("endpoint must be sermant://host[:port]: no user info, path or query");
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.endsWith("]")) {
            return sermant(hostPort, SermantEndpoint.DEFAULT_PORT);
        }
        String port = hostPort.substring(colon + 1);
        try {
            return sermant(hostPort.substring(0, colon), Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be in 1..65535, got '" + port + "'");
        }
    }
}
