package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.endpoints.UrlEndpoint;
import io.github.heartbeatsdk.internal.transport.SeparatePingsEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a ping puts on the wire, and what its result says. */
class PingDeliveryTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();
    final FakeClock clock = clients.clock;
    final ManualScheduler scheduler = clients.scheduler;
    HeartbeatClient client;

    private HeartbeatClient clientFor(Endpoint endpoint) {
        client = clients.client(endpoint);
        return client;
    }

    @Test
    void pingIsAGetOfTheUrlWithOurUserAgent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        String url = server.url("/heartbeat/1000rquike6143511677680410").toString();

        var result = clientFor(Endpoints.url(url)).ping().toCompletableFuture();
        assertFalse(result.isDone(), "nothing is sent on the caller's thread");
        scheduler.runDue();

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("GET /heartbeat/1000rquike6143511677680410 HTTP/1.1", request.getRequestLine());
        assertTrue(request.getHeaders().get("User-Agent").startsWith("heartbeat-sdk/"), request.getHeaders().toString());
        assertEquals(0, request.getBodySize());
        DeliveryResult delivered = result.getNow(null);
        assertEquals(DeliveryResult.Outcome.DELIVERED, delivered.outcome());
        assertEquals(200, delivered.statusCode());
        assertEquals(1, delivered.attempts());
        assertEquals(null, delivered.error());
    }

    @Test
    void postSendsBodyContentTypeAndExtraHeaders() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).build());
        UrlEndpoint endpoint = Endpoints.url(server.url("/ping/abc").toString())
                .withHeader("Authorization", "Bearer s3cret")
                .withHeader("X-Team", "backup")
                .withBody("application/json", "{\"status\":\"done\"}");

        var result = clientFor(endpoint).ping().toCompletableFuture();
        scheduler.runDue();

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("POST", request.getMethod());
        assertEquals("/ping/abc", request.getTarget());
        assertEquals("Bearer s3cret", request.getHeaders().get("Authorization"));
        assertEquals("backup", request.getHeaders().get("X-Team"));
        assertEquals("application/json", request.getHeaders().get("Content-Type"));
        assertEquals("{\"status\":\"done\"}", request.getBody().string(StandardCharsets.UTF_8));
        assertEquals(201, result.getNow(null).statusCode());
    }

    @Test
    void headMethodSendsNoBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        clientFor(Endpoints.url(server.url("/p").toString()).withMethod(HttpMethod.HEAD)).ping();
        scheduler.runDue();

        assertEquals("HEAD /p HTTP/1.1", server.takeRequest(5, TimeUnit.SECONDS).getRequestLine());
    }

    @Test
    void endpointHeadersMayReplaceTheUserAgent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        clientFor(Endpoints.url(server.url("/p").toString()).withHeader("User-Agent", "backup-job/2")).ping();
        scheduler.runDue();

        assertEquals("backup-job/2", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("User-Agent"));
    }

    @Test
    void manyPingsReuseOneConnectionInOrder() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(200).build());
        }
        HeartbeatClient hb = clientFor(SeparatePingsEndpoint.of(Endpoints.url(server.url("/p").toString())));
        for (int i = 0; i < 5; i++) {
            hb.ping();
        }
        scheduler.runDue();

        for (int i = 0; i < 5; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals(0, request.getConnectionIndex(), "one keep-alive connection");
            assertEquals(i, request.getExchangeIndex());
        }
        assertEquals(5, hb.stats().delivered());
        assertEquals(0, hb.stats().pending());
    }

    @Test
    void signalsTheUrlCannotSayAreSkippedWithoutARequest() {
        HeartbeatClient hb = clientFor(Endpoints.url(server.url("/p").toString()));
        var fail = hb.submit(Signal.job(SignalKind.FAIL, clock.millis(), "backup", "r1", -1, 10, "disk full"))
                .toCompletableFuture();
        scheduler.runDue();

        assertEquals(DeliveryResult.Outcome.SKIPPED, fail.getNow(null).outcome());
        assertEquals(0, fail.getNow(null).attempts());
        assertEquals(0, server.getRequestCount());
        assertEquals(1, hb.stats().skipped());
    }
}
