package io.github.heartbeatsdk;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plain-http requests go through a client that never sets up TLS, https ones through one that
 * does: one endpoint whose requests change scheme from signal to signal still gets each sent.
 */
class SchemePerRequestTest {
    @StartStop
    final MockWebServer http = new MockWebServer();

    private MockWebServer https;

    @AfterEach
    void stopHttps() throws Exception {
        if (https != null) {
            https.close();
        }
    }

    @Test
    void anEndpointMovingBetweenHttpAndHttpsIsDeliveredBothWays() throws Exception {
        https = TestTls.httpsServer();
        http.enqueue(new MockResponse.Builder().code(200).build());
        http.enqueue(new MockResponse.Builder().code(200).build());
        https.enqueue(new MockResponse.Builder().code(200).build());
        https.enqueue(new MockResponse.Builder().code(200).build());
        final String plain = http.url("/plain").toString();
        final String secure = https.url("/secure").toString();
        Endpoint alternating = new Endpoint() {
            private int sent;

            @Override
            public EndpointRequest request(Signal signal) {
                return EndpointRequest.get(sent++ % 2 == 0 ? plain : secure);
            }
        };

        try (HeartbeatClient client = HeartbeatClient.builder().endpoint(alternating).shutdownHook(false)
                .sslSocketFactory(TestTls.CLIENT.sslSocketFactory(), TestTls.CLIENT.trustManager()).build()) {
            for (int i = 0; i < 4; i++) {
                DeliveryResult result = client.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertEquals(DeliveryResult.Outcome.DELIVERED, result.outcome(), "ping " + i + ": " + result);
            }
        }
        assertEquals(2, http.getRequestCount());
        assertEquals(2, https.getRequestCount());
        assertEquals("/secure", https.takeRequest(1, TimeUnit.SECONDS).getTarget());
    }
}
