package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.endpoints.UrlEndpoint;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Promise 6 across the whole surface: every endpoint kind, each failing its own way (404, 5xx
 * until the deadline, 429 beyond it, a reset, connection refused, an unknown host, an untrusted
 * certificate, an https-to-http redirect), and every place text comes out (log lines at all
 * levels, toString() of clients, endpoints, requests, runs, results and stats, and validation
 * messages): no ping URL path, key, token or Authorization value may appear anywhere.
 */
class RedactionEverywhereTest {
    private static final String XITORING_ID = "xit7f3a9c2e11d04b";
    private static final String AUTH_TOKEN = "tokAUTH5521zz";
    private static final String HC_UUID = "3b1f8e2a-6c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String HC_PING_KEY = "pkhc8812kqzz";
    private static final String HC_SLUG = "nightlybackupslug";
    private static final String CRONITOR_KEY = "crapikey4471zz";
    private static final String CRONITOR_MONITOR = "crmonitor90zz";
    private static final String SENTRY_KEY = "sentrykey0c9d8e7f";
    private static final String SENTRY_SLUG = "sentryslug77zz";
    private static final String BETTERSTACK_TOKEN = "bstokenZq81zz";
    private static final String KUMA_TOKEN = "kumapushLp09zz";
    private static final String DMS_TOKEN = "dmssnitchTy62zz";
    private static final String SERMANT_PATH = "sermantpathQw33";
    private static final String FAN_TOKEN = "fanoutToken66zz";
    private static final String API_KEY = "apikeyHdr31zz";
    private static final String PUSHGATEWAY_PASSWORD = "pgPassW0rd55zz";
    private static final List<String> SECRETS = Arrays.asList(XITORING_ID, AUTH_TOKEN, HC_UUID, HC_PING_KEY, HC_SLUG,
            CRONITOR_KEY, CRONITOR_MONITOR, SENTRY_KEY, SENTRY_SLUG, BETTERSTACK_TOKEN, KUMA_TOKEN, DMS_TOKEN,
            SERMANT_PATH, FAN_TOKEN, API_KEY, PUSHGATEWAY_PASSWORD,
            java.util.Base64.getEncoder().encodeToString(("pusher:" + PUSHGATEWAY_PASSWORD).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));

    @StartStop
    final MockWebServer server = new MockWebServer();
    final FakeClock clock = new FakeClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final List<HeartbeatClient> clients = new ArrayList<>();
    final List<String> texts = new ArrayList<>();
    MockWebServer https;

    @AfterEach
    void tearDown() {
        clients.forEach(HeartbeatClient::close);
        if (https != null) {
            https.close();
        }
    }

