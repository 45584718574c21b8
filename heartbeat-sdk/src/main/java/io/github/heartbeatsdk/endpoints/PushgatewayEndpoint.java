package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.InstanceInfo;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.PrometheusText;
import io.github.heartbeatsdk.internal.PushgatewayUrls;
import io.github.heartbeatsdk.internal.Redactor;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Prometheus Pushgateway: each signal is a {@code POST} of gauges in the text exposition format
 * 0.0.4 to the group {@code <base>/metrics/job/<job>{/<label>/<value>}}. POST replaces only the
 * metrics it names, so a failure never removes the last success. Create it with
 * {@link Endpoints#pushgateway(String, String)} or {@code pushgateway+http://host:9091/<job>}.
 *
 * <table>
 * <caption>What each signal pushes</caption>
 * <tr><th>signal</th><th>gauges</th></tr>
 * <tr><td>ping, success</td><td>{@code job_last_success_timestamp_seconds} (and {@code job_duration_seconds} for a run)</td></tr>
 * <tr><td>start</td><td>{@code job_last_start_timestamp_seconds}</td></tr>
 * <tr><td>fail</td><td>{@code job_last_failure_timestamp_seconds}, {@code job_duration_seconds}</td></tr>
 * <tr><td>exit n</td><td>{@code job_last_exit_code} n, with the success (n = 0) or failure time and the duration</td></tr>
 * <tr><td>beat</td><td>{@code job_last_heartbeat_timestamp_seconds} with the instance's labels</td></tr>
 * <tr><td>log</td><td>nothing (skipped)</td></tr>
 * </table>
 * Metric names do not carry the job: the Pushgateway labels every metric with {@code job}, so one
 * alert rule can watch every job. Times are the signal's own, in seconds since the epoch; the
 * duration is only sent when the run's start is known. Beats go to the group with
 * {@code instance=<host name>} added (unless an {@code instance} label is set), so instances of a
 * service do not overwrite each other.
 *
 * <p>User info in the base URL ({@code http://user:password@host:9091}) becomes an
 * {@code Authorization: Basic} header; it is never shown, like every header value. Immutable and
 * thread-safe: {@link #withLabel} returns a new endpoint.
 */
public final class PushgatewayEndpoint implements Endpoint {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4";
    static final String LAST_SUCCESS = "job_last_success_timestamp_seconds";
    static final String LAST_START = "job_last_start_timestamp_seconds";
    static final String LAST_FAILURE = "job_last_failure_timestamp_seconds";
    static final String LAST_EXIT_CODE = "job_last_exit_code";
    static final String DURATION = "job_duration_seconds";
    static final String LAST_HEARTBEAT = "job_last_heartbeat_timestamp_seconds";

    private final PushgatewayUrls.Base base;
    private final String job;
    private final Map<String, String> labels;
    /** Where job signals go: built and checked once. */
    private final String groupUrl;

    private PushgatewayEndpoint(PushgatewayUrls.Base base, String job, Map<String, String> labels) {
        this.base = base;
        this.job = job;
        this.labels = labels;
        this.groupUrl = base.url + PushgatewayUrls.groupPath(job, labels);
    }

    static PushgatewayEndpoint of(String baseUrl, String job) {
        PushgatewayUrls.Base base = PushgatewayUrls.base(baseUrl);
        return new PushgatewayEndpoint(base, PrometheusText.labelValue("job", job, false),
                Collections.<String, String>emptyMap());
    }

    /** From {@code Endpoints.parse}: {@code http://host:9091/<job>?<label>=<value>} or {@code .../metrics/job/<job>/...}. */
    static PushgatewayEndpoint parse(String url) {
        PushgatewayUrls.Parsed parsed = PushgatewayUrls.parse(url);
        PushgatewayEndpoint endpoint = of(parsed.baseUrl, parsed.job);
        for (Map.Entry<String, String> label : parsed.labels.entrySet()) {
            endpoint = endpoint.withLabel(label.getKey(), label.getValue());
        }
        return endpoint;
    }

    /**
     * Returns this endpoint with one more grouping label, such as {@code withLabel("env", "prod")}:
     * every push goes to {@code .../metrics/job/<job>/env/prod}. A value with a '/', an empty value
     * and any value beyond plain ASCII letters, digits and {@code _~:.-} travel in the
     * {@code env@base64/<value>} form.
     *
     * @throws IllegalArgumentException when the name breaks Prometheus' rule
     *     ({@code [a-zA-Z_][a-zA-Z0-9_]*}, not starting with {@code __}), is {@code job}, is set
     *     already, or the value holds a control character or is over 1024 characters
     */
    public PushgatewayEndpoint withLabel(String name, String value) {
        PrometheusText.labelName(name);
        PrometheusText.labelValue("label " + name, value, true);
        if (labels.containsKey(name)) {
            throw new IllegalArgumentException("label " + name + " is set already (to '" + labels.get(name) + "')");
        }
        Map<String, String> copy = new LinkedHashMap<String, String>(labels);
        copy.put(name, value);
        return new PushgatewayEndpoint(base, job, Collections.unmodifiableMap(copy));
    }

    @Override
    public EndpointRequest request(Signal signal) {
        StringBuilder body = new StringBuilder(320);
        String url = groupUrl;
        String duration = RunDuration.seconds(signal);
        String time = PrometheusText.seconds(signal.timestampMillis());
        switch (signal.kind()) {
            case PING:
            case SUCCESS:
                success(body, time);
                break;
            case START:
                PrometheusText.gauge(body, LAST_START, "When a run of the job last started, in seconds since the epoch.",
                        "", time);
                break;
            case FAIL:
                failure(body, time);
                break;
            case EXIT:
                if (signal.exitCode() == 0) {
                    success(body, time);
                } else {
                    failure(body, time);
                }
                PrometheusText.gauge(body, LAST_EXIT_CODE, "The exit status of the job's last run that ended with one.",
                        "", Integer.toString(signal.exitCode()));
                break;
            case BEAT:
                url = beat(body, signal.instance(), time);
                break;
            default:
                return null; // a log line changes nothing an alert watches, and a metrics cache is no log
        }
        if (duration != null) {
            PrometheusText.gauge(body, DURATION, "How long the job's last finished run took, in seconds.", "", duration);
        }
        EndpointRequest request = EndpointRequest.post(url, CONTENT_TYPE, body.toString().getBytes(StandardCharsets.UTF_8));
        return base.authorization == null ? request : request.withHeader("Authorization", base.authorization);
    }

    private static void success(StringBuilder body, String time) {
        PrometheusText.gauge(body, LAST_SUCCESS, "When the job last succeeded, in seconds since the epoch.", "", time);
    }

    private static void failure(StringBuilder body, String time) {
        PrometheusText.gauge(body, LAST_FAILURE, "When the job last failed, in seconds since the epoch.", "", time);
    }

    /** Writes the beat's gauge and returns its group's URL: the instance's own, unless an instance label is set. */
    private String beat(StringBuilder body, InstanceInfo instance, String time) {
        StringBuilder labelText = new StringBuilder();
        String url = groupUrl;
        if (instance != null) {
            beatLabel(labelText, "service", instance.service());
            beatLabel(labelText, "app_name", instance.appName());
            beatLabel(labelText, "instance_id", instance.instanceId());
            beatLabel(labelText, "host_name", instance.hostName());
            beatLabel(labelText, "pid", instance.processId());
            if (!labels.containsKey("instance") && instance.hostName() != null) {
                Map<String, String> group = new LinkedHashMap<String, String>(labels);
                group.put("instance", instance.hostName());
                url = base.url + PushgatewayUrls.groupPath(job, group);
            }
        }
        PrometheusText.gauge(body, LAST_HEARTBEAT, "When the instance last sent a heartbeat, in seconds since the epoch.",
                labelText.toString(), time);
        return url;
    }

    /** A grouping label of the same name wins in the Pushgateway anyway; leaving it out keeps the body honest. */
    private void beatLabel(StringBuilder labelText, String name, String value) {
        if (value != null && !labels.containsKey(name)) {
            PrometheusText.label(labelText, name, value);
        }
    }

    /** The base URL (its path prefix masked, user info never shown), the job and the grouping labels. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("PushgatewayEndpoint{").append(Redactor.url(base.url))
                .append(" job=\"").append(PrometheusText.escape(job)).append('"');
        for (Map.Entry<String, String> label : labels.entrySet()) {
            s.append(' ').append(label.getKey()).append("=\"").append(PrometheusText.escape(label.getValue())).append('"');
        }
        return s.append('}').toString();
    }
}
