package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.EndpointResponse;
import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.HttpUrls;
import io.github.heartbeatsdk.internal.MonitorJson;
import io.github.heartbeatsdk.internal.PingUrls;
import io.github.heartbeatsdk.internal.Redactor;
import io.github.heartbeatsdk.internal.TextTail;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Healthchecks.io (hosted, or self-hosted at any base URL). Create it from the check's ping URL,
 * {@code https://hc-ping.com/<uuid>} or {@code https://hc-ping.com/<ping-key>/<slug>}, with
 * {@link Endpoints#healthchecks(String)}.
 *
 * <table>
 * <caption>What each signal sends</caption>
 * <tr><th>signal</th><th>request</th></tr>
 * <tr><td>ping, success</td><td>{@code <check>}</td></tr>
 * <tr><td>start</td><td>{@code <check>/start}</td></tr>
 * <tr><td>fail</td><td>{@code <check>/fail}, the message as POST body</td></tr>
 * <tr><td>exit n</td><td>{@code <check>/<n>} (0 is success)</td></tr>
 * <tr><td>log</td><td>{@code <check>/log}, the text as POST body</td></tr>
 * </table>
 * Job signals carry {@code ?rid=<run id>} so overlapping runs pair up; with
 * {@link #withAutoCreate()} a slug URL also carries {@code create=1}. Bodies keep the tail of
 * the text within the server's limit, learned from its {@code Ping-Body-Limit} response header
 * ({@value #DEFAULT_BODY_LIMIT} bytes until the first answer says otherwise). Every request is a
 * POST, with an empty body when there is nothing to say: a check can be set to accept POST only,
 * and then answers 200 to GET and HEAD but records nothing. Thread-safe; the limit is shared by
 * all copies made by withers.
 */
public final class HealthchecksEndpoint implements Endpoint {
    /**
     * Where the API key for {@link #withMonitor} is read: the client's configuration, a system
     * property, or the environment variable {@code HEARTBEAT_MONITORS_HEALTHCHECKS_API_KEY}.
     */
    public static final String API_KEY = "heartbeat.monitors.healthchecks.api-key";

    /** The body limit assumed before the server announces its own (self-hosted default). */
    public static final int DEFAULT_BODY_LIMIT = 10_000;

    private static final byte[] NO_BODY = new byte[0];
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String checkUrl;
    private final boolean slugForm;
    private final boolean autoCreate;
    private final BodyLimit bodyLimit;

    private HealthchecksEndpoint(String checkUrl, boolean slugForm, boolean autoCreate, BodyLimit bodyLimit) {
        this.checkUrl = checkUrl;
        this.slugForm = slugForm;
        this.autoCreate = autoCreate;
        this.bodyLimit = bodyLimit;
    }

    static HealthchecksEndpoint of(String pingUrl) {
        String url = PingUrls.presetBase(pingUrl);
        String[] segments = PingUrls.pathSegments(url);
        boolean uuidForm = segments.length >= 1 && UUID.matcher(segments[segments.length - 1]).matches();
        if (!uuidForm && segments.length < 2) {
            throw PingUrls.wrongShape("a Healthchecks ping URL ending in /<uuid> or "
                    + "/<ping-key>/<slug>", pingUrl);
        }
        boolean create = pingUrl.contains("create=1");
        return new HealthchecksEndpoint(url, !uuidForm, create && !uuidForm, new BodyLimit());
    }

    /**
     * Returns this endpoint with {@code create=1}, so the first ping creates the check (slug URLs only).
     *
     * @throws IllegalStateException for a UUID URL, where Healthchecks ignores it
     */
    public HealthchecksEndpoint withAutoCreate() {
        if (!slugForm) {
            throw new IllegalStateException("create=1 works only with a /<ping-key>/<slug> URL, this one ends in a UUID");
        }
        return new HealthchecksEndpoint(checkUrl, true, true, bodyLimit);
    }

    /**
     * Returns this endpoint creating or updating its check from code, once per client, before its
     * first signal. For a {@code /<ping-key>/<slug>} URL: {@code POST <api>/api/v3/checks/} with
     * the slug as name and {@code unique: ["slug"]}, so a second run updates the check rather than
     * adding one. For a UUID URL (the check exists): {@code POST <api>/api/v3/checks/<uuid>},
     * updating its schedule. A cron schedule sends {@code schedule} and {@code tz}, a period
     * {@code timeout}; {@code grace} is sent when set. The Management API is at
     * {@code https://healthchecks.io} for {@code hc-ping.com}, and at the ping URL's base (before
     * {@code /ping/}) for a self-hosted instance; else name it with {@link #withMonitor(Schedule, String)}.
     *
     * <p>The project's read-write API key is read when it is needed from {@value #API_KEY}, never
     * from code. When the backend refuses (a wrong or read-only key, a bad schedule) that signal
     * and every later one end REJECTED with the reason; a 5xx or a lost connection is tried again
     * before the signal's next attempt.
     *
     * @throws IllegalArgumentException when the API's address cannot be told from the ping URL, or
     *     the zone is a fixed offset (the API takes tz database names)
     */
    public Endpoint withMonitor(Schedule schedule) {
        return withMonitor(schedule, defaultApiBase());
    }

    /** As {@link #withMonitor(Schedule)}, with the Management API at {@code apiBaseUrl} ({@code https://hc.example.com}). */
    public Endpoint withMonitor(final Schedule schedule, String apiBaseUrl) {
        if (schedule == null) {
            throw new NullPointerException("schedule == null");
        }
        if (schedule.zone() != null) {
            MonitorJson.zoneName(schedule.zone());
        }
        String base = HttpUrls.requireHttpUrl("apiBaseUrl", apiBaseUrl);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String[] segments = PingUrls.pathSegments(checkUrl);
        final String last = segments[segments.length - 1];
        final String url = base + "/api/v3/checks/" + (slugForm ? "" : last);
        final byte[] body = MonitorJson.healthchecks(schedule, slugForm ? last : null);
        return new MonitoredEndpoint(this, schedule, "Healthchecks", API_KEY, new MonitoredEndpoint.Upsert() {
            @Override
            public EndpointRequest request(String apiKey) {
                return EndpointRequest.post(url, "application/json", body).withHeader("X-Api-Key", apiKey);
            }
        }, slugForm ? new String[] {segments[segments.length - 2], last} : new String[] {last});
    }

    private String defaultApiBase() {
        URI uri = URI.create(checkUrl);
        if ("hc-ping.com".equalsIgnoreCase(uri.getHost())) {
            return "https://healthchecks.io";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int ping = path.indexOf("/ping/");
        if (ping >= 0) {
            return uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, ping);
        }
        throw new IllegalArgumentException("cannot tell the Healthchecks Management API's address from this ping URL"
                + " (neither hc-ping.com nor .../ping/...); name it: withMonitor(schedule, \"https://hc.example.com\")");
    }

    /** The body limit in bytes now in force. */
    public int bodyLimit() {
        return bodyLimit.bytes;
    }

    @Override
    public EndpointRequest request(Signal signal) {
        String url;
        switch (signal.kind()) {
            case BEAT:
                return null; // a check's state comes from pings and runs, never from a service's beats
            case START:
                url = PingUrls.segment(checkUrl, "start");
                break;
            case FAIL:
                url = PingUrls.segment(checkUrl, "fail");
                break;
            case LOG:
                url = PingUrls.segment(checkUrl, "log");
                break;
            case EXIT:
                url = PingUrls.segment(checkUrl, Integer.toString(signal.exitCode()));
                break;
            default:
                url = checkUrl;
        }
        url = PingUrls.query(url, "rid", signal.runId(), "create", autoCreate ? "1" : null);
        // Always POST: a check set to accept POST only answers 200 to GET and HEAD but records nothing.
        byte[] body = signal.message() == null ? NO_BODY : TextTail.utf8(signal.message(), bodyLimit.bytes);
        return EndpointRequest.post(url, "text/plain; charset=utf-8", body);
    }

    @Override
    public void onResponse(EndpointResponse response) {
        String announced = response.header("Ping-Body-Limit");
        if (announced != null) {
            try {
                int limit = Integer.parseInt(announced.trim());
                if (limit > 0) {
                    bodyLimit.bytes = limit;
                }
            } catch (NumberFormatException e) {
                // A malformed header leaves the limit we had.
            }
        }
    }

    @Override
    public String toString() {
        return "HealthchecksEndpoint{" + Redactor.url(checkUrl) + "}";
    }

    /** Shared by an endpoint and the copies its withers make. */
    private static final class BodyLimit {
        volatile int bytes = DEFAULT_BODY_LIMIT;
    }
}
