package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.ShutdownHooks;
import io.github.heartbeatsdk.internal.transport.SeparatePingsEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caller never waits for the network; close() delivers what is pending and leaves no thread. */
class LifecycleTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private HeartbeatClient.Builder builder() {
        return HeartbeatClient.builder().endpoint(SeparatePingsEndpoint.of(Endpoints.url(server.url("/ping/secret-token").toString())))
                .shutdownHook(false);
    }

    @Test
    void serverThatNeverAnswersNeverBlocksTheCaller() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (HeartbeatClient hb = builder().callTimeout(Duration.ofMillis(200)).retryDeadline(Duration.ofMillis(900))
                .flushTimeout(Duration.ZERO).build()) {
            CompletableFuture<DeliveryResult> result = hb.ping().toCompletableFuture();
            assertFalse(result.isDone(), "ping() returned before the server could answer");

            DeliveryResult failed = result.get(30, TimeUnit.SECONDS);
            assertEquals(Outcome.FAILED, failed.outcome());
            assertTrue(failed.error().contains("timeout"), failed.error());
        }
    }

    @Test
    void closeDeliversPendingPingsBeforeReturning() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(200).headersDelay(100, TimeUnit.MILLISECONDS).build());
        }
        HeartbeatClient hb = builder().flushTimeout(Duration.ofSeconds(20)).build();
        List<CompletableFuture<DeliveryResult>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(hb.ping().toCompletableFuture());
        }

        hb.close();

        assertEquals(3, server.getRequestCount());
        for (CompletableFuture<DeliveryResult> result : results) {
            assertTrue(result.isDone());
            assertEquals(Outcome.DELIVERED, result.getNow(null).outcome());
        }
        assertEquals(0, hb.stats().pending());
    }

    @Test
    void closeGivesUpAtTheFlushTimeoutAndCountsWhatIsLeft() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        HeartbeatClient hb = builder().flushTimeout(Duration.ofMillis(300)).build();
        CompletableFuture<DeliveryResult> first = hb.ping().toCompletableFuture();
        CompletableFuture<DeliveryResult> second = hb.ping().toCompletableFuture();

        hb.close();

        assertEquals(Outcome.FAILED, first.get(5, TimeUnit.SECONDS).outcome());
        // Never attempted: DROPPED. On a loaded machine the stalled first call can break off early and be
        // retried, and the second is then in flight at the deadline: FAILED. Either way it ends once, counted.
        Outcome secondOutcome = second.get(5, TimeUnit.SECONDS).outcome();
        assertTrue(secondOutcome == Outcome.DROPPED || secondOutcome == Outcome.FAILED, secondOutcome.toString());
        HeartbeatStats stats = hb.stats();
        assertEquals(0, stats.pending());
        assertEquals(secondOutcome == Outcome.DROPPED ? 1 : 2, stats.failed());
        assertEquals(secondOutcome == Outcome.DROPPED ? 1 : 0, stats.dropped());
    }

    @Test
    void noSdkThreadIsAliveAfterClose() throws Exception {
        Set<Thread> before = SdkThreads.alive();
        server.enqueue(new MockResponse.Builder().code(200).build());
        HeartbeatClient hb = builder().build();
        hb.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Set<Thread> started = new HashSet<>(SdkThreads.alive());
        started.removeAll(before);
        assertEquals(1, started.size(), "one delivery thread per client: " + started);
        assertTrue(started.iterator().next().isDaemon());

        hb.close();

        for (Thread thread : started) {
            thread.join(5_000);
            assertFalse(thread.isAlive(), thread.getName() + " still alive");
        }
    }

    @Test
    void closeIsIdempotentAndLaterPingsAreDroppedNotThrown() throws Exception {
        HeartbeatClient hb = builder().build();
        hb.close();
        hb.close();

        DeliveryResult result = hb.ping().toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertEquals(Outcome.DROPPED, result.outcome());
        assertEquals("client is closed", result.error());
        assertEquals(0, server.getRequestCount());
        assertTrue(hb.toString().endsWith(", closed}"), hb.toString());
    }

    @Test
    void sharedExecutorIsUsedButNeverShutDown() throws Exception {
        ScheduledExecutorService shared = Executors.newSingleThreadScheduledExecutor();
        try {
            server.enqueue(new MockResponse.Builder().code(200).build());
            server.enqueue(new MockResponse.Builder().code(200).build());
            HeartbeatClient a = builder().executor(shared).build();
            HeartbeatClient b = builder().executor(shared).build();
            Set<Thread> before = SdkThreads.alive();

            assertEquals(Outcome.DELIVERED, a.ping().toCompletableFuture().get(10, TimeUnit.SECONDS).outcome());
            assertEquals(Outcome.DELIVERED, b.ping().toCompletableFuture().get(10, TimeUnit.SECONDS).outcome());
            a.close();
            b.close();

            assertFalse(shared.isShutdown());
            assertEquals(before, SdkThreads.alive(), "no thread of the SDK's own");
        } finally {
            shared.shutdownNow();
        }
    }

    @Test
    void shutdownHookRegistrationFollowsTheSettingAndClose() {
        int before = ShutdownHooks.registered();
        HeartbeatClient hooked = HeartbeatClient.builder().endpoint(Endpoints.url(server.url("/p").toString())).build();
        HeartbeatClient unhooked = builder().build();
        assertEquals(before + 1, ShutdownHooks.registered());

        hooked.close();
        unhooked.close();
        assertEquals(before, ShutdownHooks.registered());
    }

    @Test
    void closeFromAFutureCallbackOnTheDeliveryThreadDoesNotDeadlock() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        HeartbeatClient hb = builder().flushTimeout(Duration.ofSeconds(30)).build();
        CompletableFuture<Void> closed = hb.ping().toCompletableFuture().thenRun(hb::close);

        closed.get(10, TimeUnit.SECONDS);
        assertTrue(hb.toString().endsWith(", closed}"));
    }

    @Test
    void userOkHttpClientIsUsedAndNeverShutDown() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        OkHttpClient users = new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Via", "users-client").build()))
                .build();
        HeartbeatClient hb = builder().httpClient(users).build();
        assertEquals(Outcome.DELIVERED, hb.ping().toCompletableFuture().get(10, TimeUnit.SECONDS).outcome());
        hb.close();

        assertEquals("users-client", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-Via"));
        assertFalse(users.dispatcher().executorService().isShutdown());
        try (Response response = users.newCall(new Request.Builder().url(server.url("/still-usable")).build()).execute()) {
            assertEquals(200, response.code());
        }
    }

    @Test
    void closeGivesAWaitingRetryItsLastAttemptNow() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "20").build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        HeartbeatClient hb = builder().flushTimeout(Duration.ofSeconds(10)).build();
        CompletableFuture<DeliveryResult> first = hb.ping().toCompletableFuture();
        CompletableFuture<DeliveryResult> second = hb.ping().toCompletableFuture();
        server.takeRequest(10, TimeUnit.SECONDS); // the 503: the first ping now waits 20 s to retry

        hb.close();

        assertEquals(Outcome.DELIVERED, first.getNow(null).outcome());
        assertEquals(Outcome.DELIVERED, second.getNow(null).outcome());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void closeFromACallbackStillDeliversWhatIsQueued() throws Exception {
        // The start's answer is slow, so the success is surely queued when the start's callback closes.
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(300, TimeUnit.MILLISECONDS).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        HeartbeatClient hb = HeartbeatClient.builder()
                .endpoint(Endpoints.healthchecks(server.url("/ping/5bf6dd8e-8b1f-4a3c-9a3e-0c2d3b4a5f61").toString()))
                .shutdownHook(false).flushTimeout(Duration.ofSeconds(20)).build();
        JobRun run = hb.startJob("report");
        run.started().thenRun(hb::close);
        CompletableFuture<DeliveryResult> success = run.success().toCompletableFuture();

        assertEquals(Outcome.DELIVERED, success.get(30, TimeUnit.SECONDS).outcome());
        assertTrue(server.takeRequest(10, TimeUnit.SECONDS).getTarget().contains("/start"));
        assertFalse(server.takeRequest(10, TimeUnit.SECONDS).getTarget().contains("/start"), "then the success");
    }
}
