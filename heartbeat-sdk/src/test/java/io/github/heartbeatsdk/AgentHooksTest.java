package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.ApiAccess;
import io.github.heartbeatsdk.internal.SermantJson;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the agent and the command-line wrapper need of the SDK: dynamicInstall, runs resumed by id, exit with output. */
class AgentHooksTest {
    static final String CHECK = "/ping/5bf6dd8e-8b1f-4a3c-9a3e-0c2d3b4a5f61";

    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();

    @Test
    void beatsCarryDynamicInstallOnlyWhenTheAgentWasAttached() throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        HeartbeatClient.Builder attached = clients.builder(endpoint);
        ApiAccess.get().dynamicInstall(attached);
        HeartbeatClient client = clients.track(attached.build());
        client.start();
        clients.scheduler.advance(Duration.ofSeconds(31));
        Signal beat = endpoint.last();
        assertTrue(beat.instance().dynamicInstall());
        assertTrue(new String(SermantJson.heartbeatMessage(beat), StandardCharsets.UTF_8).contains("\"dynamicInstall\":true"));

        RecordingEndpoint plain = new RecordingEndpoint();
        HeartbeatClient started = clients.client(plain);
        started.start();
        clients.scheduler.advance(Duration.ofSeconds(31));
        assertFalse(plain.last().instance().dynamicInstall());
        assertTrue(new String(SermantJson.heartbeatMessage(plain.last()), StandardCharsets.UTF_8)
                .contains("\"dynamicInstall\":false"));
    }

    @Test
    void aResumedRunSendsOnlyItsEndWithTheGivenRunIdAndDuration() throws Exception {
        HeartbeatClient client = clients.client(Endpoints.cronitor(server.url("/p/KEY/backup").toString()));
        long startedAt = clients.clock.millis() - 4_500;
        JobRun run = ApiAccess.get().resumeRun(client, "backup", "run-42", startedAt);
        assertEquals(DeliveryResult.Outcome.SKIPPED, run.started().toCompletableFuture().getNow(null).outcome());
        assertEquals("run-42", run.runId());
        server.enqueue(new MockResponse.Builder().code(200).build());
        run.exit(3, "tail of the output");
        clients.scheduler.runDue();
        RecordedRequest end = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(end);
        assertEquals("fail", end.getUrl().queryParameter("state"));
        assertEquals("run-42", end.getUrl().queryParameter("series"));
        assertEquals("3", end.getUrl().queryParameter("status_code"));
        assertEquals("duration:4.500", end.getUrl().queryParameter("metric"));
        assertEquals("tail of the output", end.getUrl().queryParameter("message"));
        assertEquals(1, server.getRequestCount(), "no start signal for a resumed run");
    }

    @Test
    void exitWithOutputPostsTheTailToTheExitStatusUrl() throws Exception {
        HeartbeatClient client = clients.client(Endpoints.healthchecks(server.url(CHECK).toString()));
        JobRun run = client.startJob("backup");
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        run.exit(0, "hello\n");
        clients.scheduler.runDue();
        server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest end = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals(CHECK + "/0", end.getUrl().encodedPath());
        assertEquals("hello\n", end.getBody().utf8());
        assertThrows(IllegalArgumentException.class, () -> client.startJob("x").exit(256, "out"));
    }

    @Test
    void runIdsFromOutsideAreCheckedWithoutEchoingThem() {
        HeartbeatClient client = clients.client(new RecordingEndpoint());
        ApiAccess api = ApiAccess.get();
        for (String bad : new String[] {"", "a b", "a/b", "x?y", "a\nb", "é", "x".repeat(65)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> api.resumeRun(client, "job", bad, 0L), bad);
            assertTrue(e.getMessage().startsWith("run id "), e.getMessage());
            assertFalse(!bad.isEmpty() && e.getMessage().contains(bad), "the id is not echoed: " + e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> api.resumeRun(client, "job", null, 0L));
        assertThrows(IllegalArgumentException.class, () -> api.resumeRun(client, " ", "ok", 0L));
        assertEquals("A-z_0.9", api.resumeRun(client, "job", "A-z_0.9", 0L).runId());
    }
}
