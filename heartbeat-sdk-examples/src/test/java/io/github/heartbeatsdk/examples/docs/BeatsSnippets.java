package io.github.heartbeatsdk.examples.docs;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.time.Duration;
import java.util.Collections;

/** The Java snippets of docs/beats-and-sermant.md, compiled; DocSnippetsTest keeps the page equal to them. */
final class BeatsSnippets {
    private BeatsSnippets() {
    }

    static HeartbeatClient sermantHttp() {
        // snippet: sermantHttp
        HeartbeatClient service = HeartbeatClient.builder()
                .endpoint(Endpoints.sermantHttp("http://backend:8900/heartbeat"))
                .service("order-service").appName("shop")
                .interval(Duration.ofSeconds(30))
                .build();
        service.setExtInfo(() -> Collections.singletonMap("status", "started"));          // the app's own entry
        service.extInfo().register("template", "0.0.1", () -> Collections.singletonMap("rules", ruleCount())); // one per plugin
        service.start();        // periodic beats until close()
        // end snippet
        return service;
    }

    static HeartbeatClient sermantTcp() {
        // snippet: sermantTcp
        HeartbeatClient heartbeat = HeartbeatClient.builder()
                .endpoint(Endpoints.sermant("127.0.0.1", 6888))     // or Endpoints.parse("sermant://127.0.0.1:6888")
                .service("order-service").appName("shop")
                .interval(Duration.ofSeconds(30))
                .build();
        heartbeat.setExtInfo(() -> Collections.singletonMap("status", "started"));
        heartbeat.start();
        // end snippet
        return heartbeat;
    }

    static int ruleCount() {
        return 42;
    }
}
