package io.github.heartbeatsdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.BeatFactory;
import io.github.heartbeatsdk.internal.HostFacts;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A beat to an HTTP Sermant-style backend is Sermant's HeartbeatMessage JSON, field for field. */
class SermantHttpBeatTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    final FakeClock clock = new FakeClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);

    @Test
    void beatCarriesEveryMetadataFieldWithSermantsTypes() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        try (HeartbeatClient hb = HeartbeatClient.builder()
                .endpoint(Endpoints.sermantHttp(server.url("/sermant/heartbeat").toString()))
                .service("order-service").appName("shop").appType("java").artifact("order-app")
                .instanceId("17862fff-0c55-4c1a-a4f0-5d7b2a3f9f10").interval(Duration.ofSeconds(30))
                .executor(scheduler).clock(clock).shutdownHook(false).build()) {
            hb.setExtInfo(() -> Collections.singletonMap("status", "started"));
            hb.extInfo().register("template", "0.0.1", () -> Map.of("rules", 2));
            hb.start();
            scheduler.advance(Duration.ofSeconds(10));
            long firstBeat = clock.millis() - 10_000 + (scheduler.dueTimes().get(0) - clock.millis()) - 20_000;
            scheduler.advance(Duration.ofSeconds(30));

            RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
            RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("POST", first.getMethod());
            assertEquals("/sermant/heartbeat", first.getTarget());
            assertEquals("application/json; charset=utf-8", first.getHeaders().get("Content-Type"));

            JsonNode beat = new ObjectMapper().readTree(second.getBody().utf8());
            assertEquals(List.of("appName", "appType", "artifact", "dynamicInstall", "externalAgentInfoMap",
                    "heartbeatTime", "hostName", "instanceId", "ip", "lastHeartbeatTime", "pluginInfoMap",
                    "processId", "service", "version"), fieldNames(beat), "Sermant's keys, sorted like the agent's");
            assertEquals("shop", beat.get("appName").textValue());
            assertEquals("java", beat.get("appType").textValue());
            assertEquals("order-app", beat.get("artifact").textValue());
            assertEquals("order-service", beat.get("service").textValue());
            assertEquals("17862fff-0c55-4c1a-a4f0-5d7b2a3f9f10", beat.get("instanceId").textValue());
            assertEquals(HostFacts.hostName(), beat.get("hostName").textValue());
            assertTrue(beat.get("ip").isArray() && beat.get("ip").size() > 0, beat.get("ip").toString());
            beat.get("ip").forEach(ip -> assertTrue(ip.isTextual() && ip.textValue().matches("\\d+\\.\\d+\\.\\d+\\.\\d+")));
            assertTrue(beat.get("processId").isTextual(), "processId is a string in Sermant");
            assertEquals(String.valueOf(ProcessHandle.current().pid()), beat.get("processId").textValue());
            assertTrue(beat.get("dynamicInstall").isBoolean());
            assertFalse(beat.get("dynamicInstall").booleanValue());
            assertTrue(beat.get("heartbeatTime").isIntegralNumber());
            assertTrue(beat.get("lastHeartbeatTime").isIntegralNumber());
            assertEquals(30_000, beat.get("heartbeatTime").longValue() - beat.get("lastHeartbeatTime").longValue());
            assertTrue(beat.get("version").isTextual());
            assertTrue(beat.get("externalAgentInfoMap").isObject() && beat.get("externalAgentInfoMap").isEmpty());

            JsonNode plugins = beat.get("pluginInfoMap");
            assertEquals(List.of("application", "template"), fieldNames(plugins));
            JsonNode template = plugins.get("template");
            assertEquals("template", template.get("name").textValue());
            assertEquals("0.0.1", template.get("version").textValue());
            assertEquals("2", template.get("extInfo").get("rules").textValue(), "extInfo values are strings");
            assertEquals("started", plugins.get("application").get("extInfo").get("status").textValue());

            JsonNode firstJson = new ObjectMapper().readTree(first.getBody().utf8());
            assertEquals(0, firstJson.get("lastHeartbeatTime").longValue(), "the first beat has no previous one");
            assertTrue(firstJson.get("heartbeatTime").longValue() > 0);
            assertTrue(firstBeat != 0);
        }
    }

    @Test
    void defaultsAreSermantsAndEachClientIsANewInstance() {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        String firstId;
        try (HeartbeatClient hb = HeartbeatClient.builder().endpoint(endpoint).executor(scheduler).clock(clock)
                .shutdownHook(false).build()) {
            hb.start();
            scheduler.advance(Duration.ofSeconds(10));
            InstanceInfo instance = endpoint.last().instance();
            assertEquals("default", instance.service());
            assertEquals("default", instance.appName());
            assertEquals("default", instance.appType());
            assertEquals("default", instance.artifact());
            firstId = instance.instanceId();
        }
        try (HeartbeatClient hb = HeartbeatClient.builder().endpoint(endpoint).executor(scheduler).clock(clock)
                .shutdownHook(false).build()) {
            hb.start();
            scheduler.advance(Duration.ofSeconds(10));
            String secondId = endpoint.last().instance().instanceId();
            assertEquals(36, secondId.length(), "a UUID");
            assertFalse(firstId.equals(secondId), "a new instance id per client unless set");
        }
    }

    @Test
    void hostWithOnlyLoopbackStillReportsAnAddress() {
        BeatFactory factory = new BeatFactory(new BeatFactory.Identity("s", "a", "t", "r", "id"),
                new ExtInfoRegistry(), Collections::emptyList);

        assertEquals(List.of("127.0.0.1"), factory.nextBeat(1L, 0L).instance().ip());
    }

    @Test
    void sermantHttpEndpointOnlySendsBeats() {
        Endpoint endpoint = Endpoints.sermantHttp("https://backend.example/heartbeat");
        assertNull(endpoint.request(Signal.ping(1)));
        assertNull(endpoint.request(Signal.beat(1)), "a beat without metadata cannot be a HeartbeatMessage");
        assertEquals("SermantHttpEndpoint{POST https://backend.example/***}", endpoint.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
