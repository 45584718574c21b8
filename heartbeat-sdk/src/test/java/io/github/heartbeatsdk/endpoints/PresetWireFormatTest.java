package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.FakeClock;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.JobRun;
import io.github.heartbeatsdk.ManualScheduler;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.VirtualTimeClients;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.endpoints.HealthchecksEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every ping-API preset puts on the wire for each signal, read as documentation:
 * method, path, query and body of ping, start, success, fail (with a message), exit 0, exit 3 and
 * log, or "nothing is sent" where the service cannot express the signal. Runs are paired by
 * their run id, and durations come from a fake clock, so every value is exact.
 */
class PresetWireFormatTest {
    static final String UUID = "5bf6dd8e-8b1f-4a3c-9a3e-0c2d3b4a5f61";
    static final String FAILURE = "disk full: /var/backups (C++ tool said 100% + more)";
    static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();
    final FakeClock clock = clients.clock;
    final ManualScheduler scheduler = clients.scheduler;
    HeartbeatClient client;

    HeartbeatClient clientFor(Endpoint endpoint) {
        client = clients.client(endpoint);
        return client;
    }

    String url(String path) {
        return server.url(path).toString();
    }

    /** Delivers the queued signal (answered 200) and returns the one request it made. */
    RecordedRequest sent(CompletionStage<DeliveryResult> stage) throws InterruptedException {
        int before = server.getRequestCount();
        server.enqueue(new MockResponse.Builder().code(200).build());
        scheduler.runDue();
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request, "a request was sent");
        assertEquals(before + 1, server.getRequestCount(), "exactly one request");
        assertEquals(Outcome.DELIVERED, outcome(stage));
        return request;
    }

    /** Runs what is queued and checks that the signal was skipped: nothing reached the server. */
    void nothingSent(CompletionStage<DeliveryResult> stage) {
        int before = server.getRequestCount();
        scheduler.runDue();
        assertEquals(Outcome.SKIPPED, outcome(stage));
        assertEquals(before, server.getRequestCount(), "nothing was sent");
    }

    /** Starts a run and delivers its start signal (answered 200) if the preset sends one. */
    JobRun started(boolean startIsSent) throws InterruptedException {
        JobRun run = client.startJob("nightly-backup");
        assertTrue(RUN_ID.matcher(run.runId()).matches(), run.runId());
        if (startIsSent) {
            sent(run.started());
        } else {
            nothingSent(run.started());
        }
        return run;
    }

    static Outcome outcome(CompletionStage<DeliveryResult> stage) {
        DeliveryResult result = stage.toCompletableFuture().getNow(null);
        assertNotNull(result, "the stage is completed");
        return result.outcome();
    }

    /** The decoded query parameters, in order; each name must appear once. */
    static Map<String, String> query(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            String previous = params.put(url.queryParameterName(i), url.queryParameterValue(i));
            assertNull(previous, "query parameter " + url.queryParameterName(i) + " appears once");
        }
        return params;
    }

    static void assertRequest(String method, String path, Map<String, String> query, String body,
                              RecordedRequest request) {
        assertEquals(method, request.getMethod(), "method of " + request.getTarget());
        assertEquals(path, request.getUrl().encodedPath(), "path of " + request.getTarget());
        assertEquals(query, query(request), "query of " + request.getTarget());
        assertEquals(body, request.getBody() == null ? "" : request.getBody().utf8(), "body of " + request.getTarget());
        if (!body.isEmpty()) {
            assertEquals("text/plain; charset=utf-8", request.getHeaders().get("Content-Type"));
        }
    }

    // =========================================================================================

    @Nested
    @DisplayName("Healthchecks, self-hosted, /<uuid> form")
    class HealthchecksUuid {
        final String check = "/ping/" + UUID;

        @Test
        void pingIsAGetOfTheCheck() throws Exception {
            clientFor(Endpoints.healthchecks(url(check)));
            assertRequest("POST", check, Map.of(), "", sent(client.ping()));
        }

        @Test
        void startIsSlashStartWithTheRunId() throws Exception {
            clientFor(Endpoints.healthchecks(url(check)));
            JobRun run = client.startJob("nightly-backup");
            assertRequest("POST", check + "/start", Map.of("rid", run.runId()), "", sent(run.started()));
        }

        @Test
        void successIsTheCheckWithTheSameRunIdAsTheStart() throws Exception {
            clientFor(Endpoints.healthchecks(url(check)));
            JobRun run = client.startJob("nightly-backup");
            RecordedRequest start = sent(run.started());
            clock.advance(Duration.ofMillis(12_345));
            RecordedRequest end = sent(run.success());

            assertRequest("POST", check, Map.of("rid", run.runId()), "", end);
            assertEquals(start.getUrl().queryParameter("rid"), end.getUrl().queryParameter("rid"));
        }

        @Test
        void failIsAPostToSlashFailWithTheMessageAsBody() throws Exception {
            clientFor(Endpoints.healthchecks(url(check)));
            JobRun run = started(true);
            assertRequest("POST", check + "/fail", Map.of("rid", run.runId()), FAILURE, sent(run.fail(FAILURE)));
        }

        @Test
        void exitZeroIsSlashZero() throws Exception {
            clientFor(Endpoints.healthchecks(url(check)));
            JobRun run = started(true);
            assertRequest("POST", check + "/0", Map.of("rid", run.runId()), "", sent(run.exit(0)));
        }

        @Test
        void exitThreeIsSlashThree() throws Exception {
            clientFor(Endpoints.healthchecks(url(check)));
            JobRun run = started(true);
            assertRequest("POST", check + "/3", Map.of("rid", run.runId()), "", sent(run.exit(3)));
        }

        @Test
        void logIsAPostToSlashLogWithTheTextAsBody() throws Exception {
            clientFor(Endpoints.healthchecks(url(check)));
            JobRun run = started(true);
            String text = "copied 1 234 files\nskipped 2: permission denied";
            assertRequest("POST", check + "/log", Map.of("rid", run.runId()), text, sent(run.log(text)));
            // A log changes no state: the run can still end.
            assertRequest("POST", check, Map.of("rid", run.runId()), "", sent(run.success()));
        }

        @Test
        void autoCreateIsRefusedForAUuidUrl() {
            HealthchecksEndpoint endpoint = Endpoints.healthchecks(url(check));
            var e = assertThrows(IllegalStateException.class, endpoint::withAutoCreate);
            assertEquals("create=1 works only with a /<ping-key>/<slug> URL, this one ends in a UUID", e.getMessage());
        }

        @Test
        void hostedUrlKeepsItsShape() {
            // hc-ping.com itself: the check is the whole path.
            EndpointRequest request = Endpoints.healthchecks("https://hc-ping.com/" + UUID)
                    .request(Signal.job(SignalKind.START, clock.millis(), "job", "r-1", -1, -1, null));
            assertEquals("https://hc-ping.com/" + UUID + "/start?rid=r-1", request.url());
        }
    }

    @Nested
    @DisplayName("Healthchecks, /<ping-key>/<slug> form with withAutoCreate()")
    class HealthchecksSlug {
        final String check = "/ping/PINGKEY123/nightly-backup";

        HeartbeatClient slugClient() {
            return clientFor(Endpoints.healthchecks(url(check)).withAutoCreate());
        }

        @Test
        void pingCarriesCreate() throws Exception {
            slugClient();
            assertRequest("POST", check, Map.of("create", "1"), "", sent(client.ping()));
        }

        @Test
        void startAndSuccessCarryRunIdAndCreate() throws Exception {
            slugClient();
            JobRun run = client.startJob("nightly-backup");
            assertRequest("POST", check + "/start", Map.of("rid", run.runId(), "create", "1"), "", sent(run.started()));
            clock.advance(Duration.ofMillis(12_345));
            assertRequest("POST", check, Map.of("rid", run.runId(), "create", "1"), "", sent(run.success()));
        }

        @Test
        void failIsAPostToSlashFail() throws Exception {
            slugClient();
            JobRun run = started(true);
            assertRequest("POST", check + "/fail", Map.of("rid", run.runId(), "create", "1"), FAILURE,
                    sent(run.fail(FAILURE)));
        }

        @Test
        void exitZeroAndThree() throws Exception {
            slugClient();
            JobRun zero = started(true);
            assertRequest("POST", check + "/0", Map.of("rid", zero.runId(), "create", "1"), "", sent(zero.exit(0)));
            JobRun three = started(true);
            assertRequest("POST", check + "/3", Map.of("rid", three.runId(), "create", "1"), "", sent(three.exit(3)));
        }

        @Test
        void logIsAPostToSlashLog() throws Exception {
            slugClient();
            JobRun run = started(true);
            assertRequest("POST", check + "/log", Map.of("rid", run.runId(), "create", "1"), "step 2 of 5",
                    sent(run.log("step 2 of 5")));
        }

        @Test
        void withoutAutoCreateNoCreateIsSent() throws Exception {
            clientFor(Endpoints.healthchecks(url(check)));
            assertRequest("POST", check, Map.of(), "", sent(client.ping()));
        }
    }

    @Nested
    @DisplayName("Cronitor telemetry with withEnvironment(\"prod\").withHost(\"web-1\")")
    class Cronitor {
        final String monitor = "/p/API_KEY/nightly-backup";

        HeartbeatClient cronitorClient() {
            return clientFor(Endpoints.cronitor(url(monitor)).withEnvironment("prod").withHost("web-1"));
        }

        static Map<String, String> params(String... namesAndValues) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                map.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            map.put("env", "prod");
            map.put("host", "web-1");
            return map;
        }

        @Test
        void pingIsAStatelessTelemetryPing() throws Exception {
            cronitorClient();
            assertRequest("GET", monitor, params(), "", sent(client.ping()));
        }

        @Test
        void startIsStateRunWithTheSeries() throws Exception {
            cronitorClient();
            JobRun run = client.startJob("nightly-backup");
            assertRequest("GET", monitor, params("state", "run", "series", run.runId()), "", sent(run.started()));
        }

        @Test
        void successIsStateCompleteWithTheSameSeriesAndTheDurationInSeconds() throws Exception {
            cronitorClient();
            JobRun run = client.startJob("nightly-backup");
            RecordedRequest start = sent(run.started());
            clock.advance(Duration.ofMillis(12_345));
            RecordedRequest end = sent(run.success());

            assertRequest("GET", monitor, params("state", "complete", "series", run.runId(),
                    "metric", "duration:12.345"), "", end);
            assertEquals(start.getUrl().queryParameter("series"), end.getUrl().queryParameter("series"));
        }

        @Test
        void failIsStateFailWithTheMessage() throws Exception {
            cronitorClient();
            JobRun run = started(true);
            clock.advance(Duration.ofMillis(1_500));
            assertRequest("GET", monitor, params("state", "fail", "series", run.runId(), "metric", "duration:1.500",
                    "message", FAILURE), "", sent(run.fail(FAILURE)));
        }

        @Test
        void failMessageKeepsItsLast2000Chars() throws Exception {
            cronitorClient();
            JobRun run = started(true);
            String head = "h".repeat(500);
            String tail = "0123456789".repeat(200);
            RecordedRequest request = sent(run.fail(head + tail));
            assertEquals(tail, request.getUrl().queryParameter("message"));
        }

        @Test
        void exitZeroIsCompleteWithStatusCode() throws Exception {
            cronitorClient();
            JobRun run = started(true);
            clock.advance(Duration.ofMillis(2_000));
            assertRequest("GET", monitor, params("state", "complete", "series", run.runId(),
                    "metric", "duration:2.000", "status_code", "0"), "", sent(run.exit(0)));
        }

        @Test
        void exitThreeIsFailWithStatusCode() throws Exception {
            cronitorClient();
            JobRun run = started(true);
            clock.advance(Duration.ofMillis(7));
            assertRequest("GET", monitor, params("state", "fail", "series", run.runId(),
                    "metric", "duration:0.007", "status_code", "3"), "", sent(run.exit(3)));
        }

        @Test
        void logSendsNothing() throws Exception {
            cronitorClient();
            JobRun run = started(true);
            nothingSent(run.log("step 2 of 5"));
        }
    }

    @Nested
    @DisplayName("Sentry Crons with withEnvironment(\"production\")")
    class SentryCrons {
        final String checkIn = "/api/42/cron/nightly/PUBKEY/";

        HeartbeatClient sentryClient() {
            return clientFor(Endpoints.sentryCrons(url(checkIn)).withEnvironment("production"));
        }

        static Map<String, String> params(String... namesAndValues) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                map.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            map.put("environment", "production");
            return map;
        }

        @Test
        void pingIsALoneOkCheckIn() throws Exception {
            sentryClient();
            assertRequest("GET", checkIn, params("status", "ok"), "", sent(client.ping()));
        }

        @Test
        void startIsInProgressWithTheCheckInId() throws Exception {
            sentryClient();
            JobRun run = client.startJob("nightly-backup");
            assertRequest("GET", checkIn, params("status", "in_progress", "check_in_id", run.runId()), "",
                    sent(run.started()));
        }

        @Test
        void successIsOkWithTheSameCheckInIdAndTheDurationInSeconds() throws Exception {
            sentryClient();
            JobRun run = client.startJob("nightly-backup");
            RecordedRequest start = sent(run.started());
            clock.advance(Duration.ofMillis(12_345));
            RecordedRequest end = sent(run.success());

            assertRequest("GET", checkIn, params("status", "ok", "check_in_id", run.runId(), "duration", "12.345"),
                    "", end);
            assertEquals(start.getUrl().queryParameter("check_in_id"), end.getUrl().queryParameter("check_in_id"));
        }

        @Test
        void failIsError() throws Exception {
            sentryClient();
            JobRun run = started(true);
            clock.advance(Duration.ofMillis(1_500));
            assertRequest("GET", checkIn, params("status", "error", "check_in_id", run.runId(), "duration", "1.500"),
                    "", sent(run.fail(FAILURE)));
        }

        @Test
        void exitZeroIsOk() throws Exception {
            sentryClient();
            JobRun run = started(true);
            clock.advance(Duration.ofMillis(2_000));
            assertRequest("GET", checkIn, params("status", "ok", "check_in_id", run.runId(), "duration", "2.000"),
                    "", sent(run.exit(0)));
        }

        @Test
        void exitThreeIsError() throws Exception {
            sentryClient();
            JobRun run = started(true);
            clock.advance(Duration.ofMillis(7));
            assertRequest("GET", checkIn, params("status", "error", "check_in_id", run.runId(), "duration", "0.007"),
                    "", sent(run.exit(3)));
        }

        @Test
        void logSendsNothing() throws Exception {
            sentryClient();
            JobRun run = started(true);
            nothingSent(run.log("step 2 of 5"));
        }
    }

    @Nested
    @DisplayName("Better Stack heartbeat")
    class BetterStack {
        final String heartbeat = "/api/v1/heartbeat/TOKEN";

        @Test
        void pingIsAGetOfTheUrl() throws Exception {
            clientFor(Endpoints.betterStack(url(heartbeat)));
            assertRequest("GET", heartbeat, Map.of(), "", sent(client.ping()));
        }

        @Test
        void startSendsNothingAndSuccessIsAGetOfTheUrl() throws Exception {
            clientFor(Endpoints.betterStack(url(heartbeat)));
            JobRun run = started(false);
            clock.advance(Duration.ofMillis(12_345));
            assertRequest("GET", heartbeat, Map.of(), "", sent(run.success()));
        }

        @Test
        void failIsAPostToSlashFailWithTheMessageAsBody() throws Exception {
            clientFor(Endpoints.betterStack(url(heartbeat)));
            JobRun run = started(false);
            assertRequest("POST", heartbeat + "/fail", Map.of(), FAILURE, sent(run.fail(FAILURE)));
        }

        @Test
        void exitZeroIsSlashZero() throws Exception {
            clientFor(Endpoints.betterStack(url(heartbeat)));
            JobRun run = started(false);
            assertRequest("GET", heartbeat + "/0", Map.of(), "", sent(run.exit(0)));
        }

        @Test
        void exitThreeIsSlashThree() throws Exception {
            clientFor(Endpoints.betterStack(url(heartbeat)));
            JobRun run = started(false);
            assertRequest("GET", heartbeat + "/3", Map.of(), "", sent(run.exit(3)));
        }

        @Test
        void logSendsNothing() throws Exception {
            clientFor(Endpoints.betterStack(url(heartbeat)));
            JobRun run = started(false);
            nothingSent(run.log("step 2 of 5"));
        }
    }

    @Nested
    @DisplayName("Uptime Kuma push monitor")
    class UptimeKuma {
        final String push = "/api/push/PUSHTOKEN";

        @Test
        void pingIsUpWithoutAPingTime() throws Exception {
            clientFor(Endpoints.uptimeKuma(url(push)));
            assertRequest("GET", push, Map.of("status", "up", "msg", "OK"), "", sent(client.ping()));
        }

        @Test
        void startSendsNothingAndSuccessIsUpWithTheDurationInMillis() throws Exception {
            clientFor(Endpoints.uptimeKuma(url(push)));
            JobRun run = started(false);
            clock.advance(Duration.ofMillis(12_345));
            assertRequest("GET", push, Map.of("status", "up", "msg", "OK", "ping", "12345"), "", sent(run.success()));
        }

        @Test
        void failIsDownWithTheMessage() throws Exception {
            clientFor(Endpoints.uptimeKuma(url(push)));
            JobRun run = started(false);
            clock.advance(Duration.ofMillis(1_500));
            assertRequest("GET", push, Map.of("status", "down", "msg", FAILURE, "ping", "1500"), "",
                    sent(run.fail(FAILURE)));
        }

        @Test
        void exitZeroIsUp() throws Exception {
            clientFor(Endpoints.uptimeKuma(url(push)));
            JobRun run = started(false);
            clock.advance(Duration.ofMillis(2_000));
            assertRequest("GET", push, Map.of("status", "up", "msg", "OK", "ping", "2000"), "", sent(run.exit(0)));
        }

        @Test
        void exitThreeIsDown() throws Exception {
            clientFor(Endpoints.uptimeKuma(url(push)));
            JobRun run = started(false);
            clock.advance(Duration.ofMillis(7));
            assertRequest("GET", push, Map.of("status", "down", "msg", "exit 3", "ping", "7"), "", sent(run.exit(3)));
        }

        @Test
        void logSendsNothing() throws Exception {
            clientFor(Endpoints.uptimeKuma(url(push)));
            JobRun run = started(false);
            nothingSent(run.log("step 2 of 5"));
        }
    }

    @Nested
    @DisplayName("Dead Man's Snitch")
    class DeadMansSnitch {
        final String snitch = "/SNITCHTOKEN";

        @Test
        void pingIsAPlainCheckIn() throws Exception {
            clientFor(Endpoints.deadMansSnitch(url(snitch)));
            assertRequest("GET", snitch, Map.of(), "", sent(client.ping()));
        }

        @Test
        void startSendsNothingAndSuccessIsStatusZero() throws Exception {
            clientFor(Endpoints.deadMansSnitch(url(snitch)));
            JobRun run = started(false);
            clock.advance(Duration.ofMillis(12_345));
            assertRequest("GET", snitch, Map.of("s", "0"), "", sent(run.success()));
        }

        @Test
        void failIsStatusOneWithTheMessage() throws Exception {
            clientFor(Endpoints.deadMansSnitch(url(snitch)));
            JobRun run = started(false);
            assertRequest("GET", snitch, Map.of("s", "1", "m", FAILURE), "", sent(run.fail(FAILURE)));
        }

        @Test
        void exitZeroIsStatusZero() throws Exception {
            clientFor(Endpoints.deadMansSnitch(url(snitch)));
            JobRun run = started(false);
            assertRequest("GET", snitch, Map.of("s", "0"), "", sent(run.exit(0)));
        }

        @Test
        void exitThreeIsStatusThree() throws Exception {
            clientFor(Endpoints.deadMansSnitch(url(snitch)));
            JobRun run = started(false);
            assertRequest("GET", snitch, Map.of("s", "3"), "", sent(run.exit(3)));
        }

        @Test
        void logSendsNothing() throws Exception {
            clientFor(Endpoints.deadMansSnitch(url(snitch)));
            JobRun run = started(false);
            nothingSent(run.log("step 2 of 5"));
        }
    }

    @Nested
    @DisplayName("Plain URL (Xitoring): success pings only")
    class PlainUrl {
        final String heartbeat = "/heartbeat/1000rquike6143511677680410";

        @Test
        void pingIsAGetOfTheUrl() throws Exception {
            clientFor(Endpoints.url(url(heartbeat)));
            assertRequest("GET", heartbeat, Map.of(), "", sent(client.ping()));
        }

        @Test
        void startSendsNothingAndSuccessIsAGetOfTheUrl() throws Exception {
            clientFor(Endpoints.url(url(heartbeat)));
            JobRun run = started(false);
            assertRequest("GET", heartbeat, Map.of(), "", sent(run.success()));
        }

        @Test
        void aFailedJobSendsNothing() throws Exception {
            clientFor(Endpoints.url(url(heartbeat)));
            JobRun run = started(false);
            nothingSent(run.fail(FAILURE));
            assertEquals(0, server.getRequestCount());
        }

        @Test
        void exitZeroIsAGetOfTheUrl() throws Exception {
            clientFor(Endpoints.url(url(heartbeat)));
            JobRun run = started(false);
            assertRequest("GET", heartbeat, Map.of(), "", sent(run.exit(0)));
        }

        @Test
        void exitThreeSendsNothing() throws Exception {
            clientFor(Endpoints.url(url(heartbeat)));
            JobRun run = started(false);
            nothingSent(run.exit(3));
            assertEquals(0, server.getRequestCount());
        }

        @Test
        void logSendsNothing() throws Exception {
            clientFor(Endpoints.url(url(heartbeat)));
            JobRun run = started(false);
            nothingSent(run.log("step 2 of 5"));
            assertEquals(0, server.getRequestCount());
        }
    }

    // =========================================================================================

    @Nested
    @DisplayName("Run ids")
    class RunIds {
        @Test
        void twoRunsOfOneJobHaveDifferentRunIdsOnTheWire() throws Exception {
            clientFor(Endpoints.healthchecks(url("/ping/" + UUID)));
            JobRun first = client.startJob("nightly-backup");
            RecordedRequest firstStart = sent(first.started());
            JobRun second = client.startJob("nightly-backup");
            RecordedRequest secondStart = sent(second.started());

            assertNotEquals(first.runId(), second.runId());
            assertEquals(first.runId(), firstStart.getUrl().queryParameter("rid"));
            assertEquals(second.runId(), secondStart.getUrl().queryParameter("rid"));
        }
    }
}
