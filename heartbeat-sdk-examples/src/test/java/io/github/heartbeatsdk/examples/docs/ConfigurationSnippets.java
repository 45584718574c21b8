package io.github.heartbeatsdk.examples.docs;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatConfig;

import java.nio.file.Paths;

/** The Java snippets of docs/configuration.md, compiled; DocSnippetsTest keeps the page equal to them. */
final class ConfigurationSnippets {
    private ConfigurationSnippets() {
    }

    static HeartbeatClient fromConfig() {
        // snippet: fromConfig
        HeartbeatClient heartbeat = HeartbeatClient.fromConfig(
                HeartbeatConfig.standard(Paths.get("config/heartbeat.properties")));  // sysprops > env > file > defaults
        heartbeat.start();
        // end snippet
        return heartbeat;
    }
}
