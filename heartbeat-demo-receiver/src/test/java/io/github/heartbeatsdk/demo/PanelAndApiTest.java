package io.github.heartbeatsdk.demo;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.JobRun;
import io.github.heartbeatsdk.endpoints.Endpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The panel and the JSON API follow instances from alive to lost and checks from up to late to
 * down, on a clock the test moves; the SDK sends the signals, as in the examples.
 */
class PanelAndApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private DemoReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0).clock(clock)
                .effectiveTime(Duration.ofSeconds(3)).faultTolerance(Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void anInstanceIsAliveUntilTheEffectiveTimePassesWithoutABeat() throws Exception {
        try (HeartbeatClient service = HeartbeatClient.builder()
                .endpoint(Endpoints.sermantHttp(receiver.httpUrl("/sermant/heartbeat")))
                .service("order-service").appName("shop").instanceId("order-1")
                .interval(Duration.ofSeconds(1))
                .build()) {
            service.setExtInfo(() -> Collections.singletonMap("status", "started"));
            service.start();
            assertTrue(receiver.state().await(s -> !s.instances().isEmpty(), WAIT), "no beat arrived");
        } // no beat after close(): from here on only the test's clock moves

        String api = Http.get(receiver.httpUrl("/api/instances")).body();
        assertTrue(api.contains("\"service\":\"order-service\",\"instanceId\":\"order-1\",\"state\":\"alive\",\"health\":true"), api);
        assertTrue(api.contains("{\"name\":\"application\",\"version\":"), api);
        assertTrue(api.contains("\"extInfo\":{\"status\":\"started\"}"), api);
        String panel = Http.get(receiver.httpUrl("/")).body();
        assertTrue(panel.contains("<span class=\"state alive\">alive</span>"), panel);
        assertTrue(panel.contains("status = started"), panel);

        clock.advance(Duration.ofSeconds(3)); // exactly the effective time: still alive, as in sermant-backend
        assertTrue(Http.get(receiver.httpUrl("/api/instances")).body().contains("\"state\":\"alive\""));

        clock.advance(Duration.ofMillis(1));
        api = Http.get(receiver.httpUrl("/api/instances")).body();
        assertTrue(api.contains("\"state\":\"lost\",\"health\":false"), api);
        panel = Http.get(receiver.httpUrl("/")).body();
        assertTrue(panel.contains("<span class=\"state lost\">lost</span>"), panel);
        assertFalse(panel.contains("state alive"), panel);
    }

    @Test
    void aCheckIsUpThenLateThenDownWithoutPingsAndUpAgainAfterOne() throws Exception {
        try (HeartbeatClient heartbeat = HeartbeatClient.builder()
                .endpoint(Endpoints.url(receiver.httpUrl("/ping/backup")))
                .build()) {
            assertTrue(ping(heartbeat).isDelivered());
            assertEquals("up", stateOfBackup());

            clock.advance(Duration.ofSeconds(10)); // the fault tolerance: still up
            assertEquals("up", stateOfBackup());
            clock.advance(Duration.ofMillis(1));
            assertEquals("late", stateOfBackup());
            assertTrue(Http.get(receiver.httpUrl("/")).body().contains("<span class=\"state late\">late</span>"));
            clock.advance(Duration.ofSeconds(10)); // past twice the fault tolerance
            assertEquals("down", stateOfBackup());
            assertTrue(Http.get(receiver.httpUrl("/")).body().contains("<span class=\"state down\">down</span>"));

            assertTrue(ping(heartbeat).isDelivered());
            assertEquals("up", stateOfBackup());
        }
    }

    @Test
    void aFailedRunIsDownAtOnceAndItsRunIdPairsItWithItsStart() throws Exception {
        try (HeartbeatClient heartbeat = HeartbeatClient.builder()
                .endpoint(Endpoints.healthchecks(receiver.httpUrl("/hc/import")))
                .build()) {
            JobRun run = heartbeat.startJob("import");
            assertTrue(run.started().toCompletableFuture().get(30, TimeUnit.SECONDS).isDelivered());
            assertTrue(receiver.state().check("import").running());

            clock.advance(Duration.ofMillis(1500));
            assertTrue(run.fail("disk full").toCompletableFuture().get(30, TimeUnit.SECONDS).isDelivered());
        }
        CheckView check = receiver.state().check("import");
        assertEquals(CheckView.Status.DOWN, check.status());
        assertFalse(check.running());
        assertEquals(1500, check.lastRun().durationMillis());
        assertEquals("failed", check.lastRun().outcome());
        assertEquals("disk full", check.lastRun().message());
        String api = Http.get(receiver.httpUrl("/api/checks")).body();
        assertTrue(api.contains("\"name\":\"import\",\"state\":\"down\""), api);
        assertTrue(api.contains("\"outcome\":\"failed\",\"durationMillis\":1500,\"message\":\"disk full\""), api);
        assertTrue(api.contains("\"runId\":\"" + check.lastRun().runId() + "\""), api);
    }

    @Test
    void thePanelEscapesEverythingThatCameOverTheWire() throws Exception {
        String script = "<script>alert('x')</script>";
        try (HeartbeatClient service = HeartbeatClient.builder()
                .endpoint(Endpoints.sermantHttp(receiver.httpUrl("/sermant/heartbeat")))
                .service("svc<b>\"bold\"</b>").appName("a&b")
                .interval(Duration.ofSeconds(1))
                .build()) {
            service.extInfo().register("evil<plugin>", "1'0", () -> Collections.singletonMap("<k>", script));
            service.start();
            assertTrue(receiver.state().await(s -> !s.instances().isEmpty(), WAIT), "no beat arrived");
        }
        assertEquals(200, Http.get(receiver.httpUrl("/ping/%3Cimg%20src=x%20onerror=alert(1)%3E")).statusCode());

        String panel = Http.get(receiver.httpUrl("/")).body();
        assertFalse(panel.contains("<script"), panel);
        assertFalse(panel.contains("<img"), panel);
        assertFalse(panel.contains("<b>\"bold\""), panel);
        assertFalse(panel.contains("<plugin>"), panel);
        assertTrue(panel.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), panel);
        assertTrue(panel.contains("svc&lt;b&gt;&quot;bold&quot;&lt;/b&gt;"), panel);
        assertTrue(panel.contains("app a&amp;b"), panel);
        assertTrue(panel.contains("&lt;img src=x onerror=alert(1)&gt;"), panel);
        assertTrue(panel.contains("<meta http-equiv=\"refresh\""), panel);
    }

    @Test
    void theApiWritesValidJsonForAnyText() throws Exception {
        assertEquals(200, Http.send("POST", receiver.httpUrl("/hc/quotes/log"), "say \"hi\"\n\\ \u0001 ünï").statusCode());
        String api = Http.get(receiver.httpUrl("/api/checks")).body();
        assertTrue(api.contains("\"lastLog\":\"say \\\"hi\\\"\\n\\\\ \\u0001 ünï\""), api);
        String signals = Http.get(receiver.httpUrl("/api/signals")).body();
        assertTrue(signals.contains("\"channel\":\"http\",\"kind\":\"LOG\",\"target\":\"quotes\""), signals);
    }

    private DeliveryResult ping(HeartbeatClient heartbeat) throws Exception {
        return heartbeat.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private String stateOfBackup() throws Exception {
        String api = Http.get(receiver.httpUrl("/api/checks")).body();
        String prefix = "{\"name\":\"backup\",\"state\":\"";
        int at = api.indexOf(prefix);
        assertTrue(at >= 0, api);
        return api.substring(at + prefix.length(), api.indexOf('"', at + prefix.length()));
    }
}
