package io.github.heartbeatsdk;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.heartbeatsdk.FakeSermantBackend.BeatRecord;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.HostFacts;
import io.github.heartbeatsdk.internal.SdkVersion;
import io.github.heartbeatsdk.internal.transport.SermantTcpTransport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Beats to a sermant-backend over its own TCP protocol, checked by {@link FakeSermantBackend}, a
 * real socket server with its own decoder: the frame layout, the JSON, one persistent
 * connection, reconnects after the backend closes an idle connection or was down, and pings
 * that Sermant cannot carry.
 */
class SermantTcpTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long CLOCK_START = new FakeClock().millis();

    final FakeClock clock = new FakeClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);

    /** A client on virtual time: its socket I/O runs on this thread inside scheduler.advance(). */
    private HeartbeatClient.Builder virtualTime(int port, Duration interval) {
        return HeartbeatClient.builder().endpoint(Endpoints.sermant("127.0.0.1", port)).service("order-service")
                .appName("shop").interval(interval).connectTimeout(Duration.ofSeconds(5)).executor(scheduler)
                .clock(clock).shutdownHook(false).flushTimeout(Duration.ZERO);
    }

    // a.
    @Test
    void beatIsOneAgentLayoutFrameWithSermantsHeartbeatMessage() throws Exception {
        try (FakeSermantBackend backend = new FakeSermantBackend();
             HeartbeatClient client = HeartbeatClient.builder()
                     .endpoint(Endpoints.sermant("127.0.0.1", backend.port())).service("order-service")
                     .appName("shop").appType("java").artifact("order-app")
                     .instanceId("17862fff-0c55-4c1a-a4f0-5d7b2a3f9f10").interval(Duration.ofSeconds(1))
                     .connectTimeout(Duration.ofSeconds(5)).executor(scheduler).clock(clock).shutdownHook(false)
                     .flushTimeout(Duration.ZERO).build()) {
            client.setExtInfo(() -> Collections.singletonMap("status", "started"));
            client.extInfo().register("template", "0.0.1", () -> Map.of("k", "v"));
            client.start();

            scheduler.advance(Duration.ofSeconds(1)); // the first beat comes within min(interval, 10 s)
            BeatRecord first = backend.takeBeat(WAIT);
            assertNotNull(first, "no beat arrived: " + client.stats());
            scheduler.advance(Duration.ofSeconds(1));
            BeatRecord second = backend.takeBeat(WAIT);
            assertNotNull(second, "no second beat arrived: " + client.stats());

            assertAgentFrameLayout(first.frame());
            assertAgentFrameLayout(second.frame());

            JsonNode beat = second.json();
            assertEquals(List.of("appName", "appType", "artifact", "dynamicInstall", "externalAgentInfoMap",
                    "heartbeatTime", "hostName", "instanceId", "ip", "lastHeartbeatTime", "pluginInfoMap",
                    "processId", "service", "version"), sorted(fieldNames(beat)));
            assertText("shop", beat, "appName");
            assertText("java", beat, "appType");
            assertText("order-app", beat, "artifact");
            assertText("order-service", beat, "service");
            assertText("17862fff-0c55-4c1a-a4f0-5d7b2a3f9f10", beat, "instanceId");
            assertText(HostFacts.hostName(), beat, "hostName");
            assertText(SdkVersion.VERSION, beat, "version");

            JsonNode ip = beat.get("ip");
            assertTrue(ip.isArray() && ip.size() > 0, "ip is a non-empty array: " + ip);
            ip.forEach(address -> assertTrue(address.isTextual()
                    && address.textValue().matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"), "ip " + address));

            JsonNode processId = beat.get("processId");
            assertTrue(processId.isTextual(), "processId is a string in Sermant: " + processId);
            assertEquals(String.valueOf(ProcessHandle.current().pid()), processId.textValue());

            assertTrue(beat.get("dynamicInstall").isBoolean(), "dynamicInstall is a boolean");
            assertFalse(beat.get("dynamicInstall").booleanValue());

            JsonNode heartbeatTime = beat.get("heartbeatTime");
            JsonNode lastHeartbeatTime = beat.get("lastHeartbeatTime");
            assertTrue(heartbeatTime.isIntegralNumber() && heartbeatTime.canConvertToLong(), "heartbeatTime: long");
            assertTrue(lastHeartbeatTime.isIntegralNumber() && lastHeartbeatTime.canConvertToLong(),
                    "lastHeartbeatTime: long");
            assertEquals(first.heartbeatTime() + 1_000, heartbeatTime.longValue(), "one interval later, virtual time");
            assertEquals(first.heartbeatTime(), lastHeartbeatTime.longValue());
            assertEquals(0, first.json().get("lastHeartbeatTime").longValue(), "the first beat has no previous one");
            assertTrue(first.heartbeatTime() >= CLOCK_START && first.heartbeatTime() <= CLOCK_START + 1_000,
                    "heartbeatTime is epoch ms from the injected clock: " + first.heartbeatTime());

            JsonNode external = beat.get("externalAgentInfoMap");
            assertTrue(external.isObject() && external.isEmpty(), "externalAgentInfoMap: " + external);

            JsonNode plugins = beat.get("pluginInfoMap");
            assertTrue(plugins.isObject());
            assertEquals(List.of("application", "template"), sorted(fieldNames(plugins)));
            JsonNode template = plugins.get("template");
            assertEquals(List.of("extInfo", "name", "version"), sorted(fieldNames(template)));
            assertText("template", template, "name");
            assertText("0.0.1", template, "version");
            assertTrue(template.get("extInfo").isObject());
            assertEquals(List.of("k"), fieldNames(template.get("extInfo")));
            assertText("v", template.get("extInfo"), "k");

            JsonNode application = plugins.get("application");
            assertText("application", application, "name");
            assertTrue(application.get("version").isTextual());
            assertEquals(List.of("status"), fieldNames(application.get("extInfo")));
            assertText("started", application.get("extInfo"), "status");

            // Two beats, or three when the first one's jitter drew 0 ms (the ticks then land on 0, 1 and 2 s).
            assertTrue(client.stats().delivered() == 2 || client.stats().delivered() == 3, client.stats().toString());
            assertEquals(1, backend.connectionsAccepted());
            assertTrue(backend.errors().isEmpty(), backend.errors().toString());
        }
    }

    // b.
    @Test
    void severalBeatsTravelOnOnePersistentConnection() throws Exception {
        try (FakeSermantBackend backend = new FakeSermantBackend()) {
            HeartbeatClient client = HeartbeatClient.builder()
                    .endpoint(Endpoints.parse("sermant://127.0.0.1:" + backend.port())).interval(Duration.ofSeconds(1))
                    .executor(scheduler).clock(clock).shutdownHook(false).flushTimeout(Duration.ZERO).build();
            try {
                client.start();
                scheduler.advance(Duration.ofSeconds(1));
                List<BeatRecord> beats = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    if (i > 0) {
                        scheduler.advance(Duration.ofSeconds(1));
                    }
                    BeatRecord beat = backend.takeBeat(WAIT);
                    assertNotNull(beat, "beat " + i + " did not arrive: " + client.stats());
                    beats.add(beat);
                }
                for (int i = 0; i < beats.size(); i++) {
                    assertEquals(1, beats.get(i).connectionNumber(), "beat " + i);
                    if (i > 0) {
                        assertEquals(beats.get(i - 1).heartbeatTime() + 1_000, beats.get(i).heartbeatTime());
                        assertEquals(beats.get(i - 1).heartbeatTime(),
                                beats.get(i).json().get("lastHeartbeatTime").longValue());
                    }
                }
                assertEquals(1, backend.connectionsAccepted(), "one persistent connection");
                assertEquals(1, backend.openConnections());
                // Five taken; a sixth may be due by now (the first beat waited out its reply window on virtual time).
                HeartbeatStats stats = client.stats();
                assertTrue(stats.delivered() >= 5, stats.toString());
                assertEquals(stats.enqueued(), stats.delivered(), stats.toString());
            } finally {
                client.close();
            }
            assertTrue(backend.awaitOpenConnections(0, WAIT), "close() closes the client's connection");
            assertEquals(client.stats().delivered(), backend.beats().size(), "every beat delivered reached the backend");
            assertTrue(backend.errors().isEmpty(), backend.errors().toString());
        }
    }

    // c.
    @Test
    void beatAfterTheServerDroppedTheConnectionGoesOnANewOneAndNoneIsLost() throws Exception {
        try (FakeSermantBackend backend = new FakeSermantBackend();
             HeartbeatClient client = virtualTime(backend.port(), Duration.ofSeconds(5)).build()) {
            client.start();
            scheduler.advance(Duration.ofSeconds(5));
            BeatRecord first = backend.takeBeat(WAIT);
            assertNotNull(first, "first beat: " + client.stats());
            assertEquals(1, first.connectionNumber());

            backend.dropConnections(); // like netty.wait.time, or a backend restart
            assertEquals(0, backend.openConnections());

            scheduler.advance(Duration.ofSeconds(5));
            BeatRecord second = backend.takeBeat(WAIT);
            assertNotNull(second, "the beat after the drop was lost: " + client.stats());
            assertEquals(2, second.connectionNumber(), "sent on a fresh connection");
            assertEquals(first.heartbeatTime() + 5_000, second.heartbeatTime(), "the very next beat, not a later one");

            scheduler.advance(Duration.ofSeconds(5));
            BeatRecord third = backend.takeBeat(WAIT);
            assertNotNull(third, "third beat: " + client.stats());
            assertEquals(2, third.connectionNumber(), "and the new connection is kept");

            HeartbeatStats stats = client.stats();
            assertTrue(stats.delivered() >= 3, stats.toString()); // a fourth may be due, as above
            assertEquals(stats.enqueued(), stats.delivered(), stats.toString());
            assertEquals(0, stats.failed(), stats.toString());
            assertEquals(0, stats.dropped(), stats.toString());
            assertEquals(2, backend.connectionsAccepted());
            assertTrue(backend.beats().size() >= 3, backend.beats().toString()); // a fourth may still be on its way
        }
    }

    // d.
    @Test
    void backendDownAtStartIsReachedWithinTheReconnectCapOnceItComesUp() throws Exception {
        int port = freePort();
        try (HeartbeatClient client = virtualTime(port, Duration.ofSeconds(5)).build()) {
            client.start();
            // Three minutes with nobody listening: long enough for the reconnect backoff to reach
            // its cap; nothing throws, every beat ends within its interval.
            scheduler.advance(Duration.ofMinutes(3));

            HeartbeatStats down = client.stats();
            assertEquals(0, down.delivered(), down.toString());
            assertTrue(down.failed() + down.dropped() >= 34, "beats end as failed or dropped: " + down);
            assertTrue(down.pending() <= 1, "no beat outlives its interval: " + down);
            assertNotNull(down.lastError(), "the connect failure is reported: " + down);

            try (FakeSermantBackend backend = new FakeSermantBackend(port)) {
                long upAt = clock.millis();
                while (client.stats().delivered() == 0 && clock.millis() - upAt < 60_000) {
                    scheduler.advance(Duration.ofMillis(100));
                }
                long reachedAfter = clock.millis() - upAt;
                assertTrue(client.stats().delivered() > 0, "never reconnected: " + client.stats());
                assertTrue(reachedAfter <= 30_000, "reconnected " + reachedAfter + " ms after the backend came up, "
                        + "beyond the 30 s reconnect cap: " + client.stats());

                BeatRecord first = backend.takeBeat(WAIT);
                assertNotNull(first, "delivered() counted a beat the backend never got: " + client.stats());
                assertEquals(1, first.connectionNumber());
                long next = first.heartbeatTime() + 5_000;
                if (clock.millis() < next) {
                    scheduler.advance(Duration.ofMillis(next - clock.millis()));
                }
                for (int i = 1; i <= 3; i++) {
                    BeatRecord beat = backend.takeBeat(WAIT);
                    assertNotNull(beat, "beat " + i + " after reconnecting: " + client.stats());
                    assertEquals(first.heartbeatTime() + 5_000L * i, beat.heartbeatTime(), "every interval, beat " + i);
                    assertEquals(1, beat.connectionNumber());
                    scheduler.advance(Duration.ofSeconds(5));
                }
                assertEquals(1, backend.connectionsAccepted());
                assertTrue(backend.errors().isEmpty(), backend.errors().toString());
            }
        }
    }

    // c', the same on a backend restart: it goes away with our connection and comes back on its port.
    @Test
    void backendRestartedBetweenBeatsGetsTheNextBeat() throws Exception {
        FakeSermantBackend before = new FakeSermantBackend();
        int port = before.port();
        try (HeartbeatClient client = virtualTime(port, Duration.ofSeconds(5)).build()) {
            BeatRecord first;
            try {
                client.start();
                scheduler.advance(Duration.ofSeconds(5));
                first = before.takeBeat(WAIT);
                assertNotNull(first, "first beat: " + client.stats());
            } finally {
                before.close();
            }
            try (FakeSermantBackend after = new FakeSermantBackend(port)) {
                scheduler.advance(Duration.ofSeconds(5));
                BeatRecord second = after.takeBeat(WAIT);
                assertNotNull(second, "the beat after the restart was lost: " + client.stats());
                assertEquals(first.heartbeatTime() + 5_000, second.heartbeatTime());
                assertEquals(1, after.connectionsAccepted());
                // A new connection's first beat ends once the backend's silence has lasted the reply window;
                // by then every beat taken so far (two or three: the first comes at start()) is delivered.
                scheduler.advance(Duration.ofMillis(SermantTcpTransport.REPLY_WINDOW_MILLIS));
                HeartbeatStats stats = client.stats();
                assertTrue(stats.delivered() >= 2, stats.toString());
                assertEquals(stats.enqueued(), stats.delivered(), stats.toString());
                assertEquals(0, client.stats().failed() + client.stats().dropped(), client.stats().toString());
            }
        }
    }

    // e.
    @Test
    void intervalLongerThanTheServersIdleTimeoutStillDeliversEveryBeat() throws Exception {
        try (FakeSermantBackend backend = new FakeSermantBackend(0, Duration.ofMillis(300));
             HeartbeatClient client = HeartbeatClient.builder()
                     .endpoint(Endpoints.sermant("127.0.0.1", backend.port())).interval(Duration.ofSeconds(1))
                     .shutdownHook(false).build()) {
            client.start(); // real time, on the client's own thread
            List<BeatRecord> beats = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                BeatRecord beat = backend.takeBeat(WAIT);
                assertNotNull(beat, "beat " + i + " did not arrive: " + client.stats() + ", idle-closed "
                        + backend.idleClosedConnections());
                beats.add(beat);
            }
            Set<Integer> connections = new LinkedHashSet<>();
            beats.forEach(b -> connections.add(b.connectionNumber()));
            assertTrue(connections.size() >= 3, "the backend closed idle connections, the client reconnected: "
                    + connections);
            long first = beats.get(0).heartbeatTime();
            for (int i = 1; i < beats.size(); i++) {
                JsonNode beat = beats.get(i).json();
                assertEquals(beats.get(i - 1).heartbeatTime(), beat.get("lastHeartbeatTime").longValue(),
                        "beat " + i + " follows beat " + (i - 1) + " directly: none lost");
                // heartbeatTime is the real clock read when the tick ran, so it is on the fixed-rate
                // grid give or take the executor's lateness, never exactly.
                long offset = beats.get(i).heartbeatTime() - first;
                assertEquals(i, Math.round(offset / 1000.0), "beat " + i + " is " + offset + " ms after the first");
            }
            assertEquals(0, client.stats().failed(), client.stats().toString());
            assertTrue(backend.errors().isEmpty(), backend.errors().toString());
        }
    }

    // f.
    @Test
    void pingOverSermantTcpIsSkippedAndSendsNothing() throws Exception {
        try (FakeSermantBackend backend = new FakeSermantBackend();
             HeartbeatClient client = virtualTime(backend.port(), Duration.ofSeconds(1)).build()) {
            CompletableFuture<DeliveryResult> ping = client.ping().toCompletableFuture();
            scheduler.runDue();
            assertTrue(ping.isDone(), "the ping ended at once");
            DeliveryResult result = ping.get(0, TimeUnit.SECONDS);
            assertEquals(DeliveryResult.Outcome.SKIPPED, result.outcome(), result.toString());
            assertEquals(0, result.attempts());
            assertNull(result.error());
            HeartbeatStats stats = client.stats();
            assertEquals(1, stats.skipped(), stats.toString());
            assertEquals(0, stats.delivered(), stats.toString());
            assertEquals(0, stats.failed(), stats.toString());
            assertEquals(0, backend.connectionsAccepted(), "a ping opens no connection");

            // Anything the ping had written would reach the backend before this beat.
            client.start();
            scheduler.advance(Duration.ofSeconds(1));
            BeatRecord beat = backend.takeBeat(WAIT);
            assertNotNull(beat, client.stats().toString());
            assertEquals(0, beat.json().get("lastHeartbeatTime").longValue());
            assertEquals(1, backend.connectionsAccepted());
            assertEquals(1, backend.beats().size());
            assertEquals(beat.frame().length, backend.bytesReceived(), "the ping sent no byte");
        }
    }

    // h. A sermant-backend of the 1.0.x line (Sermant 1.0.0-1.0.7) answers each frame with a PONG and stores nothing.
    @Test
    void aSermantOneDotZeroBackendGetsEveryBeatRejectedSayingSoWithOneWarning() throws Exception {
        RecordingListener listener = new RecordingListener();
        String refusal;
        try (LogCapture logs = new LogCapture();
             FakeSermantBackend backend = FakeSermantBackend.answering(FakeSermantBackend.PONG, null,
                     Duration.ofMillis(300))) {
            refusal = "the Sermant backend at 127.0.0.1:" + backend.port() + " speaks the 1.0.x protocol (Sermant"
                    + " 1.0.0-1.0.7): it answered the beat with a HEARTBEAT_PONG and stored nothing";
            HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.sermant("127.0.0.1", backend.port()))
                    .service("order-service").interval(Duration.ofSeconds(1)).listener(listener)
                    .shutdownHook(false).build();
            try {
                client.start(); // real time: the answer comes on the fake's own thread
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (client.stats().rejected() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20); // polling a counter, not waiting for a result
                }
            } finally {
                client.close();
            }
            HeartbeatStats stats = client.stats();
            assertTrue(stats.rejected() >= 3, stats.toString());
            assertEquals(0, stats.failed() + stats.dropped() + stats.pending(), stats.toString());
            assertEquals(stats.enqueued(), stats.delivered() + stats.rejected(), "every beat ended once: " + stats);
            assertTrue(stats.lastError().contains(refusal), stats.lastError());

            List<RecordingListener.Call> calls = listener.calls();
            assertEquals(stats.enqueued(), calls.size(), "the listener heard of each beat once");
            for (int i = 0; i < calls.size(); i++) {
                DeliveryResult result = calls.get(i).result();
                if (result.outcome() == DeliveryResult.Outcome.DELIVERED) {
                    // Only when the fake's PONG took longer than the reply window; the next beat says so.
                    assertTrue(i + 1 < calls.size(), "the last beat was reported delivered: " + calls);
                    String next = calls.get(i + 1).result().error();
                    assertTrue(next != null && next.contains("; the 1 beat(s) reported delivered on this connection"
                            + " before its answer came were not stored either"), "beat " + (i + 1) + ": " + next);
                    continue;
                }
                assertEquals(DeliveryResult.Outcome.REJECTED, result.outcome(), "beat " + i + ": " + result);
                assertTrue(result.error().startsWith(refusal), result.error());
                assertTrue(result.error().endsWith("; heartbeat-sdk supports sermant-backend 1.1.0 and later (tested"
                        + " with 1.1.0 and 2.2.0)"), result.error());
                assertEquals(1, result.attempts(), result.toString());
            }

            List<String> warnings = logs.messages(Level.WARN);
            assertEquals(1, warnings.size(), "one warning a minute at most: " + warnings);
            assertTrue(warnings.get(0).contains("rejected, not retried: " + refusal), warnings.get(0));

            // The backend idle-closes the connection that carries nothing more; each new one is asked again.
            assertTrue(backend.connectionsAccepted() >= 3, backend.connectionsAccepted() + " connections");
            assertTrue(backend.awaitOpenConnections(0, WAIT), "close() closes the client's connection");
            assertEquals(backend.connectionsAccepted(), backend.beats().size(), "one beat written per connection");
        }
    }

    // g.
    @Test
    void sermantUriDefaultsToPort6888AndRejectsBadPorts() {
        assertEquals("SermantEndpoint{tcp 127.0.0.1:6888}", Endpoints.parse("sermant://127.0.0.1").toString());
        assertEquals("SermantEndpoint{tcp 127.0.0.1:6888}", Endpoints.parse("sermant://127.0.0.1/").toString());
        assertEquals("SermantEndpoint{tcp backend.example:7000}",
                Endpoints.parse("sermant://backend.example:7000").toString());
        assertEquals("SermantEndpoint{tcp 10.0.0.5:6888}", Endpoints.sermant("10.0.0.5", 6888).toString());

        assertPortRejected("0", () -> Endpoints.parse("sermant://127.0.0.1:0"));
        assertPortRejected("65536", () -> Endpoints.parse("sermant://127.0.0.1:65536"));
        assertPortRejected("-1", () -> Endpoints.parse("sermant://127.0.0.1:-1"));
        assertPortRejected("abc", () -> Endpoints.parse("sermant://127.0.0.1:abc"));
        assertPortRejected("99999999999", () -> Endpoints.parse("sermant://127.0.0.1:99999999999"));
        assertPortRejected("0", () -> Endpoints.sermant("127.0.0.1", 0));
        assertPortRejected("70000", () -> Endpoints.sermant("127.0.0.1", 70000));
    }

    private static void assertPortRejected(String port, org.junit.jupiter.api.function.Executable parse) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, parse);
        assertTrue(e.getMessage().contains("port") && e.getMessage().contains(port),
                "the message names the port " + port + ": " + e.getMessage());
    }

    // The frame as a real agent writes it: <len> 0x12 <len> 0x12 <len> <gzip bytes>, enums omitted.
    private static void assertAgentFrameLayout(byte[] frame) {
        int[] at = {0};
        int total = readVarint(frame, at);
        assertEquals(frame.length - at[0], total, "length prefix covers the rest of the frame");
        assertEquals(0x12, frame[at[0]++] & 0xFF, "NettyMessage starts with serviceData (field 2, bytes): "
                + "messageType SERVICE_DATA is omitted");
        int serviceData = readVarint(frame, at);
        assertEquals(frame.length - at[0], serviceData, "one ServiceData fills the message");
        assertEquals(0x12, frame[at[0]++] & 0xFF, "ServiceData starts with data (field 2, bytes): "
                + "dataType HEARTBEAT_DATA is omitted");
        int data = readVarint(frame, at);
        assertEquals(frame.length - at[0], data, "data fills the ServiceData");
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b}, new byte[] {frame[at[0]], frame[at[0] + 1]},
                "data is gzip");
    }

    private static int readVarint(byte[] bytes, int[] at) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = bytes[at[0]++] & 0xFF;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new AssertionError("varint32 longer than 5 bytes");
    }

    private static void assertText(String expected, JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertNotNull(value, field + " is missing from " + node);
        assertTrue(value.isTextual(), field + " is a string: " + value);
        assertEquals(expected, value.textValue(), field);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        Collections.sort(copy);
        return copy;
    }

    /** A port nobody listens on now, for a backend that comes up later. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
