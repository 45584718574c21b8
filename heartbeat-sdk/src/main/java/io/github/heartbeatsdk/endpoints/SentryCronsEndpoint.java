package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.Checks;
import io.github.heartbeatsdk.internal.PingUrls;
import io.github.heartbeatsdk.internal.Redactor;

/**
 * Sentry Crons check-ins over HTTP, from the monitor's check-in URL
 * {@code https://<host>/api/<project-id>/cron/<monitor-slug>/<public-key>/}
 * ({@link Endpoints#sentryCrons(String)}). A start is {@code status=in_progress}; a success or
 * exit 0 {@code status=ok}; a failure or non-zero exit {@code status=error}. Job signals carry
 * {@code check_in_id=<run id>} and ends {@code duration=<seconds>}; a ping or beat is a lone
 * {@code status=ok} check-in. Log signals are skipped: a check-in has no log. Immutable.
 */
public final class SentryCronsEndpoint implements Endpoint {
    private final String url;
    private final String environment;

    private SentryCronsEndpoint(String url, String environment) {
        this.url = url;
        this.environment = environment;
    }

    static SentryCronsEndpoint of(String checkInUrl) {
        String url = PingUrls.presetBase(checkInUrl);
        String[] segments = PingUrls.pathSegments(url);
        if (segments.length < 5 || !"cron".equals(segments[segments.length - 3])) {
            throw PingUrls.wrongShape("a Sentry Crons check-in URL like https://<host>/api/"
                    + "<project-id>/cron/<monitor-slug>/<public-key>/", checkInUrl);
        }
        return new SentryCronsEndpoint(url + "/", null);
    }

    /** Returns this endpoint reporting {@code environment=<environment>}. */
    public SentryCronsEndpoint withEnvironment(String environment) {
        return new SentryCronsEndpoint(url, Checks.notBlank("environment", environment));
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
        return EndpointRequest.get(PingUrls.query(url,
                "status", status,
                "check_in_id", signal.runId(),
                "duration", RunDuration.seconds(signal),
                "environment", environment));
    }

    @Override
    public String toString() {
        return "SentryCronsEndpoint{" + Redactor.url(url) + "}";
    }
}
