package io.github.heartbeatsdk;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.SdkVersion;
import io.github.heartbeatsdk.internal.ShutdownHooks;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Configuration without code: every {@link HeartbeatConfig} source, their precedence, Sermant's
 * aliases, the disabled client, and every message a bad configuration produces.
 */
class HeartbeatConfigTest {
    /** The tail of every unknown-key message: the known keys, in the documented order. */
    static final String KNOWN_KEYS = "; known keys: heartbeat.enabled, heartbeat.endpoint, heartbeat.interval, "
            + "heartbeat.service, heartbeat.app-name, heartbeat.app-type, heartbeat.artifact, heartbeat.instance-id, "
            + "heartbeat.connect-timeout, heartbeat.read-timeout, heartbeat.call-timeout, heartbeat.retry-deadline, "
            + "heartbeat.flush-timeout, heartbeat.queue-capacity, heartbeat.max-queued-bytes, heartbeat.shutdown-hook, "
            + "heartbeat.monitors.healthchecks.api-key, heartbeat.monitors.cronitor.api-key, "
            + "heartbeat.ext-info.<plugin>.<key>";
    /** The head of the message for an endpoint URI in no known form. */
    static final String ENDPOINT_FORMS = "heartbeat.endpoint is invalid: endpoint must be an http(s) URL, "
            + "sermant://host[:port] or <preset>+<url> with preset healthchecks, cronitor, sentry, betterstack, "
            + "uptimekuma, deadmanssnitch, pushgateway or sermant-http; got ";
    /** A valid endpoint whose build touches no network. */
    static final String PLAIN_URL = "https://hc.example.com/ping/0b1c2d";
    static final String SECRET = "s3cr3t-t0ken";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A config from alternating keys and values. */
    static HeartbeatConfig config(String... keysAndValues) {
        return HeartbeatConfig.fromProperties(props(keysAndValues));
    }

