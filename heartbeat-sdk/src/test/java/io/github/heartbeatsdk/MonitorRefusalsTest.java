package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monitors as code against a local server: refusals, masking, skipped beats. */
class MonitorRefusalsTest {
    static final String API_KEY = "hcw_5ecretApiKey0123456789";
    static final String UUID = "0b9e3c9a-1f8e-4a6d-9d0e-5c2f3a4b5c6d";
    static final Schedule NIGHTLY = Schedule.cron("0 4 * * *", ZoneId.of("Europe/Berlin"));

    @StartStop
    final MockWebServer server = new MockWebServer();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger apiStatus = new AtomicInteger(201);
    volatile String apiBody = "{}";

    MonitorRefusalsTest() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                boolean api = request.getTarget().startsWith("/api/");
                return new MockResponse.Builder().code(api ? apiStatus.get() : 200).body(api ? apiBody : "OK").build();
            }
        });
    }

    private static HeartbeatConfig withKey(String value) {
        Properties p = new Properties();
        p.setProperty("heartbeat.monitors.healthchecks.api-key", value);
        return HeartbeatConfig.fromProperties(p);
    }

    private static HeartbeatClient.Builder builder(Endpoint endpoint) {
        return HeartbeatClient.builder().endpoint(endpoint).shutdownHook(false).retryDeadline(Duration.ofSeconds(30));
    }

    private static DeliveryResult await(CompletionStage<DeliveryResult> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** An API key that cannot be an HTTP header (a stray no-break space) is a refusal naming the key, kept for every later signal. */
    @Test
    void anApiKeyThatIsNoHeaderValueIsARefusalNamingTheKey() throws Exception {
        Endpoint endpoint = Endpoints.healthchecks(server.url("/ping/pk/nbsp").toString()).withMonitor(NIGHTLY);
        try (LogCapture logs = new LogCapture();
             HeartbeatClient client = builder(endpoint).config(withKey(API_KEY + "\u00a0")).build()) {
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
             HeartbeatClient client = builder(endpoint).config(withKey(API_KEY)).build()) {
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
             HeartbeatClient client = builder(endpoint).config(withKey(API_KEY)).build()) {
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
}
