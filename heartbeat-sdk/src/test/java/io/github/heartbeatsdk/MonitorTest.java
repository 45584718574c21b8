package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monitors as code: the check is created or updated once, before the first signal; refusals are final and masked; skipped beats touch nothing. */
class MonitorTest {
    static final String API_KEY = "hcw_5ecretApiKey0123456789";
    static final String UUID = "0b9e3c9a-1f8e-4a6d-9d0e-5c2f3a4b5c6d";
    static final Schedule NIGHTLY = Schedule.cron("0 4 * * *", ZoneId.of("Europe/Berlin")).grace(Duration.ofMinutes(30));

    @StartStop
    final MockWebServer server = new MockWebServer();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger apiStatus = new AtomicInteger(201);
    volatile String apiBody = "{}";

    MonitorTest() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                boolean api = request.getTarget().startsWith("/api/");
                return new MockResponse.Builder().code(api ? apiStatus.get() : 200).body(api ? apiBody : "OK").build();
            }
        });
    }

    private static HeartbeatConfig withKey(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return HeartbeatConfig.fromProperties(p);
    }

    private HeartbeatClient client(Endpoint endpoint, HeartbeatConfig config) {
        HeartbeatClient.Builder b = HeartbeatClient.builder().endpoint(endpoint).shutdownHook(false)
                .retryDeadline(Duration.ofSeconds(30));
        return (config != null ? b.config(config) : b).build();
    }

    private static DeliveryResult await(java.util.concurrent.CompletionStage<DeliveryResult> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private List<String> targets() {
        List<String> t = new ArrayList<>();
        for (RecordedRequest r : requests) {
            t.add(r.getMethod() + " " + r.getTarget());
        }
        return t;
    }

    @Test
    void aHealthchecksSlugCheckIsUpsertedOnceBeforeItsFirstPing() throws Exception {
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/nightly-backup").toString()).withMonitor(NIGHTLY);
        try (HeartbeatClient client = client(endpoint, withKey("heartbeat.monitors.healthchecks.api-key", API_KEY))) {
            assertEquals(Outcome.DELIVERED, await(client.ping()).outcome());
            assertEquals(Outcome.DELIVERED, await(client.ping()).outcome());
        }
        assertEquals(List.of("POST /api/v3/checks/", "POST /ping/pk/nightly-backup", "POST /ping/pk/nightly-backup"),
                targets());
        RecordedRequest upsert = requests.get(0);
        assertEquals(API_KEY, upsert.getHeaders().get("X-Api-Key"));
        assertEquals("application/json", upsert.getHeaders().get("Content-Type"));
        assertEquals("{\"name\":\"nightly-backup\",\"slug\":\"nightly-backup\",\"unique\":[\"slug\"],"
                + "\"schedule\":\"0 4 * * *\",\"tz\":\"Europe/Berlin\",\"grace\":1800}", upsert.getBody().utf8());
    }

    @Test
    void aHealthchecksUuidCheckHasItsScheduleUpdated() throws Exception {
        String uuid = "0b9e3c9a-1f8e-4a6d-9d0e-5c2f3a4b5c6d";
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/" + uuid).toString())
                .withMonitor(Schedule.every(Duration.ofHours(1)));
        try (HeartbeatClient client = client(endpoint, withKey("heartbeat.monitors.healthchecks.api-key", API_KEY))) {
            client.run("hourly", () -> { });
            client.close();
        }
        assertEquals("POST /api/v3/checks/" + uuid, targets().get(0));
        assertEquals("{\"timeout\":3600}", requests.get(0).getBody().utf8());
        assertTrue(targets().get(1).startsWith("POST /ping/" + uuid + "/start?rid="), targets().toString());
    }

    @Test
    void concurrentFirstSignalsCauseOneUpsert() throws Exception {
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/burst").toString()).withMonitor(NIGHTLY);
        List<CompletableFuture<DeliveryResult>> stages = new CopyOnWriteArrayList<>();
        try (HeartbeatClient client = client(endpoint, withKey("heartbeat.monitors.healthchecks.api-key", API_KEY))) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int j = 0; j < 5; j++) {
                        stages.add(client.ping().toCompletableFuture());
                    }
                });
                t.start();
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            for (CompletableFuture<DeliveryResult> stage : stages) {
                assertEquals(Outcome.DELIVERED, stage.get(30, TimeUnit.SECONDS).outcome());
            }
        }
        assertEquals(1, targets().stream().filter(t -> t.startsWith("POST /api/")).count(), targets().toString());
        assertEquals("POST /api/v3/checks/", targets().get(0), "before any signal");
    }

    @Test
    void aServerErrorIsRetriedBeforeTheSignalsNextAttempt() throws Exception {
        apiStatus.set(503);
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/flaky").toString()).withMonitor(NIGHTLY);
        try (HeartbeatClient client = client(endpoint, withKey("heartbeat.monitors.healthchecks.api-key", API_KEY))) {
            CompletableFuture<DeliveryResult> ping = client.ping().toCompletableFuture();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (requests.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            apiStatus.set(200); // the next try succeeds
            DeliveryResult result = ping.get(30, TimeUnit.SECONDS);
            assertEquals(Outcome.DELIVERED, result.outcome());
            assertEquals(2, result.attempts(), "the first attempt waited for the check, the second sent it");
        }
        assertEquals(List.of("POST /api/v3/checks/", "POST /api/v3/checks/", "POST /ping/pk/flaky"), targets());
    }

    @Test
    void aRefusedKeyRejectsThisAndEveryLaterSignalWithTheSameReason() throws Exception {
        apiStatus.set(401);
        apiBody = "{\"error\": \"wrong api key " + API_KEY + "\"}";
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/locked").toString()).withMonitor(NIGHTLY);
        try (LogCapture logs = new LogCapture();
             HeartbeatClient client = client(endpoint, withKey("heartbeat.monitors.healthchecks.api-key", API_KEY))) {
            DeliveryResult first = await(client.ping());
            DeliveryResult second = await(client.startJob("locked").started());
            assertEquals(Outcome.REJECTED, first.outcome());
            assertEquals(Outcome.REJECTED, second.outcome());
            assertEquals(401, first.statusCode());
            assertTrue(first.error().contains("creating or updating the Healthchecks check"), first.error());
            assertTrue(first.error().contains("the API key is wrong or missing"), first.error());
            assertTrue(first.error().contains("heartbeat.monitors.healthchecks.api-key"), first.error());
            assertEquals(first.error(), second.error(), "the same reason");
            client.close();
            String everything = logs.text() + first + second + client + endpoint + client.stats();
            assertFalse(everything.contains(API_KEY), everything);
            assertFalse(everything.contains("locked"), "the slug is part of the ping URL's secret: " + everything);
        }
        assertEquals(List.of("POST /api/v3/checks/"), targets(), "asked once, no signal sent");
    }

    @Test
    void withoutAnApiKeyEverySignalIsRejectedNamingWhereToSetIt() throws Exception {
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/nokey").toString()).withMonitor(NIGHTLY);
        try (HeartbeatClient client = client(endpoint, null)) {
            DeliveryResult result = await(client.ping());
            assertEquals(Outcome.REJECTED, result.outcome());
            assertTrue(result.error().contains("no API key; set heartbeat.monitors.healthchecks.api-key"), result.error());
            assertTrue(result.error().contains("HEARTBEAT_MONITORS_HEALTHCHECKS_API_KEY"), result.error());
        }
        assertTrue(requests.isEmpty(), targets().toString());
    }

    @Test
    void aBadDefinitionIsRejectedWithTheBackendsMessageWithoutTheKey() throws Exception {
        apiStatus.set(400);
        apiBody = "{\"error\": \"invalid value for tz, key was " + API_KEY + "\"}\n\u0007";
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/bad").toString()).withMonitor(NIGHTLY);
        try (HeartbeatClient client = client(endpoint, withKey("heartbeat.monitors.healthchecks.api-key", API_KEY))) {
            DeliveryResult result = await(client.ping());
            assertEquals(Outcome.REJECTED, result.outcome());
            assertTrue(result.error().contains("invalid value for tz"), result.error());
            assertFalse(result.error().contains(API_KEY), result.error());
            assertFalse(result.error().contains("\u0007"), result.error());
        }
    }

    @Test
    void cronitorMonitorsArePutWithBasicAuthBeforeTheFirstTelemetry() throws Exception {
        Endpoint endpoint = Endpoints.cronitor(server.url("/p/telemetrykey/nightly").toString())
                .withMonitor(Schedule.every(Duration.ofHours(2)).grace(Duration.ofMinutes(5)), server.url("/").toString());
        try (HeartbeatClient client = client(endpoint, withKey("heartbeat.monitors.cronitor.api-key", API_KEY))) {
            assertEquals(Outcome.DELIVERED, await(client.ping()).outcome());
        }
        assertEquals("PUT /api/monitors", targets().get(0));
        RecordedRequest put = requests.get(0);
        assertEquals("Basic " + Base64.getEncoder().encodeToString((API_KEY + ":").getBytes(StandardCharsets.UTF_8)),
                put.getHeaders().get("Authorization"));
        assertEquals("{\"monitors\":[{\"key\":\"nightly\",\"type\":\"job\",\"schedule\":\"every 2 hours\",\"grace_seconds\":300}]}",
                put.getBody().utf8());
        assertTrue(targets().get(1).startsWith("GET /p/telemetrykey/nightly"), targets().toString());
    }

    @Test
    void sentryCheckInsCarryTheMonitorConfig() throws Exception {
        Endpoint endpoint = Endpoints.sentryCrons(server.url("/api/42/cron/nightly/pubkey/").toString())
                .withMonitor(NIGHTLY.maxRuntime(Duration.ofSeconds(90)));
        try (HeartbeatClient client = client(endpoint, null)) {
            JobRun run = client.startJob("nightly");
            assertEquals(Outcome.DELIVERED, await(run.started()).outcome());
        }
        RecordedRequest checkIn = requests.get(0);
        assertEquals("POST /api/42/cron/nightly/pubkey/", checkIn.getMethod() + " " + checkIn.getTarget());
        String body = checkIn.getBody().utf8();
        assertTrue(body.startsWith("{\"status\":\"in_progress\",\"check_in_id\":\""), body);
        assertTrue(body.endsWith(",\"monitor_config\":{\"schedule\":{\"type\":\"crontab\",\"value\":\"0 4 * * *\"},"
                + "\"checkin_margin\":30,\"max_runtime\":2,\"timezone\":\"Europe/Berlin\"}}"), body);
        assertEquals(1, requests.size(), "no separate upsert: the check-in is one");
    }

    @Test
    void backendsWithoutAnApiRefuseAMonitorAtBuild() {
        for (Endpoint endpoint : List.of(Endpoints.url("https://node.xitoring.com/heartbeat/abc"),
                Endpoints.betterStack("https://uptime.betterstack.com/api/v1/heartbeat/tok"),
                Endpoints.uptimeKuma("https://kuma.example/api/push/tok"),
                Endpoints.deadMansSnitch("https://nosnch.in/tok"), Endpoints.sermant("127.0.0.1", 6888))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Endpoints.withMonitor(endpoint, NIGHTLY));
            assertTrue(e.getMessage().contains("cannot be created or updated from code"), e.getMessage());
            assertFalse(e.getMessage().contains("tok") || e.getMessage().contains("abc"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Endpoints.healthchecks(
                "https://hc.example.com/0b9e3c9a-1f8e-4a6d-9d0e-5c2f3a4b5c6d").withMonitor(NIGHTLY))
                .getMessage().contains("withMonitor(schedule, \"https://hc.example.com\")"));
        assertThrows(IllegalArgumentException.class, () -> Endpoints.sentryCrons(
                "https://o0.ingest.sentry.io/api/1/cron/x/k/").withMonitor(Schedule.every(Duration.ofSeconds(90))),
                "Sentry takes whole minutes");
        assertThrows(IllegalArgumentException.class, () -> Endpoints.healthchecks("https://hc-ping.com/pk/x")
                .withMonitor(Schedule.cron("0 4 * * *", java.time.ZoneOffset.ofHours(2))), "a fixed offset is no tz name");
    }

    @Test
    void theApiKeysAreKnownConfigurationKeys() {
        HeartbeatClient.builder().config(withKey("heartbeat.monitors.cronitor.api-key", API_KEY))
                .endpoint(Endpoints.url("http://127.0.0.1:9/x")).shutdownHook(false).build().close();
    }

    @Test
    void aSuppliedScheduleIsAskedForOnceAtTheFirstSignalNotAtBuild() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Endpoint endpoint = Endpoints.withMonitor(Endpoints.healthchecks(server.url("/ping/pk/late").toString()), () -> {
            asked.incrementAndGet();
            return NIGHTLY;
        });
        try (HeartbeatClient client = client(endpoint, withKey("heartbeat.monitors.healthchecks.api-key", API_KEY))) {
            assertEquals(0, asked.get(), "not asked by build()");
            assertEquals(Outcome.DELIVERED, await(client.ping()).outcome());
            assertEquals(Outcome.DELIVERED, await(client.ping()).outcome());
        }
        assertEquals(1, asked.get());
        assertEquals(List.of("POST /api/v3/checks/", "POST /ping/pk/late", "POST /ping/pk/late"), targets());
    }

    @Test
    void aNullSuppliedScheduleLeavesTheCheckAlone() throws Exception {
        Endpoint endpoint = Endpoints.withMonitor(Endpoints.healthchecks(server.url("/ping/pk/none").toString()), () -> null);
        try (HeartbeatClient client = client(endpoint, null)) {
            assertEquals(Outcome.DELIVERED, await(client.ping()).outcome());
        }
        assertEquals(List.of("POST /ping/pk/none"), targets());
    }

    @Test
    void aSupplierThatThrowsRejectsTheSignalsNamingWhatItThrew() throws Exception {
        Endpoint endpoint = Endpoints.withMonitor(Endpoints.healthchecks(server.url("/ping/pk/boom").toString()), () -> {
            throw new IllegalStateException("secret-in-message");
        });
        try (HeartbeatClient client = client(endpoint, withKey("heartbeat.monitors.healthchecks.api-key", API_KEY))) {
            DeliveryResult result = await(client.ping());
            assertEquals(Outcome.REJECTED, result.outcome());
            assertTrue(result.error().contains("supplier threw java.lang.IllegalStateException"), result.error());
            assertFalse(result.error().contains("secret-in-message"), result.error());
            assertEquals(result.error(), await(client.ping()).error());
        }
        assertTrue(requests.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Endpoints.withMonitor(
                Endpoints.url("https://example.com/x"), () -> NIGHTLY), "an unsupported backend is refused at once");
    }

    private static HeartbeatClient.Builder builder(Endpoint endpoint) {
        return HeartbeatClient.builder().endpoint(endpoint).shutdownHook(false).retryDeadline(Duration.ofSeconds(30));
    }

    /** An API key that cannot be an HTTP header (a stray no-break space) is a refusal naming the key, kept for every later signal. */
    @Test
    void anApiKeyThatIsNoHeaderValueIsARefusalNamingTheKey() throws Exception {
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/nbsp").toString()).withMonitor(NIGHTLY);
        try (LogCapture logs = new LogCapture();
             HeartbeatClient client = builder(endpoint).config(withKey("heartbeat.monitors.healthchecks.api-key", API_KEY + "\u00a0")).build()) {
            DeliveryResult first = await(client.ping());
            DeliveryResult second = await(client.ping());
            assertEquals(Outcome.REJECTED, first.outcome(), first.toString());
            assertTrue(first.error().contains("heartbeat.monitors.healthchecks.api-key"), first.error());
            assertEquals(first.error(), second.error(), "the same reason");
            assertFalse(logs.text().contains(API_KEY), logs.text());
        }
        assertTrue(requests.isEmpty(), "nothing can be sent");
    }

    /** A check's UUID echoed in an error answer is masked like the rest of the ping URL. */
    @Test
    void aUuidEchoedByTheApiNeverReachesTheResult() throws Exception {
        apiStatus.set(404);
        apiBody = "{\"error\": \"check " + UUID + " not found\"}";
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/" + UUID).toString()).withMonitor(NIGHTLY);
        try (LogCapture logs = new LogCapture();
             HeartbeatClient client = builder(endpoint).config(withKey("heartbeat.monitors.healthchecks.api-key", API_KEY)).build()) {
            DeliveryResult result = await(client.ping());
            assertEquals(Outcome.REJECTED, result.outcome());
            client.close();
            String everything = result + " " + logs.text();
            assertFalse(everything.contains(UUID), everything);
        }
    }

    /** A check's slug echoed in an error answer is masked like the rest of the ping URL. */
    @Test
    void aSlugEchoedByTheApiNeverReachesTheResult() throws Exception {
        apiStatus.set(400);
        apiBody = "{\"error\": \"slug 'payroll-7f3a9c' is taken by another project\"}";
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/payroll-7f3a9c").toString()).withMonitor(NIGHTLY);
        try (LogCapture logs = new LogCapture();
             HeartbeatClient client = builder(endpoint).config(withKey("heartbeat.monitors.healthchecks.api-key", API_KEY)).build()) {
            DeliveryResult result = await(client.ping());
            assertEquals(Outcome.REJECTED, result.outcome());
            client.close();
            String everything = result + " " + logs.text();
            assertFalse(everything.contains("payroll-7f3a9c"), everything);
        }
    }

    /** A beat the endpoint skips touches no check and ends SKIPPED, as it does without a monitor (the listener hears neither). */
    @Test
    void aBeatTheEndpointSkipsIsSkippedNotRejectedByTheMonitor() throws Exception {
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/beaty").toString()).withMonitor(NIGHTLY);
        try (HeartbeatClient client = builder(endpoint).interval(Duration.ofSeconds(1)).build()) {
            client.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (client.stats().skipped() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(client.stats().skipped() >= 1, "a beat within 20 s: " + client.stats());
            assertEquals(0, client.stats().rejected(), client.stats().toString());
        }
        assertTrue(requests.isEmpty(), "a skipped beat touches no check: " + requests);
    }

    @Test
    void closeDuringAnUpsertThatNeverAnswersEndsTheWaitingSignal() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requests.add(request);
                release.await(60, TimeUnit.SECONDS); // a management API that never answers
                return new MockResponse.Builder().code(201).build();
            }
        });
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/hang").toString()).withMonitor(NIGHTLY);
        try {
            HeartbeatClient client = HeartbeatClient.builder().endpoint(endpoint).shutdownHook(false)
                    .config(withKey("heartbeat.monitors.healthchecks.api-key", API_KEY))
                    .flushTimeout(Duration.ofMillis(200)).build();
            CompletableFuture<DeliveryResult> ping = client.ping().toCompletableFuture();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (requests.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, requests.size(), "the upsert is in flight");
            client.close(); // cancels the call in flight once the flush timeout has passed
            DeliveryResult result = ping.get(30, TimeUnit.SECONDS);
            assertTrue(result.outcome() == Outcome.FAILED || result.outcome() == Outcome.DROPPED, result.toString());
            assertEquals(0, client.stats().pending());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSupplierThatThrowsAnErrorIsARefusalToo() throws Exception {
        Endpoint endpoint = Endpoints.withMonitor(Endpoints.healthchecks(server.url("/ping/pk/err").toString()), () -> {
            throw new NoClassDefFoundError("org/example/Missing");
        });
        try (HeartbeatClient client = client(endpoint, withKey("heartbeat.monitors.healthchecks.api-key", API_KEY))) {
            DeliveryResult result = await(client.ping());
            assertEquals(Outcome.REJECTED, result.outcome());
            assertTrue(result.error().contains("supplier threw java.lang.NoClassDefFoundError"), result.error());
        }
        assertTrue(requests.isEmpty());
    }
}
