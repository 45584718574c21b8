package io.github.heartbeatsdk.examples.docs;

// snippet: quickStart
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;

class NightlyBackup {
    public static void main(String[] args) {
        try (HeartbeatClient heartbeat = HeartbeatClient.builder()
                .endpoint(Endpoints.url("https://node.xitoring.com/heartbeat/<your-check-id>"))
                .build()) {
            runBackup();          // your job
            heartbeat.ping();     // returns at once; delivered on the SDK's own thread
        }                         // close() delivers what is pending (bounded), then stops the thread
    }

    static void runBackup() {
        // the job's work
    }
}
// end snippet
