package io.github.heartbeatsdk.endpoints;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.Checks;
import io.github.heartbeatsdk.internal.MonitorJson;
import io.github.heartbeatsdk.internal.PingUrls;
import io.github.heartbeatsdk.internal.Redactor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Sentry Crons check-ins over HTTP, from the monitor's check-in URL
 * {@code https://<host>/api/<project-id>/cron/<monitor-slug>/<public-key>/}
 * ({@link Endpoints#sentryCrons(String)}). A start is {@code status=in_progress}; a success or
 * exit 0 {@code status=ok}; a failure or non-zero exit {@code status=error}. Job signals carry
 * {@code check_in_id=<run id>} and ends {@code duration=<seconds>}; a ping or beat is a lone
 * {@code status=ok} check-in. Log signals are skipped: a check-in has no log. Immutable.
 */
public final class SentryCronsEndpoint implements Endpoint {
    private static final JsonFactory JSON = new JsonFactory();

    private final String url;
    private final String environment;
    private final Schedule monitor;

    private SentryCronsEndpoint(String url, String environment, Schedule monitor) {
        this.url = url;
        this.environment = environment;
        this.monitor = monitor;
    }

    static SentryCronsEndpoint of(String checkInUrl) {
        String url = PingUrls.presetBase(checkInUrl);
        String[] segments = PingUrls.pathSegments(url);
        if (segments.length < 5 || !"cron".equals(segments[segments.length - 3])) {
            throw PingUrls.wrongShape("a Sentry Crons check-in URL like https://<host>/api/"
                    + "<project-id>/cron/<monitor-slug>/<public-key>/", checkInUrl);
        }
        return new SentryCronsEndpoint(url + "/", null, null);
    }

    /** Returns this endpoint reporting {@code environment=<environment>}. */
    public SentryCronsEndpoint withEnvironment(String environment) {
        return new SentryCronsEndpoint(url, Checks.notBlank("environment", environment), monitor);
    }

    /**
     * Returns this endpoint creating or updating its monitor from code: every check-in becomes a
     * POST of JSON carrying, besides the check-in's fields, Sentry's {@code monitor_config}
     * (schedule as {@code crontab} or {@code interval}, {@code checkin_margin} from the grace and
     * {@code max_runtime}, both in minutes rounded up, and {@code timezone}), so Sentry creates the
     * monitor or updates its configuration as it takes the check-in, as Sentry's SDKs do. No API
     * key is needed: the check-in URL's public key suffices.
     *
     * @throws IllegalArgumentException for a period that is not whole minutes, or a fixed-offset zone
     */
    public SentryCronsEndpoint withMonitor(Schedule schedule) {
        if (schedule == null) {
            throw new NullPointerException("schedule == null");
        }
        if (schedule.period() != null) {
            MonitorJson.interval(schedule.period());
        }
        if (schedule.zone() != null) {
            MonitorJson.zoneName(schedule.zone());
        }
        MonitorJson.requireSentryLimits(schedule);
        return new SentryCronsEndpoint(url, environment, schedule);
    }

    @Override
    public EndpointRequest request(Signal signal) {
        String status;
        switch (signal.kind()) {
            case START:
                status = "in_progress";
                break;
            case FAIL:
                status = "error";
                break;
            case EXIT:
                status = signal.exitCode() == 0 ? "ok" : "error";
                break;
            case LOG:
            case BEAT: // a check's state comes from pings and runs, never from a service's beats
                return null;
            default:
                status = "ok";
        }
        if (monitor != null) {
            return EndpointRequest.post(url, "application/json", checkInJson(status, signal));
        }
        return EndpointRequest.get(PingUrls.query(url,
                "status", status,
                "check_in_id", signal.runId(),
                "duration", RunDuration.seconds(signal),
                "environment", environment));
    }

    private byte[] checkInJson(String status, Signal signal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("status", status);
            if (signal.runId() != null) {
                json.writeStringField("check_in_id", signal.runId());
            }
            String duration = RunDuration.seconds(signal);
            if (duration != null) {
                json.writeFieldName("duration");
                json.writeNumber(duration);
            }
            if (environment != null) {
                json.writeStringField("environment", environment);
            }
            MonitorJson.sentryMonitorConfig(json, monitor);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "SentryCronsEndpoint{" + Redactor.url(url) + (monitor != null ? ", monitor " + monitor : "") + "}";
    }
}
