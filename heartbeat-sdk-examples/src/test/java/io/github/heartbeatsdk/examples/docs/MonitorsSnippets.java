package io.github.heartbeatsdk.examples.docs;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.time.Duration;
import java.time.ZoneId;

/** The Java of docs/monitors.md, compiled. */
final class MonitorsSnippets {
    private MonitorsSnippets() {
    }

    static void healthchecks() {
        // snippet: healthchecks
        Schedule nightly = Schedule.cron("0 4 * * *", ZoneId.of("Europe/Berlin")).grace(Duration.ofMinutes(30));
        try (HeartbeatClient heartbeat = HeartbeatClient.builder()
                .endpoint(Endpoints.healthchecks("https://hc-ping.com/<ping-key>/nightly-backup").withMonitor(nightly))
                .build()) {
            heartbeat.run("nightly-backup", () -> backup());
        }
        // end snippet
    }

    static void schedules() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        // snippet: schedules
        Schedule.cron("0 4 * * *", zone);                 // 5 fields
        Schedule.cron("0 0 4 * * *", zone);               // Spring's @Scheduled: "0 4 * * *"
        Schedule.quartzCron("0 0 4 ? * MON-FRI", zone);   // Quartz: "0 4 * * 1-5"
        Schedule.cron("@daily");                          // UTC
        Schedule.every(Duration.ofHours(1)).grace(Duration.ofMinutes(10)).maxRuntime(Duration.ofMinutes(45));
        // end snippet
    }

    static Endpoint others(Schedule schedule) {
        // snippet: others
        Endpoint sentry = Endpoints.sentryCrons("https://o0.ingest.sentry.io/api/<project>/cron/nightly-backup/<key>/")
                .withMonitor(schedule);
        Endpoint cronitor = Endpoints.cronitor("https://cronitor.link/p/<telemetry-key>/nightly-backup")
                .withMonitor(schedule);
        Endpoint selfHosted = Endpoints.healthchecks("https://hc.example.com/ping/<ping-key>/nightly-backup")
                .withMonitor(schedule);                   // its API: https://hc.example.com/api/v3/checks/
        // end snippet
        return sentry != null && cronitor != null ? selfHosted : null;
    }

    static void backup() {
    }
}
