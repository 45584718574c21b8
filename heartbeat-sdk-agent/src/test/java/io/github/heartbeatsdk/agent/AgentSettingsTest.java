package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.HeartbeatConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's options: their syntax, short names, layers, its own keys kept from the SDK, and errors without values. */
class AgentSettingsTest {
    private static final Properties NO_PROPERTIES = new Properties();

    private static AgentSettings load(String options, Properties properties, Map<String, String> env) {
        return AgentSettings.load(AgentSettings.parseOptions(options), properties, env, Map.of("heartbeat.shutdown-hook", "false"));
    }

    @Test
    void optionsAreCommaSeparatedPairsWithShortOrFullNames() {
        Map<String, String> parsed = AgentSettings.parseOptions(
                " endpoint=sermant://10.0.0.5:6888 ,service=orders,gateway.nettyPort=6888,agent.service.heartbeat.enable=true,"
                        + "heartbeat.interval=PT10S,log-level=debug,jvm-info=true,config=/etc/x.properties,url=http://h/p?a=b=c");
        assertEquals(Map.of("heartbeat.endpoint", "sermant://10.0.0.5:6888", "heartbeat.service", "orders",
                "gateway.nettyPort", "6888", "agent.service.heartbeat.enable", "true", "heartbeat.interval", "PT10S",
                "heartbeat.agent.log-level", "debug", "heartbeat.agent.jvm-info", "true",
                "heartbeat.agent.config", "/etc/x.properties", "heartbeat.url", "http://h/p?a=b=c"), parsed);
        assertTrue(AgentSettings.parseOptions(null).isEmpty());
        assertTrue(AgentSettings.parseOptions("  ").isEmpty());
    }

    @Test
    void aMalformedItemIsNamedByPositionNeverByValue() {
        for (String bad : new String[] {"endpoint", "service=a,,interval=1000", "=secret", "service=a,https://SECRET"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentSettings.parseOptions(bad));
            assertTrue(e.getMessage().matches("agent option \\d+ of \\d+ must be key=value \\(options are separated by ','\\)"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("SECRET"));
        }
    }

    @Test
    void optionsBeatSystemPropertiesWhichBeatTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefaults(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("heartbeat.properties");
        Files.writeString(file, "heartbeat.service=from-file\nheartbeat.app-name=file-app\nheartbeat.artifact=file-artifact\n"
                + "heartbeat.shutdown-hook=true\n");
        Properties properties = new Properties();
        properties.setProperty("heartbeat.service", "from-property");
        properties.setProperty("heartbeat.app-name", "property-app");
        properties.setProperty("java.version", "irrelevant");
        HeartbeatConfig config = load("service=from-option,config=" + file, properties,
                Map.of("HEARTBEAT_SERVICE", "from-env", "HEARTBEAT_APP_NAME", "env-app", "HEARTBEAT_APP_TYPE", "env-type"))
                .sdkConfig();
        assertEquals("from-option", config.service());
        assertEquals("property-app", config.appName());
        assertEquals("env-type", config.appType());
        assertEquals("file-artifact", config.artifact());
        assertTrue(config.shutdownHook(), "the file beats the agent's default");
        assertFalse(load("", NO_PROPERTIES, Map.of()).sdkConfig().shutdownHook(), "the agent's default: no exit hook");
    }

    @Test
    void theFileMayBeNamedBySystemPropertyOrEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("heartbeat.properties");
        Files.writeString(file, "gateway.nettyIp=10.0.0.5\ngateway.nettyPort=7000\nheartbeat.interval=5000\n");
        Properties properties = new Properties();
        properties.setProperty("heartbeat.agent.config", file.toString());
        assertEquals("sermant://10.0.0.5:7000", load("", properties, Map.of()).sdkConfig().endpoint());
        HeartbeatConfig fromEnv = load("", NO_PROPERTIES, Map.of("HEARTBEAT_AGENT_CONFIG", file.toString())).sdkConfig();
        assertEquals(Duration.ofSeconds(5), fromEnv.interval());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> load("config=" + dir.resolve("missing.properties"), NO_PROPERTIES, Map.of()));
        assertTrue(missing.getMessage().startsWith("cannot read heartbeat configuration file "), missing.getMessage());
    }

    @Test
    void theAgentsOwnKeysAreKeptFromTheSdkAndCheckedThemselves() {
        Properties properties = new Properties();
        properties.setProperty("heartbeat.agent.log-level", "warn");
        AgentSettings settings = load("jvm-info=TRUE", properties, Map.of("HEARTBEAT_AGENT_JVM_INFO", "false"));
        assertEquals("warn", settings.logLevel("info"));
        assertTrue(settings.jvmInfo(), "options beat the environment");
        HeartbeatConfig sdk = settings.sdkConfig();
        assertFalse(sdk.keys().stream().anyMatch(AgentSettings::isOwn), sdk.keys().toString());
        assertNull(sdk.get("heartbeat.agent.log-level"));

        assertEquals("info", load("", NO_PROPERTIES, Map.of()).logLevel("info"));
        assertFalse(load("", NO_PROPERTIES, Map.of()).jvmInfo());
        IllegalArgumentException maybe = assertThrows(IllegalArgumentException.class,
                () -> load("jvm-info=maybe", NO_PROPERTIES, Map.of()).jvmInfo());
        assertEquals("heartbeat.agent.jvm-info must be true or false, got 'maybe'", maybe.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> load("heartbeat.agent.colour=blue", NO_PROPERTIES, Map.of()));
        assertTrue(unknown.getMessage().startsWith("unknown agent setting heartbeat.agent.colour; known: "), unknown.getMessage());
        AgentSettings withStrayVariable = load("", NO_PROPERTIES, Map.of("HEARTBEAT_AGENT_JAR", "/opt/agent.jar"));
        assertEquals(List.of("HEARTBEAT_AGENT_JAR"), withStrayVariable.ignoredVariables(),
                "an unknown HEARTBEAT_AGENT_* variable is ignored (and warned about), as the SDK does for HEARTBEAT_*");
        assertNull(withStrayVariable.sdkConfig().get("heartbeat.agent.jar"));
    }

    @Test
    void theSdkStillReportsItsOwnUnknownKeys() {
        HeartbeatConfig sdk = load("servce=orders", NO_PROPERTIES, Map.of()).sdkConfig();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> io.github.heartbeatsdk.HeartbeatClient.builder().config(sdk).build());
        assertTrue(e.getMessage().contains("heartbeat.servce (did you mean heartbeat.service?)"), e.getMessage());
    }

    @Test
    void theJvmEntryReadsThePlatformBeans() {
        Map<String, ?> info = new JvmExtInfo().extInfo();
        assertEquals(java.util.Set.of("uptimeMillis", "heapUsedBytes", "heapMaxBytes", "liveThreads", "gcCount"), info.keySet());
        assertTrue((Long) info.get("heapUsedBytes") > 0);
        assertTrue((Integer) info.get("liveThreads") > 0);
        assertTrue((Long) info.get("gcCount") >= 0);
        assertEquals(System.getProperty("java.version"), JvmExtInfo.version());
    }
}
