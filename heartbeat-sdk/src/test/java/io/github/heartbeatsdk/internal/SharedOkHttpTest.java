package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.Endpoints;
import io.github.heartbeatsdk.HeartbeatClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void buildHasTheDeliveryThreadTakeTheSharedClientBeforeAnyPing() throws Exception {
        int before = SharedOkHttp.users();
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(server.url("/a").toString()))
                .shutdownHook(false).build();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (SharedOkHttp.users() == before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(before + 1, SharedOkHttp.users(), "prepared without a ping");
            assertEquals(0, server.getRequestCount(), "preparing sends nothing");
        } finally {
            client.close();
        }
        assertEquals(before, SharedOkHttp.users());
    }

    @Test
    void closeRightAfterBuildGivesBackWhatThePreparationTook() {
        int before = SharedOkHttp.users();
        for (int i = 0; i < 200; i++) {
            HeartbeatClient.builder().endpoint(Endpoints.url(server.url("/a").toString()))
                    .shutdownHook(false).build().close();
            assertEquals(before, SharedOkHttp.users(), "after cycle " + i);
        }
    }

    @Test
    void aSharedExecutorGetsNoPreparationTask() {
        ScheduledThreadPoolExecutor shared = new ScheduledThreadPoolExecutor(1);
        try {
            int before = SharedOkHttp.users();
            HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(server.url("/a").toString()))
                    .executor(shared).shutdownHook(false).build();
            assertEquals(0, shared.getTaskCount(), "10 000 clients on one executor would queue 10 000 of them");
            assertEquals(before, SharedOkHttp.users());
            client.close();
        } finally {
            shared.shutdownNow();
        }
        assertTrue(shared.getQueue().isEmpty());
    }
}
