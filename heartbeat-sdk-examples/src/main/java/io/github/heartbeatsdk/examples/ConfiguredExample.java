package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Configured by a properties file alone: the endpoint, interval, service name and ext info are in
 * the file, none in the code, as Sermant users configure {@code config.properties}. Operators
 * switch the heartbeat off, point it at another backend or change its interval by editing the
 * file ({@code HeartbeatConfig.standard(path)} also lets system properties and environment
 * variables override it).
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-examples -am compile exec:java \
 *     -Dexec.mainClass=io.github.heartbeatsdk.examples.ConfiguredExample \
 *     -Dexec.args=heartbeat-sdk-examples/config/heartbeat.properties
 * </pre>
 *
 * Argument: the properties file (none or {@code -}: this module's {@code config/heartbeat.properties},
 * which points at the local demo receiver).
 */
public final class ConfiguredExample {
    private static final int BEATS = 3;

    private ConfiguredExample() {
    }

    public static void main(String[] args) throws Exception {
        try (ExampleTarget target = ExampleTarget.of(args, "config/heartbeat.properties");
             HeartbeatClient heartbeat = HeartbeatClient.fromConfig(HeartbeatConfig.fromFile(find(target.value())))) {
            if (!heartbeat.isEnabled()) {
                System.out.println("heartbeat.enabled=false: the client sends nothing and starts no thread");
                return;
            }
            heartbeat.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (heartbeat.stats().delivered() < BEATS && System.nanoTime() < deadline) {
                Thread.sleep(100); // the service's work would go here
            }
            System.out.println(heartbeat + ": " + heartbeat.stats());
        }
    }

    /** {@code name} as given, or else under {@code heartbeat-sdk-examples/} when run from the repository root. */
    private static Path find(String name) {
        Path path = Paths.get(name);
        Path inModule = Paths.get("heartbeat-sdk-examples").resolve(name);
        return Files.exists(path) || !Files.exists(inModule) ? path : inModule;
    }
}
