package io.github.heartbeatsdk;

import ch.qos.logback.classic.Level;
import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.transport.SeparatePingsEndpoint;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a code review broke on purpose: unexpected exceptions, sneaky checked exceptions, odd input. */
class RobustnessTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();

    @Test
    void aRuntimeExceptionInTheUsersOkHttpClientEndsTheSignalAndLeaksNothing() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        AtomicInteger calls = new AtomicInteger();
        OkHttpClient throwsOnce = new OkHttpClient.Builder().addInterceptor(chain -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("tracing failed for " + chain.request().url());
            }
            return chain.proceed(chain.request());
        }).build();
        try (LogCapture logs = new LogCapture()) {
            HeartbeatClient hb = clients.track(clients.builder(SeparatePingsEndpoint.of(Endpoints.url(server.url("/heartbeat/SECRET-ID-123").toString())))
                    .httpClient(throwsOnce).build());
            var first = hb.ping().toCompletableFuture();
            var second = hb.ping().toCompletableFuture();
            clients.scheduler.runDue();

            assertEquals(Outcome.REJECTED, first.getNow(null).outcome());
            assertTrue(first.getNow(null).error().contains("java.lang.IllegalStateException"), first.getNow(null).error());
            assertEquals(Outcome.DELIVERED, second.getNow(null).outcome(), "the delivery loop goes on");
            assertEquals(0, hb.stats().pending());
            assertFalse(logs.text().contains("SECRET-ID-123"), logs.text());
            assertFalse(first.getNow(null).toString().contains("SECRET-ID-123"));
        }
    }

    @Test
    void aProviderThrowingACheckedExceptionNeverStopsTheBeats() {
        RecordingEndpoint recorder = new RecordingEndpoint();
        HeartbeatClient hb = clients.track(clients.builder(recorder).interval(Duration.ofSeconds(1)).build());
        AtomicInteger calls = new AtomicInteger();
        hb.extInfo().register("db", "1", () -> {
            if (calls.getAndIncrement() == 1) {
                throw sneaky(new IOException("connection refused"));
            }
            return Map.of("ok", "yes");
        });
        hb.start();
        clients.scheduler.advance(Duration.ofSeconds(6));

        assertTrue(recorder.signals(SignalKind.BEAT).size() >= 5, recorder.kinds().toString());
        assertEquals(0, hb.stats().beatsSkipped());
    }

    @Test
    void aRecordingEndpointKeepsOneNameInResultsWhileItFills() throws Exception {
        RecordingEndpoint recorder = new RecordingEndpoint();
        HeartbeatClient hb = clients.client(recorder);
        CompletableFuture<DeliveryResult> first = hb.ping().toCompletableFuture();
        clients.scheduler.runDue();
        CompletableFuture<DeliveryResult> second = hb.ping().toCompletableFuture();
        clients.scheduler.runDue();

        assertEquals(2, recorder.signals().size());
        assertEquals("RecordingEndpoint", first.get(5, TimeUnit.SECONDS).endpoint());
        assertEquals("RecordingEndpoint", second.get(5, TimeUnit.SECONDS).endpoint(), "not a count taken at build()");
    }

    @Test
    void runSendsTheFailureOfASneakyCheckedExceptionAndRethrowsIt() {
        RecordingEndpoint recorder = new RecordingEndpoint();
        HeartbeatClient hb = clients.client(recorder);
        IOException thrown = new IOException("disk gone");

        Exception caught = assertThrows(IOException.class, () -> hb.run("backup", () -> {
            throw sneaky(thrown);
        }));
        clients.scheduler.runDue();

        assertSame(thrown, caught);
        assertEquals(List.of(SignalKind.START, SignalKind.FAIL), recorder.kinds());
        assertEquals("java.io.IOException: disk gone", recorder.last().message());
    }

    @Test
    void jobPresetsSkipPeriodicBeatsSoAServiceNeverMasksAFailedJob() {
        Signal beat = Signal.beat(1);
        assertNull(Endpoints.healthchecks("https://hc-ping.com/5bf6dd8e-8b1f-4a3c-9a3e-0c2d3b4a5f61").request(beat));
        assertNull(Endpoints.cronitor("https://cronitor.link/p/KEY/job").request(beat));
        assertNull(Endpoints.sentryCrons("https://o1.ingest.sentry.io/api/42/cron/job/KEY/").request(beat));
        assertNull(Endpoints.betterStack("https://uptime.betterstack.com/api/v1/heartbeat/TOKEN").request(beat));
        assertNull(Endpoints.uptimeKuma("https://kuma.example/api/push/TOKEN").request(beat));
        assertNull(Endpoints.deadMansSnitch("https://nosnch.in/TOKEN").request(beat));
        assertEquals(HttpMethod.GET, Endpoints.url("https://node.xitoring.com/heartbeat/ID").request(beat).method());
    }

    /** Real threads: the point is that a hanging first endpoint holds only its own thread. */
    @Test
    void aHangingFirstEndpointDoesNotDelayTheBeatsOfTheSecond() throws Exception {
        try (MockWebServer slow = new MockWebServer()) {
            slow.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
            slow.start();
            RecordingEndpoint fast = new RecordingEndpoint();
            try (HeartbeatClient hb = HeartbeatClient.builder()
                    .endpoints(Endpoints.url(slow.url("/beat").toString()), fast)
                    .interval(Duration.ofSeconds(1)).callTimeout(Duration.ofMinutes(1))
                    .flushTimeout(Duration.ZERO).shutdownHook(false).build()) {
                hb.start();
                assertTrue(fast.await(3, Duration.ofSeconds(30)), "the second endpoint kept beating");
                assertEquals(1, slow.getRequestCount());
            }
        }
    }

    @Test
    void oddInputFailsAtBuildNamingTheSetting() {
        assertEquals("host must be a host name or IP address (no scheme, port, path or user info), got 'http://backend:6888'",
                assertThrows(IllegalArgumentException.class, () -> Endpoints.sermant("http://backend:6888", 6888)).getMessage());
        assertEquals("url port must be in 1..65535, got 0 (https://example.com:0/***)",
                assertThrows(IllegalArgumentException.class, () -> Endpoints.url("https://example.com:0/secret")).getMessage());
        assertEquals("UrlEndpoint{GET http://sermant_backend:8900/***}",
                Endpoints.url("http://sermant_backend:8900/heartbeat").toString(), "docker-compose names are hosts");
        assertEquals("retryDeadline must be <= PT168H, got PT8760H", assertThrows(IllegalArgumentException.class,
                () -> HeartbeatClient.builder().retryDeadline(Duration.ofDays(365))).getMessage());
        assertEquals("callTimeout must be at least 1 ms (durations count whole milliseconds), got PT0.0005S", assertThrows(IllegalArgumentException.class,
                () -> HeartbeatClient.builder().callTimeout(Duration.ofNanos(500_000))).getMessage());
    }

    @Test
    void anotherLibrarysKeyInASharedFileIsOnlyAWarning() {
        Properties shared = new Properties();
        shared.setProperty("heartbeat.endpoint", server.url("/ping").toString());
        shared.setProperty("heartbeat.interval.ms", "3000"); // Kafka's consumer setting
        shared.setProperty("heartbeat.shutdown-hook", "false");
        try (LogCapture logs = new LogCapture()) {
            clients.track(HeartbeatClient.fromConfig(HeartbeatConfig.fromProperties(shared)));
            assertEquals(List.of("ignoring configuration key heartbeat.interval.ms: not a heartbeat-sdk key"),
                    logs.messages(Level.WARN));
        }
    }

    @Test
    void aSermantAliasInAHigherLayerBeatsTheSameSettingInALowerOne() {
        Properties system = new Properties();
        system.setProperty("agent.service.heartbeat.enable", "false");
        system.setProperty("gateway.nettyIp", "10.0.0.9");
        Properties file = new Properties();
        file.setProperty("heartbeat.enabled", "true");
        file.setProperty("heartbeat.endpoint", "sermant://10.0.0.1:6888");
        HeartbeatConfig layered = HeartbeatConfig.layered(HeartbeatConfig.fromProperties(system),
                HeartbeatConfig.fromProperties(file));

        assertFalse(layered.enabled(), "-Dagent.service.heartbeat.enable=false wins over the file");
        assertEquals("sermant://10.0.0.9:6888", layered.endpoint(), "-Dgateway.nettyIp wins over the file's endpoint");
        assertEquals("sermant://10.0.0.1:6888", HeartbeatConfig.layered(HeartbeatConfig.fromProperties(file),
                HeartbeatConfig.fromProperties(system)).endpoint(), "and the other way round");
    }

    @Test
    void aSignalOfferedAfterCloseIsCountedAndReportedOncePerEndpoint() {
        AtomicInteger failures = new AtomicInteger();
        HeartbeatClient hb = HeartbeatClient.builder().endpoints(new RecordingEndpoint(), new RecordingEndpoint())
                .listener(new HeartbeatListener() {
                    @Override
                    public void onFailure(Signal signal, DeliveryResult result) {
                        failures.incrementAndGet();
                    }
                }).shutdownHook(false).build();
        hb.close();

        DeliveryResult result = hb.ping().toCompletableFuture().getNow(null);

        assertEquals(Outcome.DROPPED, result.outcome());
        assertEquals(2, hb.stats().dropped());
        assertEquals(2, hb.stats().enqueued());
        assertEquals(2, failures.get());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
