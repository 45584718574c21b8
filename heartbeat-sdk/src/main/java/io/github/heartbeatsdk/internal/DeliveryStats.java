package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatStats;

import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link HeartbeatStats}; written by callers and the delivery thread. */
public final class DeliveryStats {
    final LongAdder enqueued = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    final LongAdder retried = new LongAdder();
    private final LongAdder beatsSkipped = new LongAdder();
    private volatile long lastSuccessMillis;
    private volatile String lastError;

    void ended(DeliveryResult result, long nowMillis) {
        switch (result.outcome()) {
            case DELIVERED:
                delivered.increment();
                lastSuccessMillis = nowMillis;
                return;
            case SKIPPED:
                skipped.increment();
                return;
            case REJECTED:
                rejected.increment();
                break;
            case FAILED:
                failed.increment();
                break;
            default:
                dropped.increment();
                break;
        }
        if (result.error() != null) {
            lastError = result.error();
        }
    }

    /** Counts a periodic beat not taken because the previous one was still being delivered. */
    public void beatSkipped() {
        beatsSkipped.increment();
    }

    /** Notes a failed attempt's error (redacted) even while the signal is still being retried. */
    void attemptFailed(String error) {
        if (error != null) {
            lastError = error;
        }
    }

    /** Counts a signal that ended the moment it was offered (the client was closed): enqueued and ended. */
    public void endedOnArrival(DeliveryResult result, long nowMillis) {
        enqueued.increment();
        ended(result, nowMillis);
    }

    /**
     * Returns a snapshot; each counter is read once.
     *
     * @param pending the signals queued or in delivery now, counted exactly by the dispatchers
     */
    public HeartbeatStats snapshot(long pending) {
        return new HeartbeatStats(enqueued.sum(), delivered.sum(), skipped.sum(), rejected.sum(), failed.sum(),
                dropped.sum(), retried.sum(), beatsSkipped.sum(), pending, lastSuccessMillis, lastError);
    }
}
