package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatConfig;
import io.github.heartbeatsdk.demo.DemoReceiver;
import io.github.heartbeatsdk.demo.InstanceView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The properties file alone decides where beats go, who beats and with what ext info. */
class ConfiguredExampleTest {
    @TempDir
    Path dir;
    private DemoReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void beatsAsTheFileSays() throws Exception {
        Path file = write("heartbeat.endpoint=sermant-http+" + receiver.httpUrl("/sermant/heartbeat"),
                "heartbeat.interval=1000",
                "heartbeat.service=inventory-service",
                "heartbeat.instance-id=inventory-1",
                "heartbeat.ext-info.template.status=started");

        ConfiguredExample.main(new String[] {file.toString()});

        List<InstanceView> instances = receiver.state().instances("inventory-service");
        assertEquals(1, instances.size());
        InstanceView instance = instances.get(0);
        assertEquals("inventory-1", instance.last().instanceId());
        assertTrue(instance.beats() >= 3, instance.toString());
        assertEquals("http", instance.channel());
        assertEquals(Map.of("status", "started"), instance.last().plugin("template").extInfo());
    }

    @Test
    void aDisabledHeartbeatSendsNothing() throws Exception {
        Path file = write("heartbeat.enabled=false", "heartbeat.endpoint=" + receiver.sermantUri());

        ConfiguredExample.main(new String[] {file.toString()});

        assertEquals(List.of(), receiver.state().signals());
    }

    @Test
    void theShippedFileIsValidAndPointsAtTheLocalDemoReceiver() {
        HeartbeatConfig config = HeartbeatConfig.fromFile(Paths.get("config/heartbeat.properties")); // tests run in the module's folder
        assertEquals("sermant-http+http://127.0.0.1:8900/sermant/heartbeat", config.endpoint());
        assertEquals(Duration.ofSeconds(1), config.interval());
        assertEquals(Map.of("status", "started", "region", "local"), config.extInfo().get("template"));
        try (HeartbeatClient client = HeartbeatClient.fromConfig(config)) { // build() checks every key and value
            assertTrue(client.isEnabled());
        }
    }

    private Path write(String... lines) throws Exception {
        return Files.writeString(dir.resolve("heartbeat.properties"), String.join("\n", lines) + "\n");
    }
}
