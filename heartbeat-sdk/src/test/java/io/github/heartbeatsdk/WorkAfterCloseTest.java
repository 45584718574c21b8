package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After close() returns, a client sends nothing, opens nothing and has nothing pending, even on a shared executor. */
class WorkAfterCloseTest {
    private final FakeClock clock = new FakeClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final CapturingExecutor shared = new CapturingExecutor(scheduler);
    private FakeSermantBackend backend;

    @AfterEach
    void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    private HeartbeatClient.Builder sermantClient(RecordingListener listener) {
        return HeartbeatClient.builder().endpoint(Endpoints.sermant("127.0.0.1", backend.port()))
                .executor(shared).clock(clock).shutdownHook(false).flushTimeout(Duration.ZERO)
                .interval(Duration.ofSeconds(1)).listener(listener);
    }

    @Test
    void aBeatTakenWhileCloseRunsEndsDroppedAndOpensNoConnection() throws Exception {
        backend = new FakeSermantBackend();
        RecordingListener listener = new RecordingListener(clock);
        HeartbeatClient hb = sermantClient(listener).build();
        hb.start();
        for (int i = 0; i < 40 && backend.beats().isEmpty(); i++) {
            scheduler.advance(Duration.ofMillis(500));
            backend.takeBeat(Duration.ofMillis(50));
        }
        assertEquals(1, backend.connectionsAccepted());
        Runnable tick = shared.lastPeriodic();
        assertNotNull(tick);

        hb.close();
        tick.run(); // a tick that was already running on the shared executor hands its beat over now
        scheduler.advance(Duration.ofSeconds(30));

        RecordingListener.Call last = listener.calls().get(listener.calls().size() - 1);
        assertEquals(Outcome.DROPPED, last.outcome(), listener.calls().toString());
        assertEquals("client is closed", last.result().error());
        assertEquals(0, hb.stats().pending());
        assertTrue(backend.awaitOpenConnections(0, Duration.ofSeconds(10)), "close() closed the connection");
        assertEquals(1, backend.connectionsAccepted(), "the closed client opened no new connection");
        assertEquals(0, scheduler.pending(), "nothing of the closed client is left on the shared executor");
    }

    @Test
    void aSignalOfferedWhileClosingIsDeliveredWithinTheFlushOrDroppedNotRejected() throws Exception {
        backend = new FakeSermantBackend();
        RecordingListener listener = new RecordingListener(clock);
        HeartbeatClient hb = sermantClient(listener).build();
        hb.start();
        Runnable tick = shared.lastPeriodic();
        hb.close(); // flushTimeout zero: the beat the tick takes now is left for nobody to deliver

        tick.run();
        scheduler.advance(Duration.ofSeconds(5));

        assertEquals(1, listener.calls().size(), listener.calls().toString());
        assertEquals(Outcome.DROPPED, listener.calls().get(0).outcome());
        assertEquals(0, hb.stats().pending());
        assertEquals(0, backend.connectionsAccepted());
    }
}
