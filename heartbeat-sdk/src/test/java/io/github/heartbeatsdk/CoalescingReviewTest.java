package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review of ping coalescing: each test shows a promise a coalesced ping breaks. */
class CoalescingReviewTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).build();
    }

    /**
     * Builder#executor: "If the application shuts the executor down, signals waiting on it end FAILED
     * ("executor stopped") at the next call into the client, and later signals at once." A ping that
     * coalesces returns before Dispatcher.submit's noticeStoppedExecutor(), so it and its leader stay pending.
     */
    @Test
    void aPingAfterTheUsersExecutorStoppedEndsAtOnceEvenWhenAPingIsQueued() {
        HeartbeatClient hb = clients.client(Endpoints.url(server.url("/ping/stopped").toString()));
        CompletableFuture<DeliveryResult> queued = hb.ping().toCompletableFuture(); // its drain waits on the executor
        clients.scheduler.shutdownNow(); // the application stops its executor, and our drain with it

        CompletableFuture<DeliveryResult> later = hb.ping().toCompletableFuture();

        DeliveryResult result = later.getNow(null);
        assertNotNull(result, "a later signal ends at once; it joined a ping nothing will ever send");
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.error().contains("executor stopped"), result.error());
        assertTrue(queued.isDone(), "the next call into the client ends what waits on the stopped executor");
    }

    /**
     * A follower inherits its leader's retry deadline: offered at 9 s with retryDeadline 10 s, it ends
     * DROPPED ("deadline passed in the queue") at 12 s, because the leader, offered at 1 s, expired.
     * A ping of its own would have been delivered at 12 s.
     */
    @Test
    void aCoalescedPingKeepsItsOwnRetryDeadline() {
        String url = server.url("/ping/slow").toString();
        AtomicReference<HeartbeatClient> holder = new AtomicReference<>();
        AtomicReference<CompletableFuture<DeliveryResult>> leader = new AtomicReference<>();
        AtomicReference<CompletableFuture<DeliveryResult>> follower = new AtomicReference<>();
        long start = clients.clock.millis();
        Endpoint slow = signal -> {
            if (leader.get() == null) { // the first ping is on its way, to a slow backend
                clients.clock.advance(Duration.ofSeconds(1));
                leader.set(holder.get().ping().toCompletableFuture()); // queued at 1 s: deadline 11 s
                clients.clock.advance(Duration.ofSeconds(8));
                follower.set(holder.get().ping().toCompletableFuture()); // offered at 9 s: deadline 19 s
                clients.clock.advance(Duration.ofSeconds(3)); // the first request is answered at 12 s
            }
            return EndpointRequest.get(url);
        };
        HeartbeatClient client = clients.track(clients.builder(slow).retryDeadline(Duration.ofSeconds(10)).build());
        holder.set(client);
        server.enqueue(ok());
        server.enqueue(ok());
        CompletableFuture<DeliveryResult> first = client.ping().toCompletableFuture();
        clients.scheduler.runDue();

        assertEquals(Outcome.DELIVERED, first.getNow(null).outcome());
        assertEquals(12_000, clients.clock.millis() - start);
        assertEquals(1, client.stats().coalesced(), client.stats().toString());
        DeliveryResult late = follower.get().getNow(null);
        assertNotNull(late);
        assertEquals(Outcome.DELIVERED, late.outcome(),
                "offered at 9 s with 10 s to go, it ended at 12 s: " + late + " " + client.stats());
    }
}
