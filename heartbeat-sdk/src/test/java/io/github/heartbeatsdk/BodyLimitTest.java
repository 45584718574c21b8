package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.endpoints.HealthchecksEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Healthchecks keeps at most Ping-Body-Limit bytes of a ping body (announced in every response);
 * the client sends the TAIL of a log or failure text within that limit, never splitting a
 * UTF-8 character.
 */
class BodyLimitTest {
    static final String UUID = "5bf6dd8e-8b1f-4a3c-9a3e-0c2d3b4a5f61";
    static final String CHECK = "/ping/" + UUID;

    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();
    final FakeClock clock = clients.clock;
    final ManualScheduler scheduler = clients.scheduler;
    HeartbeatClient client;

    private HealthchecksEndpoint endpoint() {
        return Endpoints.healthchecks(server.url(CHECK).toString());
    }

    private HeartbeatClient clientFor(Endpoint endpoint) {
        client = clients.client(endpoint);
        return client;
    }

    /** Answers the queued signal with {@code response}, delivers it and returns its request. */
    private RecordedRequest deliver(CompletionStage<DeliveryResult> stage, MockResponse response) throws Exception {
        server.enqueue(response);
        scheduler.runDue();
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request);
        assertEquals(Outcome.DELIVERED, stage.toCompletableFuture().getNow(null).outcome());
        return request;
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).build();
    }

    private static MockResponse announcing(String limit) {
        return new MockResponse.Builder().code(200).addHeader("Ping-Body-Limit", limit).build();
    }

    /** A started run whose start was answered with {@code response}. */
    private JobRun startedRun(MockResponse response) throws Exception {
        JobRun run = client.startJob("backup");
        deliver(run.started(), response);
        return run;
    }

    /** 1 000 ASCII chars where every position is distinct enough that a wrong cut shows. */
    private static String numberedText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append(String.format("%05d|", i));
        }
        return text.substring(0, length);
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    @Test
    void theDefaultLimitIsTenThousandBytes() {
        assertEquals(10_000, HealthchecksEndpoint.DEFAULT_BODY_LIMIT);
        assertEquals(10_000, endpoint().bodyLimit());
    }

    @Test
    void beforeAnyAnswerTheDefaultLimitApplies() {
        String text = numberedText(15_000);
        EndpointRequest request = endpoint().request(
                Signal.job(SignalKind.LOG, clock.millis(), "backup", "r-1", -1, 0, text));

        assertEquals(HttpMethod.POST, request.method());
        assertArrayEquals(text.substring(5_000).getBytes(StandardCharsets.UTF_8), request.body());
    }

    @Test
    void anAnswerWithoutTheHeaderKeepsTheDefault() throws Exception {
        HealthchecksEndpoint endpoint = endpoint();
        clientFor(endpoint);
        JobRun run = startedRun(ok());
        assertEquals(HealthchecksEndpoint.DEFAULT_BODY_LIMIT, endpoint.bodyLimit());

        String text = numberedText(15_000);
        RecordedRequest log = deliver(run.log(text), ok());
        assertEquals(text.substring(5_000), log.getBody().utf8());
    }

    @Test
    void theLogKeepsTheTailWithinTheAnnouncedLimit() throws Exception {
        HealthchecksEndpoint endpoint = endpoint();
        clientFor(endpoint);
        JobRun run = startedRun(announcing("100"));
        assertEquals(100, endpoint.bodyLimit());

        String text = numberedText(1_000);
        RecordedRequest log = deliver(run.log(text), ok());

        assertEquals("POST", log.getMethod());
        assertEquals(CHECK + "/log?rid=" + run.runId(), log.getTarget());
        assertEquals(100, log.getBodySize());
        assertEquals(text.substring(900), log.getBody().utf8());
    }

    @Test
    void theFailureMessageKeepsTheTailWithinTheAnnouncedLimit() throws Exception {
        clientFor(endpoint());
        JobRun run = startedRun(announcing("100"));

        String text = numberedText(1_000);
        RecordedRequest fail = deliver(run.fail(text), ok());

        assertEquals(CHECK + "/fail?rid=" + run.runId(), fail.getTarget());
        assertEquals(text.substring(900), fail.getBody().utf8());
    }

    @Test
    void aLaterAnnouncementReplacesTheLimitAndAMalformedOneIsIgnored() throws Exception {
        HealthchecksEndpoint endpoint = endpoint();
        clientFor(endpoint);
        deliver(client.ping(), announcing("100"));
        deliver(client.ping(), announcing("40"));
        assertEquals(40, endpoint.bodyLimit());
        deliver(client.ping(), announcing("lots"));
        assertEquals(40, endpoint.bodyLimit());
        deliver(client.ping(), announcing("0"));
        assertEquals(40, endpoint.bodyLimit());

        JobRun run = startedRun(ok());
        String text = numberedText(1_000);
        assertEquals(text.substring(960), deliver(run.log(text), ok()).getBody().utf8());
    }

    @Test
    void theLimitIsSharedWithCopiesMadeByWithers() throws Exception {
        HealthchecksEndpoint plain = Endpoints.healthchecks(server.url("/ping/PINGKEY/backup").toString());
        HealthchecksEndpoint creating = plain.withAutoCreate();
        clientFor(creating);
        deliver(client.ping(), announcing("100"));

        assertEquals(100, creating.bodyLimit());
        assertEquals(100, plain.bodyLimit());
    }

    @Test
    void trimmingNeverSplitsATwoByteCharacter() throws Exception {
        clientFor(endpoint());
        JobRun run = startedRun(announcing("100"));
        // 201 bytes: a naive cut of the last 100 starts on the second byte of an 'é'.
        String text = "é".repeat(100) + "x";

        byte[] body = deliver(run.log(text), ok()).getBody().toByteArray();

        String decoded = strictUtf8(body);
        assertTrue(body.length <= 100, "within the limit: " + body.length);
        assertTrue(text.endsWith(decoded), "a suffix of the text");
        assertEquals("é".repeat(49) + "x", decoded);
    }

    @Test
    void trimmingNeverSplitsAThreeByteCharacter() throws Exception {
        clientFor(endpoint());
        JobRun run = startedRun(announcing("100"));
        // 150 bytes: a naive cut of the last 100 starts on the third byte of a '€'.
        String text = "€".repeat(50);

        byte[] body = deliver(run.fail(text), ok()).getBody().toByteArray();

        String decoded = strictUtf8(body);
        assertTrue(body.length <= 100, "within the limit: " + body.length);
        assertTrue(text.endsWith(decoded), "a suffix of the text");
        assertEquals("€".repeat(33), decoded);
    }

    @Test
    void trimmingNeverSplitsAFourByteEmoji() throws Exception {
        clientFor(endpoint());
        JobRun run = startedRun(announcing("100"));
        // 121 bytes: a naive cut of the last 100 starts on the second byte of an emoji.
        String text = "😀".repeat(30) + "!";

        byte[] body = deliver(run.log(text), ok()).getBody().toByteArray();

        String decoded = strictUtf8(body);
        assertTrue(body.length <= 100, "within the limit: " + body.length);
        assertTrue(text.endsWith(decoded), "a suffix of the text");
        assertEquals("😀".repeat(24) + "!", decoded);
    }

    @Test
    void mixedTextAtEveryLimitDecodesCleanlyAndIsTheLongestFittingSuffix() throws Exception {
        String text = ("ok é € 😀 " + "ascii ").repeat(40);
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        for (int limit = 1; limit <= 64; limit++) {
            final int announced = limit;
            HealthchecksEndpoint endpoint = endpoint();
            endpoint.onResponse(new EndpointResponse() {
                @Override
                public int statusCode() {
                    return 200;
                }

                @Override
                public String header(String name) {
                    return "Ping-Body-Limit".equalsIgnoreCase(name) ? Integer.toString(announced) : null;
                }
            });
            byte[] body = endpoint.request(Signal.job(SignalKind.LOG, clock.millis(), "backup", "r-1", -1, 0, text))
                    .body();

            String decoded = strictUtf8(body);
            assertTrue(body.length <= limit, "limit " + limit + ": " + body.length + " bytes");
            assertTrue(text.endsWith(decoded), "limit " + limit + ": a suffix");
            // The longest such suffix: it starts at the first character boundary at or after the naive cut.
            int boundary = all.length - limit;
            while ((all[boundary] & 0xC0) == 0x80) {
                boundary++;
            }
            assertEquals(all.length - boundary, body.length, "limit " + limit + ": the longest fitting suffix");
        }
    }
}
