package io.github.heartbeatsdk.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.FakeClock;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.JobRun;
import io.github.heartbeatsdk.ManualScheduler;
import io.github.heartbeatsdk.VirtualTimeClients;
import io.github.heartbeatsdk.internal.HostFacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoint against a real Pushgateway (Debian's 1.5.1 here), read back through its own
 * {@code GET /api/v1/metrics}: what each signal leaves in the group, that a failure keeps the last
 * success, that a beat carries the instance's labels, that grouping labels (a '/', an empty value)
 * land in the right group, and how its refusals and its absence end. Deliveries run on virtual
 * time on the test's thread, so each request is answered before the next line reads it back.
 */
class PushgatewayServerTest {
    static final long T0 = 1_732_300_000_000L; // FakeClock's start
    static PushgatewayProcess pushgateway;

    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();
    final FakeClock clock = clients.clock;
    final ManualScheduler scheduler = clients.scheduler;

    @BeforeAll
    static void startPushgateway() throws Exception {
        pushgateway = PushgatewayProcess.start();
    }

    @AfterAll
    static void stopPushgateway() {
        if (pushgateway != null) {
            pushgateway.close();
        }
    }

    HeartbeatClient client(PushgatewayEndpoint endpoint) {
        return clients.client(endpoint);
    }

    DeliveryResult delivered(CompletionStage<DeliveryResult> stage) {
        scheduler.runDue();
        DeliveryResult result = stage.toCompletableFuture().getNow(null);
        assertNotNull(result, "delivered on the test's thread");
        assertEquals(Outcome.DELIVERED, result.outcome(), String.valueOf(result));
        return result;
    }

    static Map<String, String> labels(String... namesAndValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return labels;
    }

    JsonNode group(String... namesAndValues) throws Exception {
        JsonNode group = pushgateway.group(labels(namesAndValues));
        assertNotNull(group, "the Pushgateway holds the group " + labels(namesAndValues) + "; it has " + pushgateway.groups());
        return group;
    }

    /** The value of the group's one sample of {@code metric}. */
    static double value(JsonNode group, String metric) {
        JsonNode family = group.get(metric);
        assertNotNull(family, metric + " is in the group " + group.get("labels") + ": " + names(group));
        assertEquals("GAUGE", family.get("type").asText(), metric);
        assertEquals(1, family.get("metrics").size(), metric + " has one sample");
        return Double.parseDouble(family.get("metrics").get(0).get("value").asText());
    }

    /** The labels of the group's one sample of {@code metric}, as the Pushgateway exposes them. */
    static Map<String, String> sampleLabels(JsonNode group, String metric) {
        return PushgatewayProcess.labelsOf(group.get(metric).get("metrics").get(0).get("labels"));
    }

    static List<String> names(JsonNode group) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = group.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("labels") && !name.equals("last_push_successful")) {
                names.add(name);
            }
        }
        java.util.Collections.sort(names);
        return names;
    }

    static double seconds(long millis) {
        return millis / 1000.0;
    }

    @Test
    void aRunLeavesItsStartSuccessAndDurationWithTheHelpTheDocsGive() throws Exception {
        HeartbeatClient client = client(Endpoints.pushgateway(pushgateway.baseUrl(), "run_job"));
        JobRun run = client.startJob("nightly-backup");
        delivered(run.started());
        JsonNode started = group("job", "run_job");
        assertEquals(List.of("job_last_start_timestamp_seconds", "push_failure_time_seconds", "push_time_seconds"),
                names(started));
        assertEquals(seconds(T0), value(started, "job_last_start_timestamp_seconds"));

        clock.advance(Duration.ofMillis(61_250));
        delivered(run.success());
        JsonNode succeeded = group("job", "run_job");
        assertEquals(List.of("job_duration_seconds", "job_last_start_timestamp_seconds",
                "job_last_success_timestamp_seconds", "push_failure_time_seconds", "push_time_seconds"), names(succeeded));
        assertEquals(seconds(T0 + 61_250), value(succeeded, "job_last_success_timestamp_seconds"));
        assertEquals(61.25, value(succeeded, "job_duration_seconds"));
        assertEquals(seconds(T0), value(succeeded, "job_last_start_timestamp_seconds"), "the start is still there");
        assertEquals("When the job last succeeded, in seconds since the epoch.",
                succeeded.get("job_last_success_timestamp_seconds").get("help").asText());
        assertEquals("How long the job's last finished run took, in seconds.",
                succeeded.get("job_duration_seconds").get("help").asText());
        assertEquals(labels("instance", "", "job", "run_job"),
                sampleLabels(succeeded, "job_last_success_timestamp_seconds"), "no instance for a batch job");
        assertTrue(succeeded.get("last_push_successful").asBoolean());
    }

    @Test
    void aFailureAfterASuccessKeepsTheLastSuccess() throws Exception {
        HeartbeatClient client = client(Endpoints.pushgateway(pushgateway.baseUrl(), "nightly_backup"));
        JobRun good = client.startJob("nightly-backup");
        delivered(good.started());
        clock.advance(Duration.ofSeconds(90));
        delivered(good.success());

        clock.advance(Duration.ofHours(24));
        JobRun bad = client.startJob("nightly-backup");
        delivered(bad.started());
        clock.advance(Duration.ofSeconds(5));
        delivered(bad.fail(new IllegalStateException("disk full")));

        JsonNode group = group("job", "nightly_backup");
        System.out.println("group after success and fail: " + group.toPrettyString());
        assertEquals(seconds(T0 + 90_000), value(group, "job_last_success_timestamp_seconds"),
                "the fail push did not remove or change the last success");
        assertEquals(seconds(T0 + 90_000 + 86_400_000 + 5_000), value(group, "job_last_failure_timestamp_seconds"));
        assertEquals(5.0, value(group, "job_duration_seconds"), "the last run's duration");
        assertEquals(seconds(T0 + 90_000 + 86_400_000), value(group, "job_last_start_timestamp_seconds"));
        assertTrue(value(group, "job_last_failure_timestamp_seconds") > value(group, "job_last_success_timestamp_seconds"),
                "what the failure alert compares");
    }

    @Test
    void exitCodesAndAPingLeaveWhatTheDocsSay() throws Exception {
        HeartbeatClient client = client(Endpoints.pushgateway(pushgateway.baseUrl(), "exit_job"));
        JobRun ok = client.startJob("exit-job");
        delivered(ok.started());
        clock.advance(Duration.ofSeconds(2));
        delivered(ok.exit(0));
        JsonNode afterZero = group("job", "exit_job");
        assertEquals(0.0, value(afterZero, "job_last_exit_code"));
        assertEquals(seconds(T0 + 2_000), value(afterZero, "job_last_success_timestamp_seconds"));
        assertNull(afterZero.get("job_last_failure_timestamp_seconds"), "never failed yet");

        JobRun bad = client.startJob("exit-job");
        delivered(bad.started());
        clock.advance(Duration.ofSeconds(3));
        delivered(bad.exit(3));
        JsonNode afterThree = group("job", "exit_job");
        assertEquals(3.0, value(afterThree, "job_last_exit_code"));
        assertEquals(seconds(T0 + 5_000), value(afterThree, "job_last_failure_timestamp_seconds"));
        assertEquals(seconds(T0 + 2_000), value(afterThree, "job_last_success_timestamp_seconds"));

        clock.advance(Duration.ofSeconds(10));
        delivered(client.ping());
        JsonNode afterPing = group("job", "exit_job");
        assertEquals(seconds(T0 + 15_000), value(afterPing, "job_last_success_timestamp_seconds"));
        assertEquals(3.0, value(afterPing, "job_last_exit_code"), "a ping says nothing of exit codes");
    }

    @Test
    void aLogIsSkippedAndTheGroupStaysAsItWas() throws Exception {
        HeartbeatClient client = client(Endpoints.pushgateway(pushgateway.baseUrl(), "log_job"));
        JobRun run = client.startJob("log-job");
        delivered(run.started());
        double pushed = value(group("job", "log_job"), "push_time_seconds");

        CompletionStage<DeliveryResult> log = run.log("copied 42 files");
        scheduler.runDue();
        assertEquals(Outcome.SKIPPED, log.toCompletableFuture().getNow(null).outcome());
        assertEquals(pushed, value(group("job", "log_job"), "push_time_seconds"), "no push happened");
    }

    @Test
    void thePushgatewayAddsItsPushTimeToEachGroup() throws Exception {
        double before = System.currentTimeMillis() / 1000.0;
        HeartbeatClient client = client(Endpoints.pushgateway(pushgateway.baseUrl(), "push_time_job"));
        delivered(client.ping());
        JsonNode group = group("job", "push_time_job");
        // The Pushgateway's own clock, not ours: a real time after the test began (1 s of slack for clock granularity).
        assertTrue(value(group, "push_time_seconds") >= before - 1, group.toString());
        assertEquals(0.0, value(group, "push_failure_time_seconds"));
    }

    @Test
    void aBeatShowsTheInstancesLabelsInItsOwnGroup() throws Exception {
        String service = "order \"eu\\west\"\nline\rtab\t\u00e9\u6771\uD83D\uDE00";
        HeartbeatClient client = clients.track(clients.builder(Endpoints.pushgateway(pushgateway.baseUrl(), "orders"))
                .service(service).appName("shop").instanceId("i-17").build());
        client.start();
        scheduler.advance(Duration.ofSeconds(30));

        String host = HostFacts.hostName();
        JsonNode group = group("instance", host, "job", "orders");
        double beat = value(group, "job_last_heartbeat_timestamp_seconds");
        assertTrue(beat >= seconds(T0) && beat <= seconds(clock.millis()), String.valueOf(beat));
        assertEquals(labels("app_name", "shop", "host_name", host, "instance", host, "instance_id", "i-17", "job", "orders",
                "pid", String.valueOf(ProcessHandle.current().pid()), "service", service),
                sampleLabels(group, "job_last_heartbeat_timestamp_seconds"), "every character of the service came through");
    }

    @Test
    void groupingLabelsWithASlashAndAnEmptyValueLandInTheirGroup() throws Exception {
        PushgatewayEndpoint endpoint = Endpoints.pushgateway(pushgateway.baseUrl(), "cleaner/tmp")
                .withLabel("path", "/var/tmp").withLabel("empty", "").withLabel("env", "prod")
                .withLabel("name", "\u03a0\u03c1\u03bf\u03bc\u03b7\u03b8\u03b5\u03cd\u03c2 ..");
        delivered(client(endpoint).ping());

        JsonNode group = group("empty", "", "env", "prod", "job", "cleaner/tmp",
                "name", "\u03a0\u03c1\u03bf\u03bc\u03b7\u03b8\u03b5\u03cd\u03c2 ..", "path", "/var/tmp");
        assertEquals(seconds(T0), value(group, "job_last_success_timestamp_seconds"));
    }

    @Test
    void theParsedFormLandsInItsGroup() throws Exception {
        delivered(clients.client(Endpoints.parse("pushgateway+" + pushgateway.baseUrl()
                + "/parsed_job?instance=db-1&team=storage")).ping());
        assertEquals(seconds(T0), value(group("instance", "db-1", "job", "parsed_job", "team", "storage"),
                "job_last_success_timestamp_seconds"));

        delivered(clients.client(Endpoints.parse("pushgateway+" + pushgateway.baseUrl()
                + "/metrics/job/parsed_job/path@base64/L3Zhci90bXA")).ping());
        assertEquals(seconds(T0), value(group("job", "parsed_job", "path", "/var/tmp"),
                "job_last_success_timestamp_seconds"));
    }

    @Test
    void aPushgatewayThatIsDownIsRetriedAndGetsThePushWhenItComesBack() throws Exception {
        int port;
        try (PushgatewayProcess first = PushgatewayProcess.start()) {
            port = first.port;
        } // stopped: the port refuses connections now
        HeartbeatClient client = client(Endpoints.pushgateway("http://127.0.0.1:" + port, "comeback_job"));
        CompletionStage<DeliveryResult> ping = client.ping();
        scheduler.runDue();
        assertFalse(ping.toCompletableFuture().isDone(), "a refused connection is retried, not final");

        try (PushgatewayProcess again = PushgatewayProcess.startOn(port, null)) {
            assertNotNull(again, "restarted on port " + port);
            scheduler.advance(Duration.ofSeconds(30)); // the backoff's retries, on virtual time
            DeliveryResult result = ping.toCompletableFuture().getNow(null);
            assertNotNull(result);
            assertEquals(Outcome.DELIVERED, result.outcome(), result.toString());
            assertTrue(result.attempts() >= 2, result.toString());
            assertNotNull(again.group(labels("job", "comeback_job")), "the retried push arrived");
        }
    }

    @Test
    void aPushgatewayThatStaysDownEndsFailedAtTheRetryDeadline() throws Exception {
        int port = PushgatewayProcess.freePort();
        HeartbeatClient client = client(Endpoints.pushgateway("http://127.0.0.1:" + port, "down_job"));
        CompletionStage<DeliveryResult> ping = client.ping();
        scheduler.advance(Duration.ofMinutes(2)); // past the default 60 s retry deadline

        DeliveryResult result = ping.toCompletableFuture().getNow(null);
        assertNotNull(result);
        assertEquals(Outcome.FAILED, result.outcome(), result.toString());
        assertTrue(result.attempts() > 1, result.toString());
        assertTrue(result.error().contains("127.0.0.1:" + port), result.error());
    }
    /** bcrypt (cost 4, to start fast) of {@link #PASSWORD}, for the Pushgateway's web configuration. */
    static final String PASSWORD_HASH = "$2b$04$lxRU5fEDJHZ4tN0qtv48CuIKGpHa0gkJI5cr4F5u0Jt9MVr12ROty";
    static final String PASSWORD = "s3cr3t-pa55";

    @Test
    void basicAuthFromTheUrlGetsThroughAndRefusalsEndRejectedWithTheReasonButNeverThePassword() throws Exception {
        try (PushgatewayProcess guarded = PushgatewayProcess.startWithBasicAuth("pusher", PASSWORD, PASSWORD_HASH)) {
            String hostPort = "127.0.0.1:" + guarded.port;
            CompletionStage<DeliveryResult> wrong = client(Endpoints.pushgateway("http://pusher:wrong-pa55@" + hostPort,
                    "auth_job")).ping();
            scheduler.runDue();
            DeliveryResult unauthorized = wrong.toCompletableFuture().getNow(null);
            assertEquals(Outcome.REJECTED, unauthorized.outcome(), String.valueOf(unauthorized));
            assertEquals("HTTP 401 from http://" + hostPort + "/***: Unauthorized", unauthorized.error());

            HeartbeatClient client = client(Endpoints.pushgateway("http://pusher:" + PASSWORD + "@" + hostPort, "auth_job"));
            delivered(client.ping());
            assertEquals(seconds(T0), value(guarded.group(labels("job", "auth_job")), "job_last_success_timestamp_seconds"));

            // Another pusher has made job_last_start_timestamp_seconds a counter: ours is a gauge, which the
            // Pushgateway refuses for every group, since it exposes them all side by side.
            assertEquals("200", guarded.push("/metrics/job/other",
                    "# TYPE job_last_start_timestamp_seconds counter\njob_last_start_timestamp_seconds 1\n"));
            JobRun run = client.startJob("auth-job");
            scheduler.runDue();
            DeliveryResult refused = run.started().toCompletableFuture().getNow(null);
            assertNotNull(refused);
            assertEquals(Outcome.REJECTED, refused.outcome(), refused.toString());
            assertEquals(400, refused.statusCode());
            assertEquals(1, refused.attempts(), "a 400 is not retried");
            assertTrue(refused.error().startsWith("HTTP 400 from http://" + hostPort + "/***: pushed metrics are invalid"
                    + " or inconsistent with existing metrics: "), refused.error());
            assertTrue(refused.error().contains("job_last_start_timestamp_seconds"), refused.error());
            for (String text : List.of(refused.toString(), unauthorized.toString(), client.stats().toString(),
                    client.toString())) {
                assertFalse(text.contains(PASSWORD) || text.contains("wrong-pa55") || text.contains("cHVzaGVy"), text);
            }
            JsonNode group = guarded.group(labels("job", "auth_job"));
            assertFalse(group.get("last_push_successful").asBoolean(), "the Pushgateway marks the group's failed push");
            assertTrue(value(group, "push_failure_time_seconds") > 0);
            assertEquals(seconds(T0), value(group, "job_last_success_timestamp_seconds"), "a refused push changes nothing");
        }
    }

    @Test
    void anotherPushersHelpTextForOurMetricIsTolerated() throws Exception {
        try (PushgatewayProcess own = PushgatewayProcess.start()) {
            assertEquals("200", own.push("/metrics/job/other", "# HELP job_last_success_timestamp_seconds Other words.\n"
                    + "# TYPE job_last_success_timestamp_seconds gauge\njob_last_success_timestamp_seconds 1\n"));
            delivered(client(Endpoints.pushgateway(own.baseUrl(), "help_job")).ping());
            assertEquals(seconds(T0), value(own.group(labels("job", "help_job")), "job_last_success_timestamp_seconds"));
        }
    }
}
