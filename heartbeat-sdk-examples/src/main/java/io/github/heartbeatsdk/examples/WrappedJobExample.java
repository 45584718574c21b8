package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.JobRun;
import io.github.heartbeatsdk.endpoints.Endpoints;

/**
 * Job runs, Healthchecks style: each run says when it started and how it ended, with a run id
 * that pairs the two (so the backend knows how long it took, even when runs overlap). Three ways
 * to wrap a job, then a run that fails on purpose: the check ends down, with the exception's
 * message, while the job gets its exception back unchanged.
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-examples -am compile exec:java \
 *     -Dexec.mainClass=io.github.heartbeatsdk.examples.WrappedJobExample \
 *     -Dexec.args="https://hc-ping.com/&lt;your-check-uuid&gt;"
 * </pre>
 *
 * Argument: the check's ping URL (none or {@code -}: the local demo receiver's
 * {@code http://127.0.0.1:8900/hc/nightly-report}).
 */
public final class WrappedJobExample {
    private WrappedJobExample() {
    }

    public static void main(String[] args) throws Exception {
        try (ExampleTarget target = ExampleTarget.endpoint(args, "http://127.0.0.1:8900/hc/nightly-report");
             HeartbeatClient heartbeat = HeartbeatClient.builder()
                     .endpoint(Endpoints.healthchecks(target.value()))
                     .build()) {
            nightly(heartbeat);
        } // close() delivers every pending signal before the program ends
    }

    /** The nightly jobs; the client is a parameter, so a test can pass one on a {@code RecordingEndpoint}. */
    static void nightly(HeartbeatClient heartbeat) throws Exception {
        // 1. Wrap a Runnable: start, then success (or fail with the exception, which is rethrown unchanged).
        heartbeat.run("clean-up", () -> work(100));

        // 2. Wrap a Callable and keep its result.
        int rows = heartbeat.call("import", () -> {
            work(200);
            return 42;
        });

        // 3. By hand, when the job has output or an exit status of its own.
        try (JobRun run = heartbeat.startJob("report")) {
            work(100);
            run.log("imported " + rows + " rows"); // text for this run, no change of state
            run.exit(0);                             // a process-style exit status: 0 is success
            System.out.println("report: run " + run.runId() + " took " + run.elapsed().toMillis() + " ms");
        } // a run closed without an end would report "ended without success"

        // 4. A failing run: the backend gets the exception's class and message.
        try {
            heartbeat.run("upload", () -> {
                throw new IllegalStateException("upload server unreachable");
            });
        } catch (IllegalStateException e) {
            System.out.println("upload failed (" + e.getMessage() + "); the check is now down");
        }
    }

    /** Stands for a job's real work. */
    private static void work(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
