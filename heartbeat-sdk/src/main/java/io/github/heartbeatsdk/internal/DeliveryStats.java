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

    /** Returns a consistent-enough snapshot (each counter is read once). */
    public HeartbeatStats snapshot() {
        // Read the end counters before "enqueued", so pending() is never negative.
        long d = delivered.sum();
        long s = skipped.sum();
        long r = rejected.sum();
        long f = failed.sum();
        long x = dropped.sum();
        return new HeartbeatStats(enqueued.sum(), d, s, r, f, x, retried.sum(), beatsSkipped.sum(),
                lastSuccessMillis, lastError);
    }
}
