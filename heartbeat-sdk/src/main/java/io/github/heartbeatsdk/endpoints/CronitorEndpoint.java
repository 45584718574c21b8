package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.HttpMethod;
import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.internal.Checks;
import io.github.heartbeatsdk.internal.HttpUrls;
import io.github.heartbeatsdk.internal.MonitorJson;
import io.github.heartbeatsdk.internal.PingUrls;
import io.github.heartbeatsdk.internal.Redactor;
import io.github.heartbeatsdk.internal.TextTail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cronitor's telemetry API, from the monitor's URL {@code https://cronitor.link/p/<api-key>/<monitor-key>}
 * ({@link Endpoints#cronitor(String)}). Every request is a GET with query parameters:
 * a start is {@code state=run}, a success or exit 0 {@code state=complete}, a failure or non-zero
 * exit {@code state=fail} (with {@code status_code} for an exit and {@code message}, its last
 * {@value #MAX_MESSAGE_CHARS} characters). Job signals carry {@code series=<run id>} and ends
 * {@code metric=duration:<seconds>}; a ping or beat is a plain telemetry ping without a state.
 * Log signals are skipped: Cronitor has no state-less log event. Immutable.
 */
public final class CronitorEndpoint implements Endpoint {
    /**
     * Where the API key for {@link #withMonitor} is read: the client's configuration, a system
     * property, or the environment variable {@code HEARTBEAT_MONITORS_CRONITOR_API_KEY}.
     */
    public static final String API_KEY = "heartbeat.monitors.cronitor.api-key";

    /** Cronitor keeps at most this many characters of a message. */
    public static final int MAX_MESSAGE_CHARS = 2000;

    private final String url;
    private final String environment;
    private final String host;

    private CronitorEndpoint(String url, String environment, String host) {
        this.url = url;
        this.environment = environment;
        this.host = host;
    }

    static CronitorEndpoint of(String monitorUrl) {
        String url = PingUrls.presetBase(monitorUrl);
        if (PingUrls.pathSegments(url).length < 3) {
            throw PingUrls.wrongShape("a Cronitor telemetry URL like "
                    + "https://cronitor.link/p/<api-key>/<monitor-key>", monitorUrl);
        }
        return new CronitorEndpoint(url, null, null);
    }

    /**
     * Returns this endpoint creating or updating its monitor from code, once per client, before
     * its first signal: {@code PUT https://cronitor.io/api/monitors} (HTTP basic auth, the API key
     * as user name) with the monitor's key (the URL's last segment), {@code type: "job"}, the
     * schedule (a 5-field cron and its {@code timezone}, or {@code "every <n> <unit>s"}) and
     * {@code grace_seconds} when a grace is set. Cronitor creates the monitor or updates the one
     * with that key. The API key (not the telemetry key in the URL) is read when needed from
     * {@value #API_KEY}, never from code; a refusal ends that signal and every later one REJECTED.
     *
     * @throws IllegalArgumentException for a period that is not whole minutes, or a fixed-offset zone
     */
    public Endpoint withMonitor(Schedule schedule) {
        URI uri = URI.create(url);
        if (!"cronitor.link".equalsIgnoreCase(uri.getHost())) {
            throw new IllegalArgumentException("cannot tell Cronitor's monitor API from this telemetry URL (not"
                    + " cronitor.link); name it: withMonitor(schedule, \"https://cronitor.io\")");
        }
        return withMonitor(schedule, "https://cronitor.io");
    }

    /** As {@link #withMonitor(Schedule)}, with the monitor API at {@code apiBaseUrl} + {@code /api/monitors}. */
    public Endpoint withMonitor(Schedule schedule, String apiBaseUrl) {
        if (schedule == null) {
            throw new NullPointerException("schedule == null");
        }
        String base = HttpUrls.requireHttpUrl("apiBaseUrl", apiBaseUrl);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String[] segments = PingUrls.pathSegments(url);
        final byte[] body = MonitorJson.cronitor(schedule, PingUrls.decode(segments[segments.length - 1]));
        final String api = base + "/api/monitors";
        return new MonitoredEndpoint(this, schedule, "Cronitor", API_KEY, new MonitoredEndpoint.Upsert() {
            @Override
            public EndpointRequest request(String apiKey) {
                String basic = Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
                return EndpointRequest.of(HttpMethod.PUT, api, "application/json", body)
                        .withHeader("Authorization", "Basic " + basic);
            }
        }, segments[segments.length - 2], segments[segments.length - 1]);
    }

    /** Returns this endpoint reporting {@code env=<environment>} (for example "production"). */
    public CronitorEndpoint withEnvironment(String environment) {
        return new CronitorEndpoint(url, Checks.notBlank("environment", environment), host);
    }

    /** Returns this endpoint reporting {@code host=<host>}. */
    public CronitorEndpoint withHost(String host) {
        return new CronitorEndpoint(url, environment, Checks.notBlank("host", host));
    }

    @Override
    public EndpointRequest request(Signal signal) {
        String state;
        switch (signal.kind()) {
            case START:
                state = "run";
                break;
            case SUCCESS:
                state = "complete";
                break;
            case FAIL:
                state = "fail";
                break;
            case EXIT:
                state = signal.exitCode() == 0 ? "complete" : "fail";
                break;
            case LOG:
            case BEAT: // a check's state comes from pings and runs, never from a service's beats
                return null;
            default:
                state = null;
        }
        String seconds = RunDuration.seconds(signal);
        String message = signal.message() == null ? null : TextTail.chars(signal.message(), MAX_MESSAGE_CHARS);
        return EndpointRequest.get(PingUrls.query(url,
                "state", state,
                "series", signal.runId(),
                "metric", seconds != null ? "duration:" + seconds : null,
                "status_code", signal.kind() == SignalKind.EXIT ? Integer.toString(signal.exitCode()) : null,
                "message", message,
                "env", environment,
                "host", host));
    }

    @Override
    public String toString() {
        return "CronitorEndpoint{" + Redactor.url(url) + "}";
    }
}
