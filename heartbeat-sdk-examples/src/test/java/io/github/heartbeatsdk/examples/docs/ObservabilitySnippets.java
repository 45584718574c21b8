package io.github.heartbeatsdk.examples.docs;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.HeartbeatStats;
import io.github.heartbeatsdk.Signal;

/** The Java snippets of docs/observability.md, compiled; DocSnippetsTest keeps the page equal to them. */
final class ObservabilitySnippets {
    private ObservabilitySnippets() {
    }

    /** Stands in for a metrics library such as Micrometer. */
    interface Metrics {
        Counter counter(String name, String... tags);
    }

    /** A counter of that library. */
    interface Counter {
        void increment();
    }

    static HeartbeatStats listener(Endpoint endpoint, Metrics metrics) {
        // snippet: listener
        HeartbeatClient heartbeat = HeartbeatClient.builder()
                .endpoint(endpoint)
                .listener(new HeartbeatListener() {
                    @Override public void onFailure(Signal signal, DeliveryResult result) {
                        metrics.counter("heartbeat.failed", "endpoint", result.endpoint()).increment();
                    }
                })
                .build();
        HeartbeatStats stats = heartbeat.stats();   // enqueued, delivered, skipped, rejected, failed, dropped,
                                                    // retried, beatsSkipped, coalesced, pending, lastSuccessMillis, lastError
        // end snippet
        heartbeat.close();
        return stats;
    }
}
