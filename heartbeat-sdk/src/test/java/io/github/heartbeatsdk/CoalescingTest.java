package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ping offered while an identical ping is still queued joins it: a burst costs a request, not the queue. */
class CoalescingTest {
    static final String UUID = "5bf6dd8e-8b1f-4a3c-9a3e-0c2d3b4a5f61";

    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).build();
    }

    @Test
    void aBurstWhileAPingIsQueuedIsOneRequestAndEveryStageHasItsResult() throws Exception {
        RecordingListener listener = new RecordingListener(clients.clock);
        HeartbeatClient client = clients.track(clients.builder(Endpoints.url(server.url("/ping/burst").toString()))
                .listener(listener).queueCapacity(2).build());
        server.enqueue(ok());
        List<CompletableFuture<DeliveryResult>> stages = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            stages.add(client.ping().toCompletableFuture());
        }
        clients.scheduler.runDue();

        assertNotNull(server.takeRequest(5, TimeUnit.SECONDS));
        assertEquals(1, server.getRequestCount(), "one request for the whole burst");
        DeliveryResult first = stages.get(0).getNow(null);
        assertEquals(Outcome.DELIVERED, first.outcome());
        for (CompletableFuture<DeliveryResult> stage : stages) {
            assertSame(first, stage.getNow(null), "every coalesced ping ends with the request's own result");
        }
        HeartbeatStats stats = client.stats();
        assertEquals(1, stats.enqueued(), stats.toString());
        assertEquals(999, stats.coalesced(), stats.toString());
        assertEquals(1, stats.delivered());
        assertEquals(0, stats.dropped(), "a burst never fills the queue: " + stats);
        assertEquals(0, stats.pending());
        assertEquals(1, listener.calls().size(), "the listener hears of the one request");
        assertTrue(stats.toString().contains("coalesced=999"), stats.toString());
    }

    @Test
    void aPingOfferedWhileTheQueuedOneIsBeingSentMakesItsOwnRequest() throws Exception {
        AtomicReference<HeartbeatClient> holder = new AtomicReference<>();
        AtomicReference<CompletableFuture<DeliveryResult>> duringSend = new AtomicReference<>();
        String url = server.url("/ping/in-flight").toString();
        Endpoint offersWhileSending = signal -> {
            if (duringSend.get() == null) { // the first ping has left the queue: the backend has not heard it yet
                duringSend.set(holder.get().ping().toCompletableFuture());
            }
            return EndpointRequest.get(url);
        };
        HeartbeatClient client = clients.client(offersWhileSending);
        holder.set(client);
        server.enqueue(ok());
        server.enqueue(ok());
        CompletableFuture<DeliveryResult> first = client.ping().toCompletableFuture();
        clients.scheduler.runDue();

        assertEquals(2, server.getRequestCount(), "the second ping could not join a request already on its way");
        assertEquals(Outcome.DELIVERED, first.getNow(null).outcome());
        assertEquals(Outcome.DELIVERED, duringSend.get().getNow(null).outcome());
        assertEquals(0, client.stats().coalesced());
        assertEquals(2, client.stats().delivered());
    }

    @Test
    void jobSignalsNeverCoalesceNotEvenIdenticalLogs() throws Exception {
        HeartbeatClient client = clients.client(Endpoints.healthchecks(server.url("/ping/" + UUID).toString()));
        for (int i = 0; i < 5; i++) {
            server.enqueue(ok());
        }
        JobRun run = client.startJob("etl");
        run.log("same text");
        run.log("same text");
        client.ping();
        client.ping();
        run.success();
        clients.scheduler.runDue();

        List<String> paths = new ArrayList<>();
        for (RecordedRequest request; (request = server.takeRequest(1, TimeUnit.SECONDS)) != null; ) {
            paths.add(request.getUrl().encodedPath());
        }
        assertEquals(List.of("/ping/" + UUID + "/start", "/ping/" + UUID + "/log", "/ping/" + UUID + "/log",
                "/ping/" + UUID, "/ping/" + UUID), paths, "the two pings are one request; nothing else joins");
        assertEquals(1, client.stats().coalesced());
    }

    @Test
    void aLeaderDroppedToMakeRoomTakesItsFollowersWithIt() {
        HeartbeatClient client = clients.track(clients.builder(Endpoints.url(server.url("/ping/full").toString()))
                .queueCapacity(1).build());
        CompletableFuture<DeliveryResult> leader = client.ping().toCompletableFuture();
        CompletableFuture<DeliveryResult> follower = client.ping().toCompletableFuture();
        client.submit(Signal.job(SignalKind.SUCCESS, clients.clock.millis(), "job", "r1", -1, 5, null)); // drops the ping

        assertEquals(Outcome.DROPPED, leader.getNow(null).outcome());
        assertSame(leader.getNow(null), follower.getNow(null));
        assertEquals(1, client.stats().dropped());
        assertEquals(1, client.stats().coalesced());
        // The next ping has no queued ping to join: it takes the slot... and is itself dropped, as a ping ranks below a job end.
        CompletableFuture<DeliveryResult> next = client.ping().toCompletableFuture();
        assertEquals(Outcome.DROPPED, next.getNow(null).outcome());
        assertEquals(1, client.stats().coalesced(), "it joined nothing");
    }

    @Test
    void afterCloseAPingEndsDroppedOnItsOwn() {
        HeartbeatClient client = clients.client(Endpoints.url(server.url("/ping/closed").toString()));
        CompletableFuture<DeliveryResult> queued = client.ping().toCompletableFuture();
        client.close();
        assertEquals(Outcome.DROPPED, queued.getNow(null).outcome());
        CompletableFuture<DeliveryResult> late = client.ping().toCompletableFuture();
        assertEquals(Outcome.DROPPED, late.getNow(null).outcome());
        assertEquals(0, client.stats().coalesced());
        assertEquals(2, client.stats().dropped());
    }

    @Test
    void eachEndpointOfAFanOutCoalescesOnItsOwn() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            HeartbeatClient fanOut = clients.track(HeartbeatClient.builder()
                    .endpoints(Endpoints.url(server.url("/a").toString()), Endpoints.url(other.url("/b").toString()))
                    .executor(clients.scheduler).clock(clients.clock).shutdownHook(false).flushTimeout(Duration.ZERO)
                    .build());
            server.enqueue(ok());
            other.enqueue(ok());
            List<CompletableFuture<DeliveryResult>> stages = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                stages.add(fanOut.ping().toCompletableFuture());
            }
            clients.scheduler.runDue();
            assertEquals(1, server.getRequestCount());
            assertEquals(1, other.getRequestCount());
            for (CompletableFuture<DeliveryResult> stage : stages) {
                assertEquals(Outcome.DELIVERED, stage.getNow(null).outcome());
            }
            assertEquals(2 * 49, fanOut.stats().coalesced(), "counted per endpoint");
        }
    }

    @Test
    void theTestKitRecordsEveryPingItsCodeMade() {
        RecordingEndpoint recorder = new RecordingEndpoint();
        HeartbeatClient client = clients.client(recorder);
        for (int i = 0; i < 5; i++) {
            client.ping();
        }
        clients.scheduler.runDue();
        assertEquals(5, recorder.signals(SignalKind.PING).size());
        assertEquals(0, client.stats().coalesced());
    }

    @Test
    void twentyThousandPingsFromEightThreadsAreEveryOneDelivered() throws Exception {
        try (FastHttpServer fast = new FastHttpServer();
             HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(fast.url("/ping/burst")))
                     .shutdownHook(false).build()) {
            int threads = 8;
            int each = 2_500;
            List<CompletableFuture<DeliveryResult>> stages = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<CompletableFuture<DeliveryResult>> mine = new ArrayList<>();
                Thread producer = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        mine.add(client.ping().toCompletableFuture());
                    }
                    synchronized (stages) {
                        stages.addAll(mine);
                    }
                });
                producers.add(producer);
                producer.start();
            }
            go.countDown();
            for (Thread producer : producers) {
                producer.join(60_000);
            }
            assertEquals(threads * each, stages.size());
            for (CompletableFuture<DeliveryResult> stage : stages) {
                assertEquals(Outcome.DELIVERED, stage.get(60, TimeUnit.SECONDS).outcome());
            }
            HeartbeatStats stats = client.stats();
            assertEquals(threads * each, stats.enqueued() + stats.coalesced(), stats.toString());
            assertEquals(stats.enqueued(), stats.delivered(), stats.toString());
            assertEquals(0, stats.dropped(), stats.toString());
            assertNull(stats.lastError());
        }
    }
}