    private HeartbeatClient client(HeartbeatClient.Builder builder) {
        HeartbeatClient client = builder.executor(scheduler).clock(clock).shutdownHook(false)
                .flushTimeout(Duration.ZERO).retryDeadline(Duration.ofSeconds(5)).interval(Duration.ofSeconds(1))
                .build();
        clients.add(client);
        return client;
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    private static int refusedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    /** Every signal kind a job sends, plus a ping; the stages go into {@code results}. */
    private void exercise(HeartbeatClient client, List<CompletableFuture<DeliveryResult>> results) {
        results.add(client.ping().toCompletableFuture());
        JobRun run = client.startJob("nightly");
        results.add(run.started().toCompletableFuture());
        results.add(run.log("copied 42 files").toCompletableFuture());
        results.add(run.fail(new IOException("disk full")).toCompletableFuture());
        texts.add(run.toString());
        texts.add(client.endpointName());
        assertFalse(client.endpointName().isEmpty(), "names its endpoint");
        JobRun exit = client.startJob("exit-job");
        results.add(exit.started().toCompletableFuture());
        results.add(exit.exit(3).toCompletableFuture());
    }

    @Test
    void noSecretAppearsAnywhereWhileEveryEndpointKindFails() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getTarget();
                if (target.contains(XITORING_ID) || target.contains(SERMANT_PATH) || target.contains(FAN_TOKEN)) {
                    return status(404);
                }
                if (target.contains(HC_UUID)) {
                    return status(500);
                }
                if (target.contains(BETTERSTACK_TOKEN)) {
                    return new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build();
                }
                if (target.startsWith("/metrics/job/")) { // a Pushgateway that quotes the credential it was sent
                    return new MockResponse.Builder().code(400).body("bad push by " + request.getHeaders().get("Authorization")
                            + " (pusher:" + PUSHGATEWAY_PASSWORD + ")").build();
                }
                if (target.contains(KUMA_TOKEN)) {
                    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
                }
                return status(418);
            }
        });
        https = TestTls.httpsServer();
        https.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(302)
                        .addHeader("Location", server.url("/moved/" + DMS_TOKEN).toString()).build();
            }
        });
        int refused = refusedPort();
        String base = server.url("/").toString();
        String httpsBase = https.url("/").toString();

        List<Endpoint> endpoints = new ArrayList<>();
        UrlEndpoint xitoring = Endpoints.url(base + "heartbeat/" + XITORING_ID)
                .withHeader("Authorization", "Bearer " + AUTH_TOKEN).withHeader("X-Api-Key", API_KEY);
        Endpoint hcUuid = Endpoints.healthchecks(base + HC_UUID);
        Endpoint hcSlug = Endpoints.healthchecks("http://127.0.0.1:" + refused + "/" + HC_PING_KEY + "/" + HC_SLUG);
        Endpoint cronitor = Endpoints.cronitor(
                "https://heartbeat-sdk-test.invalid/p/" + CRONITOR_KEY + "/" + CRONITOR_MONITOR);
        Endpoint sentry = Endpoints.sentryCrons(httpsBase + "api/4455/cron/" + SENTRY_SLUG + "/" + SENTRY_KEY + "/");
        Endpoint betterStack = Endpoints.betterStack(base + "api/v1/heartbeat/" + BETTERSTACK_TOKEN);
        Endpoint kuma = Endpoints.uptimeKuma(base + "api/push/" + KUMA_TOKEN);
        Endpoint snitch = Endpoints.deadMansSnitch(httpsBase + DMS_TOKEN);
        Endpoint sermantHttp = Endpoints.sermantHttp(base + "beats/" + SERMANT_PATH);
        Endpoint sermantTcp = Endpoints.sermant("127.0.0.1", refused);
        Endpoint pushgateway = Endpoints.pushgateway("http://pusher:" + PUSHGATEWAY_PASSWORD + "@" + server.getHostName()
                + ":" + server.getPort(), "nightly");
        Endpoint fanA = Endpoints.url(base + "fan/" + FAN_TOKEN);
        Endpoint fanB = Endpoints.healthchecks("http://127.0.0.1:" + refused + "/" + HC_UUID);
        endpoints.addAll(Arrays.asList(xitoring, hcUuid, hcSlug, cronitor, sentry, betterStack, kuma, snitch,
                sermantHttp, sermantTcp, fanA, fanB, pushgateway));

        List<CompletableFuture<DeliveryResult>> results = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            for (Endpoint endpoint : Arrays.asList(xitoring, hcUuid, hcSlug, cronitor, sentry, betterStack, kuma,
                    pushgateway)) {
                exercise(client(HeartbeatClient.builder().endpoint(endpoint)), results);
            }
            exercise(client(HeartbeatClient.builder().endpoint(snitch)
                    .sslSocketFactory(TestTls.CLIENT.sslSocketFactory(), TestTls.CLIENT.trustManager())), results);
            HeartbeatClient fanOut = client(HeartbeatClient.builder().endpoints(fanA, fanB));
            exercise(fanOut, results);
            client(HeartbeatClient.builder().endpoint(sermantHttp)).start();
            HeartbeatClient sermant = client(HeartbeatClient.builder().endpoint(sermantTcp));
            sermant.start();
            results.add(sermant.ping().toCompletableFuture()); // skipped: Sermant only knows beats
            HeartbeatClient beatsToo = client(HeartbeatClient.builder().endpoint(xitoring));
            beatsToo.setExtInfo(() -> java.util.Collections.singletonMap("status", "started"));
            beatsToo.start();

            scheduler.advance(Duration.ofSeconds(30));
            for (HeartbeatClient client : clients) {
                texts.add(client.toString());
                texts.add(client.stats().toString());
                texts.add(String.valueOf(client.stats().lastError()));
            }
            for (CompletableFuture<DeliveryResult> result : results) {
                DeliveryResult done = result.getNow(null);
                assertNotNull(done, "every signal ended within 30 s of virtual time");
                texts.add(done.toString());
                texts.add(String.valueOf(done.error()));
                texts.add(String.valueOf(done.endpoint()));
            }
            clients.forEach(HeartbeatClient::close);
            for (HeartbeatClient client : clients) {
                texts.add(client.toString());
            }
            String log = logs.text();
            texts.add(log);

            // The failures really happened, each its own way.
            for (String expected : Arrays.asList("HTTP 404", "HTTP 500", "HTTP 429", "HTTP 400", "bad push by ***",
                    "UnknownHostException",
                    "TLS: the server's certificate is not trusted", "redirect not followed", "127.0.0.1:" + refused)) {
                assertTrue(log.contains(expected), "expected a failure mentioning " + expected + " in:\n" + log);
            }
        }
        long delivered = results.stream().filter(r -> r.getNow(null).outcome() == Outcome.DELIVERED).count();
        assertEquals(0, delivered, "nothing was meant to get through");
        for (Endpoint endpoint : endpoints) {
            texts.add(endpoint.toString());
            for (Signal signal : sampleSignals()) {
                EndpointRequest request = endpoint.request(signal);
                if (request != null) {
                    texts.add(request.toString());
                }
            }
        }
        assertNoSecret();
    }

    private List<Signal> sampleSignals() {
        long now = clock.millis();
        return Arrays.asList(Signal.ping(now), Signal.beat(now),
                Signal.job(SignalKind.START, now, "job", "rid-1", -1, -1, null),
                Signal.job(SignalKind.SUCCESS, now, "job", "rid-1", -1, 1_000, null),
                Signal.job(SignalKind.FAIL, now, "job", "rid-1", -1, 1_000, "boom"),
                Signal.job(SignalKind.EXIT, now, "job", "rid-1", 2, 1_000, null),
                Signal.job(SignalKind.LOG, now, "job", "rid-1", -1, -1, "log text"));
    }

    @Test
    void validationMessagesNeverEchoTheSecret() {
        UrlEndpoint xitoring = Endpoints.url("https://node.xitoring.com/heartbeat/" + XITORING_ID);
        List<Executable> mistakes = Arrays.asList(
                () -> Endpoints.url("ftp://node.xitoring.com/heartbeat/" + XITORING_ID),
                () -> Endpoints.url("node.xitoring.com/heartbeat/" + XITORING_ID),
                () -> Endpoints.url("https://node.xitoring.com/heartbeat/" + XITORING_ID + " trailing words"),
                () -> Endpoints.url("https:///heartbeat/" + XITORING_ID),
                () -> xitoring.withHeader("Authorization", "Bearer " + AUTH_TOKEN + "\r\nX-Injected: 1"),
                () -> xitoring.withHeader("X-Api-Key", API_KEY + "\n"),
                () -> Endpoints.healthchecks("https://hc-ping.com/" + HC_PING_KEY),
                () -> Endpoints.healthchecks("ftp://hc-ping.com/" + HC_UUID),
                () -> Endpoints.healthchecks("https://hc-ping.com/" + HC_UUID).withAutoCreate(),
                () -> Endpoints.cronitor("https://cronitor.link/p/" + CRONITOR_KEY),
                () -> Endpoints.sentryCrons(
                        "https://o1.ingest.sentry.io/api/4455/monitors/" + SENTRY_SLUG + "/" + SENTRY_KEY + "/"),
                () -> Endpoints.betterStack("ftp://uptime.betterstack.com/api/v1/heartbeat/" + BETTERSTACK_TOKEN),
                () -> Endpoints.uptimeKuma("https://kuma.example/api/pull/" + KUMA_TOKEN),
                () -> Endpoints.deadMansSnitch("nosnch.in/" + DMS_TOKEN),
                () -> Endpoints.sermantHttp("tcp://backend/" + SERMANT_PATH),
                () -> Endpoints.parse("healthcheck+https://hc-ping.com/" + HC_UUID),
                () -> Endpoints.parse("xitoring:" + XITORING_ID),
                () -> Endpoints.parse("pushgateway+http://pusher:" + PUSHGATEWAY_PASSWORD + "@pg.example:9091/"),
                () -> Endpoints.parse("pushgateway+http://pusher:" + PUSHGATEWAY_PASSWORD + "@pg.example:9091/j?bad-name=1"),
                () -> Endpoints.pushgateway("http://pusher:" + PUSHGATEWAY_PASSWORD + "@pg.example:9091/?a=b", "job"),
                () -> Endpoints.parse("cronitor+https://cronitor.link/p/" + CRONITOR_KEY),
                () -> Endpoints.parse("sentry+https://o1.ingest.sentry.io/api/4455/" + SENTRY_KEY),
                () -> HeartbeatClient.builder().endpoint(xitoring).endpoint(xitoring),
                () -> HeartbeatClient.builder()
                        .endpoints(xitoring, Endpoints.healthchecks("https://hc-ping.com/" + HC_UUID))
                        .endpoint(xitoring),
                () -> HeartbeatClient.builder().proxy("proxy.example", 3128).proxy("proxy.example", 3128),
                () -> HeartbeatClient.fromConfig(HeartbeatConfig.fromProperties(properties(
                        "heartbeat.endpoint", "cronitor+https://cronitor.link/p/" + CRONITOR_KEY))),
                () -> HeartbeatClient.fromConfig(HeartbeatConfig.fromProperties(properties(
                        "heartbeat.endpoint", "https://node.xitoring.com/heartbeat/" + XITORING_ID,
                        "heartbeat.endpiont", "https://node.xitoring.com/heartbeat/" + XITORING_ID))),
                () -> HeartbeatClient.fromConfig(HeartbeatConfig.fromProperties(properties(
                        "heartbeat.endpoint", "deadmanssnitch+ftp://nosnch.in/" + DMS_TOKEN))));
        for (Executable mistake : mistakes) {
            RuntimeException thrown = assertThrows(RuntimeException.class, mistake);
            texts.add(String.valueOf(thrown.getMessage()));
            texts.add(thrown.toString());
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains("https://node.xitoring.com/***")), texts.toString());
        assertNoSecret();
    }

    // Header values OkHttp would refuse (control or non-ASCII characters) fail at build, never echoed.
    @Test
    void headerValueThatOkHttpRefusesIsRejectedAtBuildOrAtLeastNeverEchoed() {
        String value = "s\u00e9cret-" + API_KEY;
        UrlEndpoint endpoint;
        try {
            endpoint = Endpoints.url(server.url("/heartbeat/" + XITORING_ID).toString()).withHeader("X-Api-Key", value);
        } catch (IllegalArgumentException fine) {
            texts.add(fine.getMessage()); // refused at build time: what promise 8 asks for
            assertNoSecret();
            return;
        }
        try (LogCapture logs = new LogCapture()) {
            HeartbeatClient client = client(HeartbeatClient.builder().endpoint(endpoint));
            CompletableFuture<DeliveryResult> result = client.ping().toCompletableFuture();
            scheduler.advance(Duration.ofSeconds(10));
            DeliveryResult done = result.getNow(null);
            assertNotNull(done);
            texts.add(done.toString());
            texts.add(client.stats().toString());
            texts.add(logs.text());
        }
        assertNoSecret();
    }

    // An impossible port fails at build, naming the setting, not later on the delivery thread.
    @Test
    void urlWithAnImpossiblePortIsRefusedAtBuildTime() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Endpoints.url("https://node.xitoring.com:99999/heartbeat/" + XITORING_ID));
        texts.add(refused.getMessage());
        assertTrue(refused.getMessage().contains("url") && refused.getMessage().contains("port"), refused.getMessage());
        assertNoSecret();
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private void assertNoSecret() {
        assertFalse(texts.isEmpty());
        for (String text : texts) {
            for (String secret : SECRETS) {
                assertFalse(text.contains(secret), "secret " + secret + " leaked in:\n" + text);
            }
        }
    }
}
