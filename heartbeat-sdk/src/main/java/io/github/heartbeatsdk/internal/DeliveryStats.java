package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatStats;

import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind {@link HeartbeatStats}. The three that many offering threads bump at once
 * (enqueued, coalesced, and dropped on overflow) are LongAdders, the last two made on first use; the rest are plain volatile fields with
 * field updaters, which cost 8 bytes each instead of an object: 10 000 clients keep 10 000 of these.
 */
public final class DeliveryStats {
    private static final AtomicLongFieldUpdater<DeliveryStats> DELIVERED = updater("delivered");
    private static final AtomicLongFieldUpdater<DeliveryStats> SKIPPED = updater("skipped");
    private static final AtomicLongFieldUpdater<DeliveryStats> REJECTED = updater("rejected");
    private static final AtomicLongFieldUpdater<DeliveryStats> FAILED = updater("failed");
    private static final AtomicLongFieldUpdater<DeliveryStats> RETRIED = updater("retried");
    private static final AtomicLongFieldUpdater<DeliveryStats> BEATS_SKIPPED = updater("beatsSkipped");

    private static final AtomicReferenceFieldUpdater<DeliveryStats, LongAdder> COALESCED = adder("coalesced");
    private static final AtomicReferenceFieldUpdater<DeliveryStats, LongAdder> DROPPED = adder("dropped");

    final LongAdder enqueued = new LongAdder();
    /**
     * Bumped by many offering threads at once in a burst of pings, like {@link #enqueued}; made
     * by the first coalesced ping, as {@link #dropped} by the first drop: most clients never
     * have one, and 10 000 of them would keep 64 bytes each for nothing.
     */
    private volatile LongAdder coalesced;
    private volatile LongAdder dropped;
    private volatile long delivered;
    private volatile long skipped;
    private volatile long rejected;
    private volatile long failed;
    private volatile long retried;
    private volatile long beatsSkipped;
    private volatile long lastSuccessMillis;
    private volatile String lastError;

    void ended(DeliveryResult result, long nowMillis) {
        switch (result.outcome()) {
            case DELIVERED:
                DELIVERED.incrementAndGet(this);
                lastSuccessMillis = nowMillis;
                return;
            case SKIPPED:
                SKIPPED.incrementAndGet(this);
                return;
            case REJECTED:
                REJECTED.incrementAndGet(this);
                break;
            case FAILED:
                FAILED.incrementAndGet(this);
                break;
            default:
                made(DROPPED).increment();
                break;
        }
        if (result.error() != null) {
            lastError = result.error();
        }
    }

    /** Counts a periodic beat not taken because the previous one was still being delivered. */
    public void beatSkipped() {
        BEATS_SKIPPED.incrementAndGet(this);
    }

    /** Notes a failed attempt's error (redacted) even while the signal is still being retried. */
    void attemptFailed(String error) {
        if (error != null) {
            lastError = error;
        }
    }

    /**
     * Returns a snapshot; each counter is read once.
     *
     * @param pending the signals queued or in delivery now, counted exactly by the dispatchers
     */
    public HeartbeatStats snapshot(long pending) {
        return ApiAccess.get().stats(enqueued.sum(), delivered, skipped, rejected, failed, sum(dropped), retried,
                beatsSkipped, sum(coalesced), pending, lastSuccessMillis, lastError);
    }

    /** Counts a ping that joined an identical one still queued. */
    void coalesced() {
        made(COALESCED).increment();
    }

    /** The adder in {@code field}, made now if this is its first count. */
    private LongAdder made(AtomicReferenceFieldUpdater<DeliveryStats, LongAdder> field) {
        LongAdder adder = field.get(this);
        if (adder == null) {
            field.compareAndSet(this, null, new LongAdder());
            adder = field.get(this);
        }
        return adder;
    }

    private static long sum(LongAdder adder) {
        return adder == null ? 0 : adder.sum();
    }

    /** Counts an attempt that failed and will be retried. */
    void retried() {
        RETRIED.incrementAndGet(this);
    }

    private static AtomicLongFieldUpdater<DeliveryStats> updater(String field) {
        return AtomicLongFieldUpdater.newUpdater(DeliveryStats.class, field);
    }

    private static AtomicReferenceFieldUpdater<DeliveryStats, LongAdder> adder(String field) {
        return AtomicReferenceFieldUpdater.newUpdater(DeliveryStats.class, LongAdder.class, field);
    }
}
