package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queued signals are bounded in bytes, not only in count: a stalled backend never costs the host its heap. */
class MemoryBudgetTest {
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();

    @Test
    void thousandsOfLargeLogsQueuedBehindAStalledBackendStayWithinTheDefaultBudget() {
        RecordingEndpoint recorder = new RecordingEndpoint();
        HeartbeatClient hb = clients.client(recorder); // nothing is delivered until the scheduler runs
        String output = "x".repeat(JobRun.MAX_MESSAGE_BYTES);
        JobRun run = hb.startJob("export");
        for (int i = 0; i < 2_000; i++) {
            run.log(output);
        }
        CompletableFuture<DeliveryResult> end = run.success().toCompletableFuture();

        HeartbeatStats stats = hb.stats();
        long perLog = 256 + 2L * JobRun.MAX_MESSAGE_BYTES;
        long fits = HeartbeatClient.Builder.DEFAULT_MAX_QUEUED_BYTES / perLog;
        assertTrue(stats.pending() <= fits + 1, "queued: " + stats);
        assertEquals(2_002 - stats.pending(), stats.dropped(), stats.toString());
        assertNull(end.getNow(null), "the job's end signal is kept: it goes last");

        clients.scheduler.runDue();
        assertEquals(Outcome.DELIVERED, end.getNow(null).outcome());
        assertEquals(SignalKind.SUCCESS, recorder.kinds().get(recorder.kinds().size() - 1));
    }

    @Test
    void aSmallerBudgetHoldsFewerAndTheDropsAreCounted() {
        HeartbeatClient hb = clients.track(clients.builder(new RecordingEndpoint())
                .maxQueuedBytes(HeartbeatClient.Builder.MIN_MAX_QUEUED_BYTES).build());
        JobRun run = hb.startJob("export");
        for (int i = 0; i < 100; i++) {
            run.log("y".repeat(50_000));
        }
        HeartbeatStats stats = hb.stats();
        assertTrue(stats.pending() <= HeartbeatClient.Builder.MIN_MAX_QUEUED_BYTES / 100_000 + 1, stats.toString());
        assertEquals(101, stats.pending() + stats.dropped());
        assertTrue(stats.lastError().startsWith("queue full"), stats.lastError());
    }

    @Test
    void aBudgetBelowOneMebibyteFailsAtBuildNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeartbeatClient.builder().maxQueuedBytes(1000));
        assertEquals("maxQueuedBytes must be >= 1048576 (1 MiB), got 1000", e.getMessage());
    }
}
