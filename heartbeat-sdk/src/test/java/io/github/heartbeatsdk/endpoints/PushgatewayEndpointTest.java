package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.FakeClock;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.JobRun;
import io.github.heartbeatsdk.ManualScheduler;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.VirtualTimeClients;
import io.github.heartbeatsdk.internal.HostFacts;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the Pushgateway endpoint puts on the wire, byte for byte, read as documentation: always a
 * POST (it replaces only the metrics it names) of text format 0.0.4 to the job's group, one
 * gauge with HELP and TYPE lines per fact; times from a fake clock, so every value is exact.
 */
class PushgatewayEndpointTest {
    static final long T0 = 1_732_300_000_000L; // FakeClock's start: 2024-11-22T18:26:40Z
    static final String SUCCESS = "# HELP job_last_success_timestamp_seconds When the job last succeeded, in seconds since the epoch.\n"
            + "# TYPE job_last_success_timestamp_seconds gauge\n";
    static final String START = "# HELP job_last_start_timestamp_seconds When a run of the job last started, in seconds since the epoch.\n"
            + "# TYPE job_last_start_timestamp_seconds gauge\n";
    static final String FAILURE = "# HELP job_last_failure_timestamp_seconds When the job last failed, in seconds since the epoch.\n"
            + "# TYPE job_last_failure_timestamp_seconds gauge\n";
    static final String EXIT_CODE = "# HELP job_last_exit_code The exit status of the job's last run that ended with one.\n"
            + "# TYPE job_last_exit_code gauge\n";
    static final String DURATION = "# HELP job_duration_seconds How long the job's last finished run took, in seconds.\n"
            + "# TYPE job_duration_seconds gauge\n";
    static final String HEARTBEAT = "# HELP job_last_heartbeat_timestamp_seconds When the instance last sent a heartbeat, in seconds since the epoch.\n"
            + "# TYPE job_last_heartbeat_timestamp_seconds gauge\n";

    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();
    final FakeClock clock = clients.clock;
    final ManualScheduler scheduler = clients.scheduler;

