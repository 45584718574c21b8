package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.transport.SharedOkHttp;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Clients without an OkHttpClient of their own share the SDK's one: its pool, its TLS set-up. */
class SharedOkHttpTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void clientsShareOneConnectionPoolAndTheLastCloseReleasesIt() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        int before = SharedOkHttp.users();
        HeartbeatClient first = HeartbeatClient.builder().endpoint(Endpoints.url(server.url("/a").toString()))
                .shutdownHook(false).build();
        HeartbeatClient second = HeartbeatClient.builder().endpoint(Endpoints.url(server.url("/b").toString()))
                .shutdownHook(false).build();

        first.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        second.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(before + 2, SharedOkHttp.users());
        assertEquals(0, server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex());
        assertEquals(0, server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex(), "the second client reused it");

        first.close();
        assertEquals(before + 1, SharedOkHttp.users());
        second.close();
        assertEquals(before, SharedOkHttp.users());
    }
}
