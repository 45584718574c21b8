package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.demo.DemoReceiver;
import io.github.heartbeatsdk.demo.Heartbeat;
import io.github.heartbeatsdk.demo.InstanceView;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The -javaagent in child JVMs running an application that knows nothing of it, against real local receivers. */
class AgentIT {
    static final String OKHTTP4 = System.getProperty("heartbeat.test.okhttp4-version");
    static final String KOTLIN = System.getProperty("heartbeat.test.kotlin-version");

    @StartStop
    final MockWebServer server = new MockWebServer();
    private final List<AutoCloseable> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws Exception {
        for (AutoCloseable child : children) {
            child.close();
        }
    }

    private Child track(Child child) {
        children.add(child);
        return child;
    }

    /** The next beat the server gets, as JSON text; answers it with 200. */
    private String nextBeat() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).build());
        RecordedRequest request = server.takeRequest(60, TimeUnit.SECONDS);
        assertNotNull(request, "no beat within 60 s");
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    private String sermantHttp() {
        return "sermant-http+" + server.url("/heartbeat");
    }

    @Test
    void beatsToSermantTcpWithMetadataStaticExtInfoAndTheJvmEntry() throws Exception {
        try (DemoReceiver receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0))) {
            Child app = track(Child.java(List.of(Child.agentOption("endpoint=" + receiver.sermantUri()
                            + ",service=orders,app-name=shop,interval=1000,ext-info.template.version=1.0.0,jvm-info=true")),
                    Child.appClassPath(), SleepingApp.class));
            app.awaitOutput("app started");
            assertTrue(receiver.state().await(s -> s.instances("orders").stream()
                    .anyMatch(i -> i.beats() >= 2 && i.last().plugin("jvm") != null), Duration.ofSeconds(60)),
                    () -> "no beats from the agent: " + receiver.summary() + safeStderr(app));
            InstanceView instance = receiver.state().instances("orders").get(0);
            Heartbeat beat = instance.last();
            assertEquals("shop", beat.appName());
            assertEquals(Long.toString(app.process.pid()), beat.processId());
            assertEquals("1.0.0", beat.plugin("template").extInfo().get("version"));
            Map<String, String> jvm = beat.plugin("jvm").extInfo();
            assertEquals(java.util.Set.of("uptimeMillis", "heapUsedBytes", "heapMaxBytes", "liveThreads", "gcCount"),
                    jvm.keySet());
            assertTrue(Long.parseLong(jvm.get("uptimeMillis")) > 0);
            assertTrue(Long.parseLong(jvm.get("liveThreads")) > 0);
            assertEquals(System.getProperty("java.version"), beat.plugin("jvm").version());
            assertTrue(app.stderr().contains("[heartbeat-agent] INFO running: beating to SermantEndpoint"), app.stderr());
        }
    }

    @Test
    void readsSermantsConfigPropertiesNames() throws Exception {
        try (DemoReceiver receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0))) {
            Path config = Files.createTempFile("config", ".properties");
            Files.writeString(config, "agent.service.heartbeat.enable=true\ngateway.nettyIp=127.0.0.1\n"
                    + "gateway.nettyPort=" + receiver.sermantPort() + "\nheartbeat.interval=1000\nheartbeat.service=billing\n");
            Child app = track(Child.java(List.of(Child.agentOption("config=" + config)), Child.appClassPath(),
                    SleepingApp.class));
            assertTrue(receiver.state().await(s -> !s.instances("billing").isEmpty(), Duration.ofSeconds(60)),
                    () -> receiver.summary() + safeStderr(app));
        }
    }

    @Test
    void takesSystemPropertiesAndEnvironmentVariablesWithoutOptions() throws Exception {
        track(Child.java(List.of(Child.agentOption(""), "-Dheartbeat.endpoint=" + sermantHttp()),
                Map.of("HEARTBEAT_SERVICE", "from-env", "HEARTBEAT_INTERVAL", "1000"), Child.appClassPath(),
                SleepingApp.class));
        String beat = nextBeat();
        assertTrue(beat.contains("\"service\":\"from-env\""), beat);
        assertTrue(beat.contains("\"dynamicInstall\":false"), beat);
    }

    @Test
    void aBadConfigurationIsOneLineOnStderrAndTheApplicationRunsAsUsual() throws Exception {
        String secret = "https://hc-ping.com/SECRET-TOKEN-1234";
        List<String> bad = List.of("endpoint=" + secret + ",interval=0", "endpoint=" + secret + ",nonsense=1",
                "config=/does/not/exist.properties", "endpoint=" + secret + ",log-level=loud",
                "endpoint=" + secret + ",jvm-info=maybe", "endpoint", "heartbeat.agent.colour=blue", "");
        for (String options : bad) {
            Child app = track(Child.java(List.of(Child.agentOption(options)), Child.appClassPath(), SleepingApp.class,
                    "200"));
            assertEquals(0, app.exitStatus(), options);
            assertEquals("app started\napp done\n", app.stdout().replace("\r", ""), options);
            List<String> lines = app.stderr().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), options + ": " + lines);
            assertTrue(lines.get(0).startsWith("[heartbeat-agent] ERROR not started: "), lines.get(0));
            assertTrue(lines.get(0).endsWith("; the application runs on without heartbeats"), lines.get(0));
            assertFalse(lines.get(0).contains("SECRET"), lines.get(0));
        }
    }

    @Test
    void logLevelOffSilencesEvenTheAgentsOwnLines() throws Exception {
        Child app = track(Child.java(List.of(Child.agentOption("endpoint=" + sermantHttp() + ",interval=0,log-level=off")),
                Child.appClassPath(), SleepingApp.class, "300"));
        assertEquals(0, app.exitStatus());
        assertEquals("", app.stderr());
        assertTrue(app.stdout().contains("app done"));
    }

    @Test
    void aStrayAgentEnvironmentVariableIsAWarningNotAFailure() throws Exception {
        Child app = track(Child.java(List.of(Child.agentOption("endpoint=" + sermantHttp() + ",interval=1000")),
                Map.of("HEARTBEAT_AGENT_JAR", "/opt/heartbeat-sdk-agent.jar"), Child.appClassPath(), SleepingApp.class));
        assertTrue(nextBeat().contains("\"service\""));
        assertTrue(app.stderr().contains("[heartbeat-agent] WARN ignoring environment variable HEARTBEAT_AGENT_JAR"),
                app.stderr());
    }

    @Test
    void neverKeepsTheJvmAliveNorLeaksTheEndpointEvenAtDebug() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) { // accepts connections and never answers
            Child app = track(Child.java(List.of(Child.agentOption("endpoint=http://127.0.0.1:" + silent.getLocalPort()
                            + "/SECRET-TOKEN-1234?key=SECRET2,interval=1000,log-level=debug")),
                    Child.appClassPath(), SleepingApp.class, "1500"));
            assertEquals(0, app.exitStatus(), "main returned, so the JVM exits");
            assertTrue(app.stdout().contains("app done"));
            String stderr = app.stderr();
            assertTrue(stderr.contains("[heartbeat-agent] INFO running"), stderr);
            assertFalse(stderr.contains("SECRET"), stderr);
        }
    }

    @Test
    void anApplicationKeepsItsOwnOkHttp4AndKotlin16() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("the app's own call").build());
        // The agent's first beat may come first and take that answer: one more, so the app's call never waits.
        server.enqueue(new MockResponse.Builder().code(200).build());
        Child app = track(Child.java(List.of(Child.agentOption("endpoint=" + sermantHttp() + ",interval=1000")),
                Child.appClassPath("okhttp-" + OKHTTP4 + ".jar", "okio-jvm-" + System.getProperty("heartbeat.test.okio-version")
                        + ".jar", "kotlin-stdlib-" + KOTLIN + ".jar"),
                OwnLibrariesApp.class, server.url("/app").toString(), "60000"));
        app.awaitOutput("app started");
        assertTrue(app.stdout().contains("okhttp " + OKHTTP4 + "\n"), app.stdout());
        assertTrue(app.stdout().contains("kotlin " + KOTLIN + "\n"), app.stdout());
        assertTrue(app.stdout().contains("status 200\n"), app.stdout());
        String beat = nextBeat();
        while (!beat.contains("\"service\"")) { // the app's own call may come first
            beat = nextBeat();
        }
        assertTrue(beat.contains("\"processId\":\"" + app.process.pid() + "\""), beat);
    }

    @Test
    void anApplicationWithSlf4jSeesNoWordFromSlf4jAboutTheAgent() throws Exception {
        Child app = track(Child.java(List.of(Child.agentOption("endpoint=" + sermantHttp()
                        + ",interval=1000,log-level=debug")),
                Child.appClassPath("slf4j-api-" + System.getProperty("heartbeat.test.slf4j-version") + ".jar"),
                SleepingApp.class));
        nextBeat();
        nextBeat();
        String stderr = app.stderr();
        assertTrue(stderr.contains("[heartbeat-agent] INFO running"), stderr);
        assertFalse(stderr.contains("SLF4J"), stderr);
    }

    @Test
    void attachStartsOneClientInARunningJvmAndItsBeatsSayDynamicInstall() throws Exception {
        Child app = track(Child.java(List.of(), Child.appClassPath(), SleepingApp.class));
        app.awaitOutput("app started");
        String pid = Long.toString(app.process.pid());

        Child attach = track(Child.agentJar("attach", pid, "endpoint=" + sermantHttp() + ",service=late,interval=1000"));
        assertEquals(0, attach.exitStatus(), () -> safeStderr(attach));
        assertTrue(attach.stdout().contains("process " + pid + ": running: beating to SermantHttpEndpoint"),
                () -> safeStdout(attach));
        String first = nextBeat();
        assertTrue(first.contains("\"dynamicInstall\":true"), first);
        assertTrue(first.contains("\"service\":\"late\""), first);

        Child again = track(Child.agentJar("attach", pid, "endpoint=" + sermantHttp() + ",service=other"));
        assertEquals(0, again.exitStatus(), () -> safeStderr(again));
        assertTrue(again.stdout().contains("already running"), () -> safeStdout(again));
        String instance = field(first, "instanceId");
        for (int i = 0; i < 3; i++) {
            String beat = nextBeat();
            assertEquals(instance, field(beat, "instanceId"), "one client: " + beat);
            assertTrue(beat.contains("\"service\":\"late\""), beat);
        }
        assertTrue(app.stderr().contains("already running in this JVM"), app.stderr());
    }

    @Test
    void attachReportsABadConfigurationAndItsTargetRunsOn() throws Exception {
        Child app = track(Child.java(List.of(), Child.appClassPath(), SleepingApp.class));
        app.awaitOutput("app started");
        Child attach = track(Child.agentJar("attach", Long.toString(app.process.pid()), "interval=0"));
        assertEquals(1, attach.exitStatus());
        assertTrue(attach.stdout().contains(": failed: "), () -> safeStdout(attach));
        assertTrue(app.process.isAlive());
        // A later attach with a good configuration still starts the client.
        Child fixed = track(Child.agentJar("attach", Long.toString(app.process.pid()),
                "endpoint=" + sermantHttp() + ",interval=1000"));
        assertEquals(0, fixed.exitStatus(), () -> safeStderr(fixed));
        assertTrue(nextBeat().contains("\"dynamicInstall\":true"));
    }

    @Test
    void attachRefusesWhatIsNotARunningJvm() throws Exception {
        Child notAPid = track(Child.agentJar("attach", "twelve"));
        assertEquals(2, notAPid.exitStatus());
        Child noArgs = track(Child.agentJar("attach"));
        assertEquals(2, noArgs.exitStatus());
        Child gone = track(Child.agentJar("attach", "999999999", "endpoint=" + sermantHttp()));
        assertEquals(1, gone.exitStatus());
        assertTrue(gone.stderr().contains("cannot attach to process 999999999"), gone.stderr());
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        assertTrue(at >= 0, name + " in " + json);
        int start = at + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    private static String safeStderr(Child child) {
        try {
            return "\nstderr:\n" + child.stderr();
        } catch (Exception e) {
            return "\nstderr unreadable: " + e;
        }
    }

    private static String safeStdout(Child child) {
        try {
            return "\nstdout:\n" + child.stdout() + safeStderr(child);
        } catch (Exception e) {
            return "\nstdout unreadable: " + e;
        }
    }
}
