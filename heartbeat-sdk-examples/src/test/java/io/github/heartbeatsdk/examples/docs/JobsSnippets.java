package io.github.heartbeatsdk.examples.docs;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.JobRun;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.testing.RecordingEndpoint;

import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Java snippets of docs/jobs.md, compiled; DocSnippetsTest keeps the page equal to them. */
final class JobsSnippets {
    private JobsSnippets() {
    }

    static void jobRuns(String output, int exitCode) throws Exception {
        // snippet: jobRuns
        HeartbeatClient heartbeat = HeartbeatClient.builder()
                .endpoint(Endpoints.healthchecks("https://hc-ping.com/<uuid>"))
                .build();

        heartbeat.run("backup", () -> backup());                 // start, then success or fail(exception)
        long rows = heartbeat.call("import", () -> importRows()); // the same, returning the job's result

        try (JobRun run = heartbeat.startJob("report")) {       // by hand: a fresh run id per run
            run.log(output);                                      // log text, no change of state
            run.exit(exitCode);                                   // or run.success(), run.fail(e), run.fail("why")
        }   // a run closed without an end reports failure: "ended without success"
        // end snippet
        heartbeat.close();
    }

    static void testYourJob() {
        // snippet: testYourJob
        RecordingEndpoint recorder = new RecordingEndpoint();
        try (HeartbeatClient heartbeat = HeartbeatClient.builder().endpoint(recorder).build()) {
            new NightlyBackup(heartbeat).run();
        }
        assertEquals(Arrays.asList(SignalKind.START, SignalKind.SUCCESS), recorder.kinds());
        assertEquals("nightly-backup", recorder.last().jobName());
        // end snippet
    }

    static void backup() throws IOException {
        // a job whose work may throw a checked exception: run(...) rethrows it as it is
    }

    static long importRows() {
        return 0;
    }

    /** A job as the page's test imagines it. */
    static final class NightlyBackup {
        private final HeartbeatClient heartbeat;

        NightlyBackup(HeartbeatClient heartbeat) {
            this.heartbeat = heartbeat;
        }

        void run() {
            heartbeat.run("nightly-backup", () -> { });
        }
    }
}
