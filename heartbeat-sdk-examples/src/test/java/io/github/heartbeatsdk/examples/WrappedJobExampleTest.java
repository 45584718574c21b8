package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.demo.CheckView;
import io.github.heartbeatsdk.demo.DemoReceiver;
import io.github.heartbeatsdk.demo.ReceivedSignal;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.heartbeatsdk.SignalKind.EXIT;
import static io.github.heartbeatsdk.SignalKind.FAIL;
import static io.github.heartbeatsdk.SignalKind.LOG;
import static io.github.heartbeatsdk.SignalKind.START;
import static io.github.heartbeatsdk.SignalKind.SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Four runs reach the check in order, each end paired with its start by run id. */
class WrappedJobExampleTest {
    private static final List<SignalKind> RUNS = List.of(START, SUCCESS, START, SUCCESS, START, LOG, EXIT, START, FAIL);

    @Test
    void theReceiverGetsEveryRunWithItsRunId() throws Exception {
        try (DemoReceiver receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0))) {
            WrappedJobExample.main(new String[] {receiver.httpUrl("/hc/nightly-report")});

            List<ReceivedSignal> signals = receiver.state().signals();
            assertEquals(RUNS, signals.stream().map(ReceivedSignal::kind).toList());
            assertTrue(signals.stream().allMatch(s -> s.target().equals("nightly-report") && s.runId() != null));
            assertEquals(signals.get(0).runId(), signals.get(1).runId());
            assertEquals(signals.get(2).runId(), signals.get(3).runId());
            assertEquals(List.of(signals.get(4).runId(), signals.get(4).runId()),
                    List.of(signals.get(5).runId(), signals.get(6).runId()));
            assertEquals(signals.get(7).runId(), signals.get(8).runId());
            assertEquals(4, signals.stream().map(ReceivedSignal::runId).distinct().count());
            assertEquals("imported 42 rows", signals.get(5).detail());
            assertEquals("exit 0", signals.get(6).detail());
            assertEquals("java.lang.IllegalStateException: upload server unreachable", signals.get(8).detail());

            CheckView check = receiver.state().check("nightly-report");
            assertEquals(CheckView.Status.DOWN, check.status()); // the last run failed
            assertFalse(check.running());
            assertEquals("failed", check.lastRun().outcome());
            assertEquals(signals.get(8).runId(), check.lastRun().runId());
            assertTrue(check.lastRun().durationMillis() >= 0);
            assertEquals("imported 42 rows", check.lastLog());
        }
    }

    /** The same jobs against the SDK's RecordingEndpoint: what users write to test their own jobs. */
    @Test
    void aRecordingEndpointShowsTheSameRuns() throws Exception {
        RecordingEndpoint recorder = new RecordingEndpoint();
        try (HeartbeatClient heartbeat = HeartbeatClient.builder().endpoint(recorder).build()) {
            WrappedJobExample.nightly(heartbeat);
        }
        assertEquals(RUNS, recorder.kinds());
        List<Signal> signals = recorder.signals();
        assertEquals(List.of("clean-up", "clean-up", "import", "import", "report", "report", "report", "upload", "upload"),
                signals.stream().map(Signal::jobName).toList());
        assertEquals(0, recorder.signals(EXIT).get(0).exitCode());
        assertEquals("java.lang.IllegalStateException: upload server unreachable", recorder.signals(FAIL).get(0).message());
        assertTrue(recorder.signals(SUCCESS).stream().allMatch(s -> s.durationMillis() >= 0));
        assertNotEquals(signals.get(0).runId(), signals.get(2).runId());
    }
}