    static Properties props(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    static Map<String, String> env(String... namesAndValues) {
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            environment.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return environment;
    }

    /** The message of the exception that building a client from {@code config} throws. */
    static String buildFailure(Class<? extends Throwable> type, HeartbeatConfig config) {
        return assertThrows(type, () -> HeartbeatClient.fromConfig(config).close()).getMessage();
    }

    static String buildFailure(HeartbeatConfig config) {
        return buildFailure(IllegalArgumentException.class, config);
    }

    static Set<Thread> newSdkThreads(Set<Thread> before) {
        Set<Thread> started = new HashSet<>(SdkThreads.alive());
        started.removeAll(before);
        return started;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static Dispatcher alwaysOk() {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).build();
            }
        };
    }

    /**
     * Starts {@code client}, moves virtual time past the first-beat jitter plus one
     * {@code expectedInterval}, and returns the first two beats the backend received.
     */
    static List<JsonNode> firstTwoBeats(HeartbeatClient client, ManualScheduler scheduler, MockWebServer server,
                                        Duration expectedInterval) throws Exception {
        client.start();
        Duration jitterWindow = expectedInterval.compareTo(Duration.ofSeconds(10)) < 0
                ? expectedInterval : Duration.ofSeconds(10);
        scheduler.advance(jitterWindow.plus(expectedInterval));
        List<JsonNode> beats = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertNotNull(request, "beat " + i + " within " + jitterWindow.plus(expectedInterval));
            beats.add(JSON.readTree(request.getBody().utf8()));
        }
        return beats;
    }

    static long gap(List<JsonNode> beats) {
        return beats.get(1).get("heartbeatTime").longValue() - beats.get(0).get("heartbeatTime").longValue();
    }

    /** Clients built through config, run on virtual time, closed after each test. */
    abstract static class WithClient {
        @StartStop
        final MockWebServer server = new MockWebServer();
        final FakeClock clock = new FakeClock();
        final ManualScheduler scheduler = new ManualScheduler(clock);
        final List<HeartbeatClient> clients = new ArrayList<>();

        @BeforeEach
        void answerEveryRequest() {
            server.setDispatcher(alwaysOk());
        }

        @AfterEach
        void closeClients() {
            for (HeartbeatClient client : clients) {
                client.close();
            }
        }

        String sermantHttp() {
            return "sermant-http+" + server.url("/beat");
        }

        HeartbeatClient.Builder builder() {
            return HeartbeatClient.builder().executor(scheduler).clock(clock);
        }

        HeartbeatClient track(HeartbeatClient client) {
            clients.add(client);
            return client;
        }

        HeartbeatClient build(HeartbeatConfig config) {
            return track(builder().config(config).build());
        }
    }

    @Nested
    class Sources extends WithClient {
        @Test
        void propertiesAnswerEveryKey() {
            HeartbeatConfig config = config(
                    "heartbeat.enabled", "true",
                    "heartbeat.endpoint", " " + PLAIN_URL + " ",
                    "heartbeat.interval", "45000",
                    "heartbeat.service", "order-service",
                    "heartbeat.app-name", " shop ",
                    "heartbeat.app-type", "java",
                    "heartbeat.artifact", "order-app",
                    "heartbeat.instance-id", "instance-7",
                    "heartbeat.connect-timeout", "PT2S",
                    "heartbeat.read-timeout", "3000",
                    "heartbeat.call-timeout", "4000",
                    "heartbeat.retry-deadline", "PT1M30S",
                    "heartbeat.flush-timeout", "0",
                    "heartbeat.queue-capacity", "42",
                    "heartbeat.shutdown-hook", "FALSE",
                    "heartbeat.ext-info.deploy.region", "eu-west-1",
                    "heartbeat.ext-info.deploy.zone", "b",
                    "heartbeat.ext-info.owner.team", "payments");

            assertTrue(config.enabled());
            assertEquals(PLAIN_URL, config.endpoint());
            assertEquals(Duration.ofSeconds(45), config.interval());
            assertEquals("order-service", config.service());
            assertEquals("shop", config.appName());
            assertEquals("java", config.appType());
            assertEquals("order-app", config.artifact());
            assertEquals("instance-7", config.instanceId());
            assertEquals(Duration.ofSeconds(2), config.connectTimeout());
            assertEquals(Duration.ofSeconds(3), config.readTimeout());
            assertEquals(Duration.ofSeconds(4), config.callTimeout());
            assertEquals(Duration.ofSeconds(90), config.retryDeadline());
            assertEquals(Duration.ZERO, config.flushTimeout());
            assertEquals(42, config.queueCapacity());
            assertFalse(config.shutdownHook());
            assertEquals(Map.of("deploy", Map.of("region", "eu-west-1", "zone", "b"), "owner", Map.of("team", "payments")),
                    config.extInfo());
            assertEquals(List.of("deploy", "owner"), new ArrayList<>(config.extInfo().keySet()), "sorted by plugin");
            assertEquals(18, config.keys().size());
            assertTrue(config.keys().contains("heartbeat.ext-info.owner.team"));
        }

        @Test
        void nothingSetMeansTheDocumentedDefaults() {
            HeartbeatConfig config = HeartbeatConfig.fromProperties(new Properties());

            assertTrue(config.enabled());
            assertNull(config.endpoint());
            assertEquals(Duration.ofMillis(30_000), config.interval());
            assertEquals("default", config.service());
            assertEquals("default", config.appName());
            assertEquals("default", config.appType());
            assertEquals("default", config.artifact());
            assertNull(config.instanceId());
            assertEquals(Duration.ofMillis(5_000), config.connectTimeout());
            assertEquals(Duration.ofMillis(10_000), config.readTimeout());
            assertEquals(Duration.ofMillis(15_000), config.callTimeout());
            assertEquals(Duration.ofMillis(60_000), config.retryDeadline());
            assertEquals(Duration.ofMillis(5_000), config.flushTimeout());
            assertEquals(10_000, config.queueCapacity());
            assertTrue(config.shutdownHook());
            assertEquals(Map.of(), config.extInfo());
            assertEquals(Set.of(), config.keys());
        }

        @ParameterizedTest(name = "{0} is {1} ms")
        @CsvSource({"30000, 30000", "' 2000 ', 2000", "PT30S, 30000", "PT1M, 60000", "PT1.5S, 1500", "1000, 1000"})
        void intervalIsMillisecondsOrIso8601(String value, long millis) {
            assertEquals(Duration.ofMillis(millis), config("heartbeat.interval", value).interval());
        }

        @ParameterizedTest(name = "''{0}'' is {1}")
        @CsvSource({"true, true", "TRUE, true", "' False ', false", "false, false"})
        void booleansIgnoreCaseAndSpaces(String value, boolean expected) {
            assertEquals(expected, config("heartbeat.enabled", value).enabled());
            assertEquals(expected, config("heartbeat.shutdown-hook", value).shutdownHook());
        }

        @Test
        void propertiesFileDrivesTheClient(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("heartbeat.properties");
            Files.writeString(file, String.join("\n",
                    "# Sermant-style file",
                    "heartbeat.endpoint=" + sermantHttp(),
                    "heartbeat.interval=2000",
                    "heartbeat.service=order-service",
                    "heartbeat.app-name=shop",
                    "heartbeat.app-type=java",
                    "heartbeat.artifact=order-app",
                    "heartbeat.instance-id=17862fff-0c55-4c1a-a4f0-5d7b2a3f9f10",
                    "heartbeat.shutdown-hook=false",
                    "heartbeat.ext-info.deploy.region=eu-west-1",
                    "heartbeat.ext-info.deploy.zone=b",
                    "heartbeat.ext-info.owner.team=payments",
                    ""));
            HeartbeatClient client = build(HeartbeatConfig.fromFile(file));

            assertTrue(client.isEnabled());
            assertEquals("HeartbeatClient{endpoint=SermantHttpEndpoint{POST http://" + server.getHostName() + ":"
                    + server.getPort() + "/***}}", client.toString());
            assertEquals(Set.of("deploy", "owner"), client.extInfo().names());
            List<JsonNode> beats = firstTwoBeats(client, scheduler, server, Duration.ofSeconds(2));

            assertEquals(2_000, gap(beats), "heartbeat.interval in ms");
            JsonNode beat = beats.get(1);
            assertEquals("order-service", beat.get("service").textValue());
            assertEquals("shop", beat.get("appName").textValue());
            assertEquals("java", beat.get("appType").textValue());
            assertEquals("order-app", beat.get("artifact").textValue());
            assertEquals("17862fff-0c55-4c1a-a4f0-5d7b2a3f9f10", beat.get("instanceId").textValue());
            JsonNode plugins = beat.get("pluginInfoMap");
            assertEquals(List.of("deploy", "owner"), fieldNames(plugins));
            assertEquals("deploy", plugins.get("deploy").get("name").textValue());
            assertEquals(SdkVersion.VERSION, plugins.get("deploy").get("version").textValue());
            assertEquals(JSON.readTree("{\"region\":\"eu-west-1\",\"zone\":\"b\"}"), plugins.get("deploy").get("extInfo"));
            assertEquals(JSON.readTree("{\"team\":\"payments\"}"), plugins.get("owner").get("extInfo"));
        }

        @Test
        void classpathResourceIsRead() throws Exception {
            HeartbeatConfig config = HeartbeatConfig.fromClasspath("heartbeat-test.properties");

            assertEquals(Duration.ofSeconds(45), config.interval());
            assertEquals("classpath-service", config.service());
            assertEquals("classpath-app", config.appName());
            assertEquals("default", config.appType());
            assertEquals(250, config.queueCapacity());
            assertEquals(Duration.ofSeconds(3), config.readTimeout());
            assertEquals(Map.of("build", Map.of("commit", "abc123")), config.extInfo());
            assertEquals(Set.of("heartbeat.interval", "heartbeat.service", "heartbeat.app-name",
                    "heartbeat.queue-capacity", "heartbeat.read-timeout", "heartbeat.ext-info.build.commit"), config.keys());

            HeartbeatConfig slashed = HeartbeatConfig.fromClasspath("/heartbeat-test.properties");
            assertEquals("classpath-service", slashed.service());

            HeartbeatClient client = build(HeartbeatConfig.layered(
                    config("heartbeat.endpoint", sermantHttp(), "heartbeat.shutdown-hook", "false"), config));
            List<JsonNode> beats = firstTwoBeats(client, scheduler, server, Duration.ofSeconds(45));
            assertEquals(45_000, gap(beats), "PT45S");
            assertEquals("classpath-service", beats.get(0).get("service").textValue());
            assertEquals("classpath-app", beats.get(0).get("appName").textValue());
            assertEquals("abc123", beats.get(0).get("pluginInfoMap").get("build").get("extInfo").get("commit").textValue());
        }

        @Test
        void environmentVariablesUseTheUsualMapping() throws Exception {
            Map<String, String> environment = env(
                    "HEARTBEAT_ENDPOINT", sermantHttp(),
                    "HEARTBEAT_INTERVAL", "PT3S",
                    "HEARTBEAT_APP_NAME", "env-app",
                    "HEARTBEAT_APP_TYPE", "env-type",
                    "HEARTBEAT_INSTANCE_ID", "env-instance",
                    "HEARTBEAT_CONNECT_TIMEOUT", "1500",
                    "HEARTBEAT_QUEUE_CAPACITY", "77",
                    "HEARTBEAT_SHUTDOWN_HOOK", "false",
                    "PATH", "/usr/bin",
                    "HOME", "/home/app");
            HeartbeatConfig config = HeartbeatConfig.fromEnvironment(environment);

            assertEquals(Duration.ofSeconds(3), config.interval());
            assertEquals("env-app", config.appName());
            assertEquals("env-type", config.appType());
            assertEquals("env-instance", config.instanceId());
            assertEquals("default", config.service());
            assertEquals(Duration.ofMillis(1500), config.connectTimeout());
            assertEquals(77, config.queueCapacity());
            assertFalse(config.shutdownHook());
            assertEquals(Set.of("heartbeat.endpoint", "heartbeat.interval", "heartbeat.app-name", "heartbeat.app-type",
                    "heartbeat.instance-id", "heartbeat.connect-timeout", "heartbeat.queue-capacity",
                    "heartbeat.shutdown-hook"), config.keys(), "dotted keys; other variables are not ours");

            environment.put("HEARTBEAT_APP_NAME", "changed-later");
            assertEquals("env-app", config.appName(), "the map was copied");

            HeartbeatClient client = build(config);
            List<JsonNode> beats = firstTwoBeats(client, scheduler, server, Duration.ofSeconds(3));
            assertEquals(3_000, gap(beats));
            assertEquals("env-app", beats.get(0).get("appName").textValue());
            assertEquals("env-type", beats.get(0).get("appType").textValue());
            assertEquals("env-instance", beats.get(0).get("instanceId").textValue());
        }

        @Test
        void realEnvironmentIsReadWithTheSameMapping() {
            assumeTrue(System.getenv("PATH") != null);
            assertEquals(System.getenv("PATH"), HeartbeatConfig.fromEnvironment().get("path"));
        }

        @Test
        void systemProperties() {
            System.setProperty("heartbeat.interval", "12000");
            System.setProperty("heartbeat.service", "sys-service");
            try {
                HeartbeatConfig config = HeartbeatConfig.fromSystemProperties();
                assertEquals(Duration.ofSeconds(12), config.interval());
                assertEquals("sys-service", config.service());
                assertEquals("default", config.appName());
                assertTrue(config.keys().containsAll(Set.of("heartbeat.interval", "heartbeat.service")));
            } finally {
                System.clearProperty("heartbeat.interval");
                System.clearProperty("heartbeat.service");
            }
        }

        @Test
        void aPushRegistryConfigStyleLambdaIsAConfig() throws Exception {
            Map<String, String> values = Map.of("heartbeat.endpoint", sermantHttp(), "heartbeat.interval", "PT4S",
                    "heartbeat.service", "lambda-service", "heartbeat.shutdown-hook", "false",
                    "heartbeat.intervall", "typo, not reported: keys() is empty");
            HeartbeatConfig config = values::get;

            assertEquals(Set.of(), config.keys());
            assertEquals(Map.of(), config.extInfo(), "ext info needs keys()");
            HeartbeatClient client = build(config);
            List<JsonNode> beats = firstTwoBeats(client, scheduler, server, Duration.ofSeconds(4));
            assertEquals(4_000, gap(beats));
            assertEquals("lambda-service", beats.get(0).get("service").textValue());
        }

        @Test
        void shutdownHookFollowsTheKey() {
            int before = ShutdownHooks.registered();
            HeartbeatClient hooked = build(config("heartbeat.endpoint", PLAIN_URL));
            assertEquals(before + 1, ShutdownHooks.registered(), "default true");
            HeartbeatClient unhooked = build(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.shutdown-hook", "false"));
            assertEquals(before + 1, ShutdownHooks.registered());
            hooked.close();
            unhooked.close();
            assertEquals(before, ShutdownHooks.registered());
        }

        @Test
        void standardLayersSystemPropertiesOverTheFile(@TempDir Path dir) throws IOException {
            assumeTrue(System.getenv().keySet().stream().noneMatch(name -> name.startsWith("HEARTBEAT_")),
                    "the real environment sets HEARTBEAT_* variables");
            Path file = dir.resolve("heartbeat.properties");
            Files.writeString(file, "heartbeat.interval=4000\nheartbeat.service=file-service\n");

            assertEquals(Duration.ofSeconds(4), HeartbeatConfig.standard(file).interval());
            System.setProperty("heartbeat.interval", "2000");
            try {
                HeartbeatConfig config = HeartbeatConfig.standard(file);
                assertEquals(Duration.ofSeconds(2), config.interval());
                assertEquals("file-service", config.service());
                assertEquals(Duration.ofSeconds(2), HeartbeatConfig.standard(null).interval());
                assertEquals("default", HeartbeatConfig.standard(null).service());
            } finally {
                System.clearProperty("heartbeat.interval");
            }
        }
    }

    @Nested
    class Precedence extends WithClient {
        @Test
        void systemPropertyThenEnvironmentThenFileThenDefault(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("heartbeat.properties");
            Files.writeString(file, "heartbeat.interval=4000\nheartbeat.service=file-service\nheartbeat.artifact=file-artifact\n");
            Map<String, String> environment = env("HEARTBEAT_INTERVAL", "3000", "HEARTBEAT_SERVICE", "env-service");

            System.setProperty("heartbeat.interval", "2000");
            try {
                HeartbeatConfig all = layers(environment, file);
                assertEquals(Duration.ofSeconds(2), all.interval(), "system property wins");
                assertEquals("env-service", all.service(), "each key on its own: environment over file");
                assertEquals("file-artifact", all.artifact(), "only in the file");
                assertEquals("default", all.appName(), "nowhere");
            } finally {
                System.clearProperty("heartbeat.interval");
            }
            assertEquals(Duration.ofSeconds(3), layers(environment, file).interval(), "environment next");

            environment.remove("HEARTBEAT_INTERVAL");
            assertEquals(Duration.ofSeconds(4), layers(environment, file).interval(), "file next");

            Files.writeString(file, "heartbeat.service=file-service\n");
            assertEquals(Duration.ofSeconds(30), layers(environment, file).interval(), "default last");
        }

        private HeartbeatConfig layers(Map<String, String> environment, Path file) {
            return HeartbeatConfig.layered(HeartbeatConfig.fromSystemProperties(),
                    HeartbeatConfig.fromEnvironment(environment), HeartbeatConfig.fromFile(file));
        }

        @Test
        void layeredConfigDrivesTheClient(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("heartbeat.properties");
            Files.writeString(file, "heartbeat.interval=4000\nheartbeat.service=file-service\n"
                    + "heartbeat.endpoint=https://file.example.com/never/used\n");
            System.setProperty("heartbeat.interval", "2000");
            HeartbeatConfig config;
            try {
                config = layers(env("HEARTBEAT_INTERVAL", "3000", "HEARTBEAT_ENDPOINT", sermantHttp(),
                        "HEARTBEAT_SHUTDOWN_HOOK", "false"), file);
            } finally {
                System.clearProperty("heartbeat.interval");
            }
            HeartbeatClient client = build(config);
            assertEquals("HeartbeatClient{endpoint=SermantHttpEndpoint{POST http://" + server.getHostName() + ":"
                    + server.getPort() + "/***}}", client.toString(), "endpoint from the environment, over the file");
            List<JsonNode> beats = firstTwoBeats(client, scheduler, server, Duration.ofSeconds(2));
            assertEquals(2_000, gap(beats), "interval from the system property");
            assertEquals("file-service", beats.get(0).get("service").textValue());
        }

        @Test
        void layersAreAskedHighestFirst() {
            HeartbeatConfig high = config("heartbeat.service", "high");
            HeartbeatConfig low = config("heartbeat.service", "low", "heartbeat.app-name", "low-app");
            assertEquals("high", HeartbeatConfig.layered(high, low).service());
            assertEquals("low", HeartbeatConfig.layered(low, high).service());
            assertEquals("low-app", HeartbeatConfig.layered(high, low).appName());
            assertEquals(Set.of("heartbeat.service", "heartbeat.app-name"), HeartbeatConfig.layered(high, low).keys());
        }

        @Test
        void explicitBuilderCallsWinOverConfig() throws Exception {
            HeartbeatConfig config = config("heartbeat.endpoint", sermantHttp(), "heartbeat.interval", "2000",
                    "heartbeat.service", "config-service", "heartbeat.app-name", "config-app",
                    "heartbeat.shutdown-hook", "false");
            HeartbeatClient client = track(builder().config(config).interval(Duration.ofSeconds(7))
                    .service("code-service").build());

            List<JsonNode> beats = firstTwoBeats(client, scheduler, server, Duration.ofSeconds(7));
            assertEquals(7_000, gap(beats), "builder's interval over heartbeat.interval=2000");
            assertEquals("code-service", beats.get(0).get("service").textValue());
            assertEquals("config-app", beats.get(0).get("appName").textValue(), "what the builder leaves unset");
        }

        @Test
        void explicitBuilderCallsWinWhicheverComesFirst() throws Exception {
            HeartbeatConfig config = config("heartbeat.endpoint", sermantHttp(), "heartbeat.interval", "2000",
                    "heartbeat.shutdown-hook", "false");
            HeartbeatClient client = track(builder().interval(Duration.ofSeconds(7)).config(config).build());

            assertEquals(7_000, gap(firstTwoBeats(client, scheduler, server, Duration.ofSeconds(7))));
        }

        @Test
        void explicitEndpointAndShutdownHookWinOverConfig() {
            int before = ShutdownHooks.registered();
            HeartbeatConfig config = config("heartbeat.endpoint", "https://config.example.com/ping/abc",
                    "heartbeat.shutdown-hook", "true");
            HeartbeatClient client = track(builder().config(config)
                    .endpoint(Endpoints.url("https://code.example.com/ping/xyz")).shutdownHook(false).build());

            assertEquals("HeartbeatClient{endpoint=UrlEndpoint{GET https://code.example.com/***}}", client.toString());
            assertEquals(before, ShutdownHooks.registered());
        }
    }

    @Nested
    class Aliases extends WithClient {
        @Test
        void nettyIpAndPortNameASermantBackend() {
            HeartbeatConfig config = config("gateway.nettyIp", "10.1.2.3", "gateway.nettyPort", "7000",
                    "heartbeat.shutdown-hook", "false");

            assertEquals("sermant://10.1.2.3:7000", config.endpoint());
            assertEquals("HeartbeatClient{endpoint=SermantEndpoint{tcp 10.1.2.3:7000}}", build(config).toString());
        }

        @Test
        void nettyIpOrPortAloneTakeSermantsDefaultsForTheOther() {
            HeartbeatConfig ipOnly = config("gateway.nettyIp", "10.1.2.3", "heartbeat.shutdown-hook", "false");
            HeartbeatConfig portOnly = config("gateway.nettyPort", "7000", "heartbeat.shutdown-hook", "false");

            assertEquals("HeartbeatClient{endpoint=SermantEndpoint{tcp 10.1.2.3:6888}}", build(ipOnly).toString());
            assertEquals("HeartbeatClient{endpoint=SermantEndpoint{tcp 127.0.0.1:7000}}", build(portOnly).toString());
        }

        @Test
        void sermantsConfigPropertiesWorksAsItIs(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("config.properties");
            Files.writeString(file, String.join("\n",
                    "agent.config.isEnhanceBootStrapEnable=false",
                    "agent.service.heartbeat.enable=true",
                    "agent.service.gateway.enable=true",
                    "heartbeat.interval=30000",
                    "gateway.nettyIp=127.0.0.1",
                    "gateway.nettyPort=6888",
                    "gateway.nettyConnectTimeout=5000",
                    "gateway.initReconnectInternalTime=5",
                    ""));
            HeartbeatConfig config = HeartbeatConfig.fromFile(file);

            assertTrue(config.enabled());
            assertEquals(Duration.ofSeconds(30), config.interval());
            assertEquals(Duration.ofSeconds(5), config.connectTimeout());
            HeartbeatClient client = track(builder().config(config).shutdownHook(false).build());
            assertTrue(client.isEnabled());
            assertEquals("HeartbeatClient{endpoint=SermantEndpoint{tcp 127.0.0.1:6888}}", client.toString());
        }

        @Test
        void sermantEnableFalseDisables() {
            HeartbeatConfig config = config("agent.service.heartbeat.enable", "false");

            assertFalse(config.enabled());
            HeartbeatClient client = build(config);
            assertFalse(client.isEnabled(), "no endpoint needed either");
        }

        @Test
        void sermantEnableTrueEnables() {
            HeartbeatClient client = build(config("agent.service.heartbeat.enable", "true",
                    "gateway.nettyIp", "10.1.2.3", "heartbeat.shutdown-hook", "false"));
            assertTrue(client.isEnabled());
        }

        @Test
        void nettyConnectTimeoutIsTheConnectTimeoutInMilliseconds() {
            assertEquals(Duration.ofMillis(1234), config("gateway.nettyConnectTimeout", "1234").connectTimeout());
        }

        @Test
        void heartbeatKeysWinOverSermantAliases() {
            HeartbeatConfig config = config(
                    "heartbeat.enabled", "true", "agent.service.heartbeat.enable", "false",
                    "heartbeat.endpoint", PLAIN_URL, "gateway.nettyIp", "10.1.2.3", "gateway.nettyPort", "7000",
                    "heartbeat.connect-timeout", "2000", "gateway.nettyConnectTimeout", "1234",
                    "heartbeat.shutdown-hook", "false");

            assertTrue(config.enabled());
            assertEquals(PLAIN_URL, config.endpoint());
            assertEquals(Duration.ofMillis(2000), config.connectTimeout());
            HeartbeatClient client = build(config);
            assertTrue(client.isEnabled());
            assertEquals("HeartbeatClient{endpoint=UrlEndpoint{GET https://hc.example.com/***}}", client.toString());

            HeartbeatConfig disabled = config("heartbeat.enabled", "false", "agent.service.heartbeat.enable", "true");
            assertFalse(disabled.enabled());
            assertFalse(build(disabled).isEnabled());
        }
    }

    @Nested
    class DisabledClient extends WithClient {
        @Test
        void doesNothingStartsNoThreadAndNeedsNoEndpoint() throws Exception {
            Set<Thread> before = SdkThreads.alive();
            HeartbeatClient client = track(HeartbeatClient.fromConfig(config("heartbeat.enabled", "false")));

            assertFalse(client.isEnabled());
            DeliveryResult ping = client.ping().toCompletableFuture().getNow(null);
            assertNotNull(ping, "completed at once");
            assertEquals(Outcome.SKIPPED, ping.outcome());
            assertEquals("heartbeat disabled by configuration", ping.error());
            assertEquals(0, ping.attempts());
            assertEquals(0, ping.statusCode());

            client.start();
            JobRun run = client.startJob("nightly-backup");
            assertEquals(Outcome.SKIPPED, run.started().toCompletableFuture().getNow(null).outcome());
            assertEquals(Outcome.SKIPPED, run.success().toCompletableFuture().getNow(null).outcome());
            AtomicBoolean ran = new AtomicBoolean();
            client.run("report", () -> ran.set(true));
            assertTrue(ran.get(), "the job itself still runs");
            assertEquals("42", client.call("answer", () -> "42"));

            assertEquals(Set.of(), newSdkThreads(before));
            assertEquals(0, client.stats().enqueued());
            client.close();
            assertEquals(Set.of(), newSdkThreads(before));
        }

        /** The same calls on an enabled client do start a thread and send: the checks above can fail. */
        @Test
        void enabledCounterpartStartsAThreadAndSends() throws Exception {
            Set<Thread> before = SdkThreads.alive();
            HeartbeatClient client = track(HeartbeatClient.fromConfig(config("heartbeat.enabled", "true",
                    "heartbeat.endpoint", server.url("/ping").toString(), "heartbeat.shutdown-hook", "false")));

            assertTrue(client.isEnabled());
            assertEquals(Outcome.DELIVERED, client.ping().toCompletableFuture().get(10, TimeUnit.SECONDS).outcome());
            assertEquals(1, newSdkThreads(before).size());
            assertEquals(1, server.getRequestCount());
        }

        @Test
        void sendsNothingEvenWithAnEndpoint() {
            HeartbeatClient client = build(config("heartbeat.enabled", "false",
                    "heartbeat.endpoint", sermantHttp(), "heartbeat.interval", "1000"));

            client.start();
            client.ping();
            client.startJob("job").success();
            scheduler.advance(Duration.ofMinutes(5));
            client.close();

            assertEquals(0, scheduler.pending(), "nothing scheduled");
            assertEquals(0, server.getRequestCount());
            assertEquals(0, client.stats().enqueued());
        }

        @Test
        void registersNoShutdownHook() {
            int before = ShutdownHooks.registered();
            HeartbeatClient client = build(config("heartbeat.enabled", "false", "heartbeat.endpoint", PLAIN_URL));
            assertTrue(build(config("heartbeat.endpoint", PLAIN_URL)).isEnabled());
            assertEquals(before + 1, ShutdownHooks.registered(), "only the enabled one");
            assertFalse(client.isEnabled());
        }

        @Test
        void disabledFromTheEnvironment() {
            assertFalse(build(HeartbeatConfig.fromEnvironment(env("HEARTBEAT_ENABLED", "false"))).isEnabled());
        }

        @Test
        void aDisabledConfigIsStillChecked() {
            assertEquals("heartbeat.interval must be milliseconds or an ISO-8601 duration such as PT30S, got 'abc'",
                    buildFailure(config("heartbeat.enabled", "false", "heartbeat.interval", "abc")));
            assertEquals("unknown heartbeat configuration key: heartbeat.servce (did you mean heartbeat.service?)"
                    + KNOWN_KEYS, buildFailure(config("heartbeat.enabled", "false", "heartbeat.servce", "x")));
        }
    }

    @Nested
    class ValidationMessages {
        @Test
        void unknownKeyWithDidYouMeanHint() {
            assertEquals("unknown heartbeat configuration key: heartbeat.intervall (did you mean heartbeat.interval?)"
                            + KNOWN_KEYS,
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.intervall", "5000")));
        }

        @Test
        void hintIgnoresCaseAndUnderscores() {
            assertEquals("unknown heartbeat configuration key: Heartbeat.App_Name (did you mean heartbeat.app-name?)"
                            + KNOWN_KEYS,
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "Heartbeat.App_Name", "shop")));
        }

        @Test
        void unknownKeyFarFromAnyKnownKeyHasNoHint() {
            assertEquals("unknown heartbeat configuration key: heartbeat.colour" + KNOWN_KEYS,
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.colour", "blue")));
            assertEquals("unknown heartbeat configuration key: heartbeat.ext-info.deploy" + KNOWN_KEYS,
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.ext-info.deploy", "x")),
                    "ext info needs <plugin>.<key>");
            assertEquals("unknown heartbeat configuration key: heartbeat.ext-info. .version" + KNOWN_KEYS,
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.ext-info. .version", "1.0")),
                    "a blank plugin name is no plugin");
        }

        @Test
        void severalUnknownKeysAreReportedAtOnce() {
            HeartbeatConfig config = HeartbeatConfig.layered(config("heartbeat.servce", "a"),
                    config("heartbeat.app-nmae", "b"), config("heartbeat.colour", "c"),
                    config("heartbeat.endpoint", PLAIN_URL));
            assertEquals("unknown heartbeat configuration keys: heartbeat.servce (did you mean heartbeat.service?), "
                    + "heartbeat.app-nmae (did you mean heartbeat.app-name?), heartbeat.colour" + KNOWN_KEYS,
                    buildFailure(config));
        }

        @Test
        void unknownHeartbeatEnvironmentVariableIsAWarningNotAFailure() {
            // Environments carry variables nobody chose (Kubernetes adds HEARTBEAT_SERVICE_HOST for a
            // service named "heartbeat"), so they are reported but must not stop the application.
            try (LogCapture logs = new LogCapture()) {
                HeartbeatClient client = HeartbeatClient.fromConfig(HeartbeatConfig.fromEnvironment(
                        env("HEARTBEAT_ENDPOINT", PLAIN_URL, "HEARTBEAT_INTERVALL", "5000", "HEARTBEAT_SHUTDOWN_HOOK", "false")));
                client.close();
                assertEquals(List.of("unknown heartbeat environment variable HEARTBEAT_INTERVALL "
                        + "(did you mean heartbeat.interval?); ignored"), logs.messages(Level.WARN));
            }
        }

        @Test
        void keysThatAreNotOursAreLeftAlone() {
            HeartbeatConfig config = HeartbeatConfig.layered(
                    config("heartbeat.endpoint", PLAIN_URL, "heartbeat.shutdown-hook", "false",
                            "agent.config.appName", "x", "heartbeatx.interval", "x", "my.heartbeat.intervall", "x",
                            "heartbeat.ext-info.deploy.region", "eu"),
                    HeartbeatConfig.fromEnvironment(env("HEARTBEAT", "x", "HEARTBEATS_ON", "x", "PATH", "/bin")));
            HeartbeatClient client = HeartbeatClient.fromConfig(config);
            client.close();
            assertTrue(client.isEnabled());
        }

        @ParameterizedTest(name = "heartbeat.interval={0}")
        @CsvSource(delimiter = '|', value = {
                "abc    | heartbeat.interval must be milliseconds or an ISO-8601 duration such as PT30S, got 'abc'",
                "500    | heartbeat.interval must be at least 1000 ms (PT1S), got '500'",
                "-5     | heartbeat.interval must be milliseconds or an ISO-8601 duration such as PT30S, got '-5'",
                "-PT5S  | heartbeat.interval must not be negative, got '-PT5S'",
                "PT0.5S | heartbeat.interval must be at least 1000 ms (PT1S), got 'PT0.5S'",
                "0      | heartbeat.interval must be at least 1000 ms (PT1S), got '0'",
                "30s    | heartbeat.interval must be milliseconds or an ISO-8601 duration such as PT30S, got '30s'"})
        void badInterval(String value, String message) {
            assertEquals(message, buildFailure(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.interval", value)));
        }

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', value = {
                "heartbeat.enabled              | yes | heartbeat.enabled must be true or false, got 'yes'",
                "heartbeat.shutdown-hook        | 1   | heartbeat.shutdown-hook must be true or false, got '1'",
                "agent.service.heartbeat.enable | on  | agent.service.heartbeat.enable must be true or false, got 'on'"})
        void badBoolean(String key, String value, String message) {
            assertEquals(message, buildFailure(config("heartbeat.endpoint", PLAIN_URL, key, value)));
        }

        @ParameterizedTest(name = "heartbeat.queue-capacity={0}")
        @CsvSource({"0", "-3", "ten", "1.5", "3000000000"})
        void badQueueCapacity(String value) {
            assertEquals("heartbeat.queue-capacity must be a whole number >= 1, got '" + value + "'",
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.queue-capacity", value)));
        }

        @ParameterizedTest(name = "heartbeat.max-queued-bytes={0}")
        @CsvSource({"0", "1048575", "8MB", "-1"})
        void badMaxQueuedBytes(String value) {
            assertEquals("heartbeat.max-queued-bytes must be a whole number of bytes >= 1048576, got '" + value + "'",
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.max-queued-bytes", value)));
        }

        @Test
        void maxQueuedBytesFromConfigurationBoundsTheQueue() {
            HeartbeatConfig small = config("heartbeat.endpoint", PLAIN_URL, "heartbeat.max-queued-bytes", "1048576");
            assertEquals(1_048_576L, small.maxQueuedBytes());
            assertEquals(HeartbeatClient.Builder.DEFAULT_MAX_QUEUED_BYTES, config("heartbeat.endpoint", PLAIN_URL).maxQueuedBytes());
        }

        @Test
        void blankNames() {
            assertEquals("heartbeat.service must not be blank, got '   '",
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.service", "   ")));
            assertEquals("heartbeat.app-name must not be blank, got ''",
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.app-name", "")));
            assertEquals("heartbeat.instance-id must not be blank, got ' '",
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "heartbeat.instance-id", " ")));
        }

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', value = {
                "heartbeat.connect-timeout | 0     | heartbeat.connect-timeout must be > 0, got '0'",
                "heartbeat.read-timeout    | fast  | heartbeat.read-timeout must be milliseconds or an ISO-8601 duration such as PT30S, got 'fast'",
                "heartbeat.call-timeout    | PT0S  | heartbeat.call-timeout must be > 0, got 'PT0S'",
                "heartbeat.retry-deadline  | -PT1S | heartbeat.retry-deadline must not be negative, got '-PT1S'",
                "heartbeat.flush-timeout   | -PT1S | heartbeat.flush-timeout must not be negative, got '-PT1S'",
                "gateway.nettyConnectTimeout | 5s  | gateway.nettyConnectTimeout must be milliseconds or an ISO-8601 duration such as PT30S, got '5s'"})
        void badDuration(String key, String value, String message) {
            assertEquals(message, buildFailure(config("heartbeat.endpoint", PLAIN_URL, key, value)));
        }

        /** Under a millisecond truncates to 0 ms, "no timeout": refused by configuration as by the builder, in the same words. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "heartbeat.connect-timeout | connectTimeout",
                "heartbeat.read-timeout    | readTimeout",
                "heartbeat.call-timeout    | callTimeout",
                "heartbeat.retry-deadline  | retryDeadline"})
        void subMillisecondDurationIsRefusedAsTheBuilderRefusesIt(String key, String setter) {
            String rule = " must be at least 1 ms (durations count whole milliseconds), got ";
            assertEquals(key + rule + "'PT0.0001S'", buildFailure(config("heartbeat.endpoint", PLAIN_URL, key, "PT0.0001S")));

            Map<String, BiFunction<HeartbeatClient.Builder, Duration, HeartbeatClient.Builder>> setters = Map.of(
                    "connectTimeout", HeartbeatClient.Builder::connectTimeout, "readTimeout", HeartbeatClient.Builder::readTimeout,
                    "callTimeout", HeartbeatClient.Builder::callTimeout, "retryDeadline", HeartbeatClient.Builder::retryDeadline);
            var e = assertThrows(IllegalArgumentException.class,
                    () -> setters.get(setter).apply(HeartbeatClient.builder(), Duration.ofNanos(100_000)));
            assertEquals(setter + rule + "PT0.0001S", e.getMessage());
        }

        @Test
        void zeroSermantConnectTimeoutNamesTheAliasAndItsValue() {
            assertEquals("gateway.nettyConnectTimeout must be > 0, got '0'",
                    buildFailure(config("heartbeat.endpoint", PLAIN_URL, "gateway.nettyConnectTimeout", "0")));
        }

        @Test
        void badSermantPortNamesTheAlias() {
            assertEquals("gateway.nettyPort must be a port number in 1..65535, got 'abc'",
                    buildFailure(config("gateway.nettyIp", "10.1.2.3", "gateway.nettyPort", "abc")));
        }

        @Test
        void endpointInNoKnownForm() {
            assertEquals(ENDPOINT_FORMS + "scheme 'ftp'",
                    buildFailure(config("heartbeat.endpoint", "ftp://files.example.com/drop")));
            assertEquals(ENDPOINT_FORMS + "no scheme", buildFailure(config("heartbeat.endpoint", "hc-ping.com/abc")));
            assertEquals(ENDPOINT_FORMS + "scheme 'pushover+https'",
                    buildFailure(config("heartbeat.endpoint", "pushover+https://api.example.com/x")));
        }

        @Test
        void endpointWithABadSermantPort() {
            assertEquals("heartbeat.endpoint is invalid: port must be in 1..65535, got 99999",
                    buildFailure(config("heartbeat.endpoint", "sermant://10.1.2.3:99999")));
            assertEquals("heartbeat.endpoint is invalid: port must be in 1..65535, got 'x'",
                    buildFailure(config("heartbeat.endpoint", "sermant://10.1.2.3:x")));
        }

        @Test
        void blankEndpoint() {
            assertEquals("heartbeat.endpoint must not be blank", buildFailure(config("heartbeat.endpoint", "  ")));
        }

        @Test
        void endpointParseErrorHidesTheSecretPath() {
            String message = buildFailure(config("heartbeat.endpoint", "healthchecks+https://hc-ping.com/" + SECRET));
            assertEquals("heartbeat.endpoint is invalid: url must be a Healthchecks ping URL ending in /<uuid> or "
                    + "/<ping-key>/<slug>, got https://hc-ping.com/***", message);
            assertFalse(message.contains(SECRET), message);
        }

        @Test
        void missingEndpointWhenEnabled() {
            String expected = "endpoint is required: call endpoint(...) or set heartbeat.endpoint before build()";
            assertEquals(expected, buildFailure(IllegalStateException.class, config()));
            assertEquals(expected, buildFailure(IllegalStateException.class,
                    config("heartbeat.enabled", "true", "heartbeat.interval", "5000")));
        }

        @Test
        void unreadableFileIsNamed(@TempDir Path dir) {
            Path missing = dir.resolve("no-such-heartbeat.properties");
            assertEquals("cannot read heartbeat configuration file " + missing
                            + ": java.nio.file.NoSuchFileException: " + missing,
                    assertThrows(IllegalArgumentException.class, () -> HeartbeatConfig.fromFile(missing)).getMessage());
        }

        @Test
        void aMalformedEscapeNamesTheFileAndTheFix(@TempDir Path dir) throws IOException {
            Path windows = dir.resolve("heartbeat.properties");
            Files.writeString(windows, "heartbeat.service=C:\\users\\orders\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeartbeatConfig.fromFile(windows));
            assertTrue(e.getMessage().startsWith("cannot read heartbeat configuration file " + windows + ": "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(a backslash starts an escape in a properties file: write C:\\\\dir or C:/dir)"),
                    e.getMessage());
        }

        @Test
        void missingClasspathResource() {
            assertEquals("no class path resource no-such-heartbeat.properties", assertThrows(IllegalArgumentException.class,
                    () -> HeartbeatConfig.fromClasspath("no-such-heartbeat.properties")).getMessage());
            assertEquals("no class path resource no-such-heartbeat.properties", assertThrows(IllegalArgumentException.class,
                    () -> HeartbeatConfig.fromClasspath("/no-such-heartbeat.properties")).getMessage());
        }
    }

    @Nested
    class Secrets extends WithClient {
        @Test
        void toStringMasksTheConfiguredUrl() {
            HeartbeatClient client = build(config("heartbeat.endpoint", "https://hc.example.com/ping/" + SECRET,
                    "heartbeat.shutdown-hook", "false"));
            assertEquals("HeartbeatClient{endpoint=UrlEndpoint{GET https://hc.example.com/***}}", client.toString());
        }

        @Test
        void toStringMasksAPresetUrl() {
            HeartbeatClient client = build(config(
                    "heartbeat.endpoint", "healthchecks+https://hc-ping.com/5f0c8f7e-2f3a-4c59-9d7e-3b2a1c0d9e8f",
                    "heartbeat.shutdown-hook", "false"));
            assertEquals("HeartbeatClient{endpoint=HealthchecksEndpoint{https://hc-ping.com/***}}", client.toString());
            assertFalse(client.toString().contains("5f0c8f7e"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "healthchecks+https://hc-ping.com/s3cr3t-t0ken | heartbeat.endpoint is invalid: url must be a Healthchecks ping URL ending in /<uuid> or /<ping-key>/<slug>, got https://hc-ping.com/***",
                "healthchecks+ftp://hc-ping.com/s3cr3t-t0ken | heartbeat.endpoint is invalid: url must be an absolute http or https URL, got scheme 'ftp' (ftp://hc-ping.com/***)",
                "https://hc.example.com/s3cr3t-t0ken here | heartbeat.endpoint is invalid: url must be an absolute http or https URL, got an unparseable URL (***)",
                "cronitor+https://cronitor.link/p/s3cr3t-t0ken | heartbeat.endpoint is invalid: url must be a Cronitor telemetry URL like https://cronitor.link/p/<api-key>/<monitor-key>, got https://cronitor.link/***",
                "pushover+https://api.example.com/s3cr3t-t0ken | heartbeat.endpoint is invalid: endpoint must be an http(s) URL, sermant://host[:port] or <preset>+<url> with preset healthchecks, cronitor, sentry, betterstack, uptimekuma, deadmanssnitch, pushgateway or sermant-http; got scheme 'pushover+https'",
                "api.example.com/s3cr3t-t0ken | heartbeat.endpoint is invalid: endpoint must be an http(s) URL, sermant://host[:port] or <preset>+<url> with preset healthchecks, cronitor, sentry, betterstack, uptimekuma, deadmanssnitch, pushgateway or sermant-http; got no scheme"})
        void endpointErrorsNeverShowTheSecret(String endpoint, String message) {
            String actual = buildFailure(config("heartbeat.endpoint", endpoint));
            assertEquals(message, actual);
            assertFalse(actual.contains(SECRET), actual);
        }

        @Test
        void unknownKeyMessageDoesNotEchoItsValue() {
            String message = buildFailure(config("heartbeat.endpiont", "https://hc.example.com/ping/" + SECRET,
                    "heartbeat.endpoint", PLAIN_URL));
            assertEquals("unknown heartbeat configuration key: heartbeat.endpiont (did you mean heartbeat.endpoint?)"
                    + KNOWN_KEYS, message);
            assertFalse(message.contains(SECRET), message);
        }

        @Test
        void otherValuesErrorsDoNotShowTheEndpoint() {
            String message = buildFailure(config("heartbeat.endpoint", "https://hc.example.com/ping/" + SECRET,
                    "heartbeat.queue-capacity", "many"));
            assertEquals("heartbeat.queue-capacity must be a whole number >= 1, got 'many'", message);
        }

        @Test
        void sermantUserInfoPasswordIsNotEchoed() {
            String message = buildFailure(config("heartbeat.endpoint", "sermant://admin:" + SECRET + "@10.1.2.3"));
            assertFalse(message.contains(SECRET), message);
            String withPort = buildFailure(config("heartbeat.endpoint", "sermant://admin:" + SECRET + "@10.1.2.3:6888"));
            assertEquals("heartbeat.endpoint is invalid: endpoint must be sermant://host[:port]: no user info, path or query",
                    withPort);
        }
    }
}
