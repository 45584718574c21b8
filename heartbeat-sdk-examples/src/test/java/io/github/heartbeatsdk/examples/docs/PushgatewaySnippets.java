package io.github.heartbeatsdk.examples.docs;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.endpoints.PushgatewayEndpoint;

import java.io.IOException;

/** The Java snippets of docs/pushgateway.md, compiled; DocSnippetsTest keeps the page equal to them. */
final class PushgatewaySnippets {
    private PushgatewaySnippets() {
    }

    static void nightlyBackup() throws IOException {
        // snippet: nightlyBackup
        try (HeartbeatClient heartbeat = HeartbeatClient.builder()
                .endpoint(Endpoints.pushgateway("http://pushgateway:9091", "nightly_backup"))
                .build()) {
            heartbeat.run("nightly-backup", () -> backup());   // start, then success (or fail), with the duration
        }
        // end snippet
    }

    static PushgatewayEndpoint withLabels(String password) {
        // snippet: withLabels
        PushgatewayEndpoint backups = Endpoints.pushgateway("https://ops:" + password + "@pushgateway.example.com",
                "nightly_backup").withLabel("env", "prod").withLabel("cluster", "eu-1");
        // end snippet
        return backups;
    }

    static void backup() throws IOException {
        // the job's work, which may throw: run(...) reports the failure and rethrows it
    }
}
