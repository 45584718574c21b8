package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.transport.HttpSettings;
import io.github.heartbeatsdk.internal.transport.HttpTransport;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A burst to one URL reuses one OkHttp request; an idle transport keeps none. */
class HttpTransportReuseTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private HttpTransport transport;

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void aBurstReusesOneRequestAndTheEndOfTheDrainDropsIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(200).build());
        }
        transport = new HttpTransport(Endpoints.url(server.url("/ping/abc").toString()),
                new HttpSettings(null, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)),
                Clock.systemUTC());

        assertTrue(transport.send(Signal.ping(1)).sent);
        Object kept = transport.reusableRequest();
        assertNotNull(kept);
        assertTrue(transport.send(Signal.ping(2)).sent);
        assertSame(kept, transport.reusableRequest(), "the second ping of the burst reused the first's request");

        transport.drained();
        assertNull(transport.reusableRequest(), "an idle transport keeps nothing for the next burst");
        assertTrue(transport.send(Signal.ping(3)).sent);

        for (int i = 0; i < 3; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("GET", request.getMethod());
            assertEquals("/ping/abc", request.getTarget());
            assertTrue(request.getHeaders().get("User-Agent").startsWith("heartbeat-sdk/"));
        }
    }
}