    String base() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** Delivers what is queued (answered 200) and returns the one request it made. */
    RecordedRequest sent(CompletionStage<DeliveryResult> stage) throws InterruptedException {
        int before = server.getRequestCount();
        server.enqueue(new MockResponse.Builder().code(200).build());
        scheduler.runDue();
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request, "a request was sent");
        assertEquals(before + 1, server.getRequestCount(), "exactly one request");
        assertEquals(Outcome.DELIVERED, stage.toCompletableFuture().getNow(null).outcome());
        return request;
    }

    static void assertPush(String path, String body, RecordedRequest request) {
        assertEquals("POST", request.getMethod(), "POST replaces only the metrics pushed; PUT would drop the rest");
        assertEquals(path, request.getUrl().encodedPath());
        assertNull(request.getUrl().query(), "no query");
        assertEquals("text/plain; version=0.0.4", request.getHeaders().get("Content-Type"));
        assertEquals(body, request.getBody().utf8());
        assertTrue(body.endsWith("\n"), "the Pushgateway needs every line, the last too, to end in a line feed");
    }

    @Test
    void pingPushesTheLastSuccessTime() throws Exception {
        HeartbeatClient client = clients.client(Endpoints.pushgateway(base(), "nightly_backup"));
        assertPush("/metrics/job/nightly_backup",
                SUCCESS + "job_last_success_timestamp_seconds 1732300000.000\n", sent(client.ping()));
    }

    @Test
    void aRunPushesItsStartThenItsSuccessAndDuration() throws Exception {
        HeartbeatClient client = clients.client(Endpoints.pushgateway(base(), "nightly_backup"));
        clock.advance(Duration.ofMillis(7));
        JobRun run = client.startJob("nightly-backup");
        assertPush("/metrics/job/nightly_backup",
                START + "job_last_start_timestamp_seconds 1732300000.007\n", sent(run.started()));

        clock.advance(Duration.ofMillis(12_345));
        assertPush("/metrics/job/nightly_backup", SUCCESS + "job_last_success_timestamp_seconds 1732300012.352\n"
                + DURATION + "job_duration_seconds 12.345\n", sent(run.success()));
    }

    @Test
    void aFailurePushesItsTimeAndDurationButNeverTheSuccessMetricNorItsMessage() throws Exception {
        HeartbeatClient client = clients.client(Endpoints.pushgateway(base(), "nightly_backup"));
        JobRun run = client.startJob("nightly-backup");
        sent(run.started());
        clock.advance(Duration.ofSeconds(3));
        RecordedRequest failed = sent(run.fail("disk full: \"/var/backups\"\nretry later"));

        assertPush("/metrics/job/nightly_backup", FAILURE + "job_last_failure_timestamp_seconds 1732300003.000\n"
                + DURATION + "job_duration_seconds 3.000\n", failed);
    }

    @Test
    void exitZeroIsASuccessAndExitThreeAFailureEachWithItsCode() throws Exception {
        HeartbeatClient client = clients.client(Endpoints.pushgateway(base(), "nightly_backup"));
        JobRun ok = client.startJob("nightly-backup");
        sent(ok.started());
        clock.advance(Duration.ofMillis(1_500));
        assertPush("/metrics/job/nightly_backup", SUCCESS + "job_last_success_timestamp_seconds 1732300001.500\n"
                + EXIT_CODE + "job_last_exit_code 0\n" + DURATION + "job_duration_seconds 1.500\n", sent(ok.exit(0)));

        JobRun bad = client.startJob("nightly-backup");
        sent(bad.started());
        clock.advance(Duration.ofMillis(250));
        assertPush("/metrics/job/nightly_backup", FAILURE + "job_last_failure_timestamp_seconds 1732300001.750\n"
                + EXIT_CODE + "job_last_exit_code 3\n" + DURATION + "job_duration_seconds 0.250\n", sent(bad.exit(3)));
    }

    @Test
    void aLogIsSkippedAndSendsNothing() throws Exception {
        HeartbeatClient client = clients.client(Endpoints.pushgateway(base(), "nightly_backup"));
        JobRun run = client.startJob("nightly-backup");
        sent(run.started());
        CompletionStage<DeliveryResult> log = run.log("copied 42 files");
        scheduler.runDue();
        assertEquals(Outcome.SKIPPED, log.toCompletableFuture().getNow(null).outcome());
        assertEquals(1, server.getRequestCount(), "only the start went out");
    }

    @Test
    void aSignalWithoutAKnownStartPushesNoDuration() {
        Endpoint endpoint = Endpoints.pushgateway(base(), "nightly_backup");
        EndpointRequest success = endpoint.request(Signal.job(SignalKind.SUCCESS, T0, "job", "r-1", -1, -1, null));
        assertEquals(SUCCESS + "job_last_success_timestamp_seconds 1732300000.000\n",
                new String(success.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aBeatGoesToItsInstancesGroupWithTheInstancesLabelsEscaped() throws Exception {
        List<Signal> beats = new CopyOnWriteArrayList<>();
        PushgatewayEndpoint pushgateway = Endpoints.pushgateway(base(), "orders");
        Endpoint recording = signal -> {
            beats.add(signal);
            return pushgateway.request(signal);
        };
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        String service = "order \"eu\\west\"\nservice \u00e9\u6771\uD83D\uDE00";
        HeartbeatClient client = clients.track(clients.builder(recording).service(service).appName("shop")
                .instanceId("i-17").build());
        client.start();
        scheduler.advance(Duration.ofSeconds(30));

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request, "a beat was pushed");
        Signal beat = beats.get(0);
        String host = HostFacts.hostName();
        String expectedLabels = "service=\"order \\\"eu\\\\west\\\"\\nservice \u00e9\u6771\uD83D\uDE00\",app_name=\"shop\","
                + "instance_id=\"i-17\",host_name=\"" + host + "\",pid=\"" + ProcessHandle.current().pid() + "\"";
        assertPush("/metrics/job/orders" + instanceSegment(host), HEARTBEAT + "job_last_heartbeat_timestamp_seconds{"
                + expectedLabels + "} " + seconds(beat.timestampMillis()) + "\n", request);
    }

    @Test
    void aBeatKeepsAnInstanceLabelSetByTheUserAndLeavesOutLabelsTheGroupHas() throws Exception {
        List<Signal> beats = new CopyOnWriteArrayList<>();
        PushgatewayEndpoint pushgateway = Endpoints.pushgateway(base(), "orders").withLabel("instance", "orders-1")
                .withLabel("service", "orders");
        Endpoint recording = signal -> {
            beats.add(signal);
            return pushgateway.request(signal);
        };
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        HeartbeatClient client = clients.track(clients.builder(recording).service("orders").appName("shop")
                .instanceId("i-17").build());
        client.start();
        scheduler.advance(Duration.ofSeconds(30));

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request, "a beat was pushed");
        assertPush("/metrics/job/orders/instance/orders-1/service/orders", HEARTBEAT
                + "job_last_heartbeat_timestamp_seconds{app_name=\"shop\",instance_id=\"i-17\",host_name=\""
                + HostFacts.hostName() + "\",pid=\"" + ProcessHandle.current().pid() + "\"} "
                + seconds(beats.get(0).timestampMillis()) + "\n", request);
    }

    @Test
    void aBeatWithoutInstanceMetadataGoesToTheJobsGroup() {
        EndpointRequest beat = Endpoints.pushgateway(base(), "orders").request(Signal.beat(T0));
        assertEquals(base() + "/metrics/job/orders", beat.url());
        assertEquals(HEARTBEAT + "job_last_heartbeat_timestamp_seconds 1732300000.000\n",
                new String(beat.body(), StandardCharsets.UTF_8));
    }

    @Test
    void groupingLabelsFollowTheJobInOrderAndAWeirdValueTravelsInBase64() throws Exception {
        PushgatewayEndpoint endpoint = Endpoints.pushgateway(base(), "directory_cleaner")
                .withLabel("env", "prod-eu.1:a~b")
                .withLabel("path", "/var/tmp")
                .withLabel("empty", "")
                .withLabel("name", "\u03a0\u03c1\u03bf\u03bc\u03b7\u03b8\u03b5\u03cd\u03c2")
                .withLabel("dots", "..")
                .withLabel("spaced", "a b+c%d");
        HeartbeatClient client = clients.client(endpoint);
        assertPush("/metrics/job/directory_cleaner/env/prod-eu.1:a~b/path@base64/L3Zhci90bXA/empty@base64/="
                        + "/name@base64/zqDPgc6_zrzOt864zrXPjc-C/dots@base64/Li4/spaced@base64/YSBiK2MlZA",
                SUCCESS + "job_last_success_timestamp_seconds 1732300000.000\n", sent(client.ping()));
    }

    @Test
    void aJobNameThatIsNotPlainAsciiTravelsInBase64Too() {
        assertEquals(base() + "/metrics/job@base64/bmlnaHRseS9iYWNrdXA",
                Endpoints.pushgateway(base(), "nightly/backup").request(Signal.ping(T0)).url());
        assertEquals(base() + "/metrics/job/nightly-backup",
                Endpoints.pushgateway(base(), "nightly-backup").request(Signal.ping(T0)).url());
    }

    @Test
    void userInfoBecomesABasicHeaderAndNeverReachesTheUrlOrAnyText() throws Exception {
        String password = "pa55:w%40rd";
        PushgatewayEndpoint endpoint = Endpoints.pushgateway("http://pusher:" + password + "@" + server.getHostName()
                + ":" + server.getPort() + "/", "nightly_backup");
        HeartbeatClient client = clients.client(endpoint);
        RecordedRequest request = sent(client.ping());

        String expected = Base64.getEncoder().encodeToString("pusher:pa55:w@rd".getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + expected, request.getHeaders().get("Authorization"));
        assertEquals("/metrics/job/nightly_backup", request.getUrl().encodedPath());
        EndpointRequest built = endpoint.request(Signal.ping(T0));
        assertEquals(base() + "/metrics/job/nightly_backup", built.url(), "no user info in the URL");
        for (String text : List.of(endpoint.toString(), built.toString(), client.toString(), client.endpointName())) {
            assertFalse(text.contains("pa55") || text.contains("pusher") || text.contains(expected), text);
        }
        assertEquals("PushgatewayEndpoint{" + base() + " job=\"nightly_backup\"}", endpoint.toString());
    }

    @Test
    void aPathPrefixIsKeptBeforeMetricsAndMaskedInToString() {
        PushgatewayEndpoint endpoint = Endpoints.pushgateway(base() + "/monitoring/pushgateway/", "nightly_backup")
                .withLabel("env", "prod");
        assertEquals(base() + "/monitoring/pushgateway/metrics/job/nightly_backup/env/prod",
                endpoint.request(Signal.ping(T0)).url());
        assertEquals("PushgatewayEndpoint{" + base() + "/*** job=\"nightly_backup\" env=\"prod\"}", endpoint.toString());
    }

    @Test
    void parseTakesTheLastSegmentAsJobAndTheQueryAsGroupingLabels() {
        Endpoint parsed = Endpoints.parse("pushgateway+" + base() + "/nightly_backup?instance=db-1&env=prod");
        assertEquals(base() + "/metrics/job/nightly_backup/instance/db-1/env/prod", parsed.request(Signal.ping(T0)).url());
        assertEquals("PushgatewayEndpoint{" + base() + " job=\"nightly_backup\" instance=\"db-1\" env=\"prod\"}",
                parsed.toString());

        Endpoint prefixed = Endpoints.parse("PushGateway+" + base() + "/pg/nightly%2Fbackup?path=%2Fvar%2Ftmp&empty=");
        assertEquals(base() + "/pg/metrics/job@base64/bmlnaHRseS9iYWNrdXA/path@base64/L3Zhci90bXA/empty@base64/=",
                prefixed.request(Signal.ping(T0)).url());
    }

    @Test
    void parseReadsThePushgatewaysOwnUrlFormBase64Included() {
        Endpoint parsed = Endpoints.parse("pushgateway+" + base()
                + "/metrics/job@base64/bmlnaHRseS9iYWNrdXA/path@base64/L3Zhci90bXA/empty@base64/=/env/prod?team=db");
        assertEquals("PushgatewayEndpoint{" + base() + " job=\"nightly/backup\" path=\"/var/tmp\" empty=\"\" env=\"prod\""
                + " team=\"db\"}", parsed.toString());
        assertEquals(base() + "/metrics/job@base64/bmlnaHRseS9iYWNrdXA/path@base64/L3Zhci90bXA/empty@base64/=/env/prod"
                + "/team/db", parsed.request(Signal.ping(T0)).url());
    }

    @Test
    void parseOfHttpsWithUserInfoSendsBasicAuth() {
        Endpoint parsed = Endpoints.parse("pushgateway+https://ops:s3cret-pw@pushgateway.example.com/nightly_backup");
        EndpointRequest request = parsed.request(Signal.ping(T0));
        assertEquals("https://pushgateway.example.com/metrics/job/nightly_backup", request.url());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("ops:s3cret-pw".getBytes(StandardCharsets.UTF_8)),
                request.headers().get("Authorization"));
        assertEquals("PushgatewayEndpoint{https://pushgateway.example.com job=\"nightly_backup\"}", parsed.toString());
    }

    @Test
    void withLabelReturnsANewEndpointAndLeavesTheFirstAsItWas() {
        PushgatewayEndpoint plain = Endpoints.pushgateway(base(), "nightly_backup");
        PushgatewayEndpoint labelled = plain.withLabel("env", "prod");
        assertEquals(base() + "/metrics/job/nightly_backup", plain.request(Signal.ping(T0)).url());
        assertEquals(base() + "/metrics/job/nightly_backup/env/prod", labelled.request(Signal.ping(T0)).url());
    }

    @Test
    void aRefusalOfThePushgatewayEndsRejectedWithItsReason() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "text/plain; charset=utf-8")
                .body("pushed metrics are invalid or inconsistent with existing metrics: pushed metrics must not have"
                        + " timestamps\n").build());
        HeartbeatClient client = clients.client(Endpoints.pushgateway(base(), "nightly_backup"));
        CompletionStage<DeliveryResult> ping = client.ping();
        scheduler.runDue();

        DeliveryResult result = ping.toCompletableFuture().getNow(null);
        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals(1, server.getRequestCount(), "a 400 is not retried");
        assertEquals("HTTP 400 from " + base() + "/***: pushed metrics are invalid or inconsistent with existing"
                + " metrics: pushed metrics must not have timestamps", result.error());
    }

    static String seconds(long millis) {
        return String.format("%d.%03d", millis / 1000, millis % 1000);
    }

    /** The grouping key's instance segment for a host name, plain or base64 as the endpoint writes it. */
    static String instanceSegment(String host) {
        boolean plain = host.matches("[A-Za-z0-9_~:.-]+") && !host.equals(".") && !host.equals("..");
        return plain ? "/instance/" + host : "/instance@base64/"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(host.getBytes(StandardCharsets.UTF_8));
    }
}
