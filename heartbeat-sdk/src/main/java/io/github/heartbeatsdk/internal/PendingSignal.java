package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.PluginInfo;
import io.github.heartbeatsdk.Signal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A signal waiting for delivery, and the read-only stage its caller holds. Extending the stage
 * saves one allocation on the caller's thread per signal.
 */
public final class PendingSignal extends ResultFuture<DeliveryResult> {
    private static final AtomicIntegerFieldUpdater<PendingSignal> ENDED =
            AtomicIntegerFieldUpdater.newUpdater(PendingSignal.class, "ended");

    /** What a signal with no text costs while queued, rounded up: the signal, this stage, the queue's slot. */
    static final int BASE_WEIGHT = 256;

    final Signal signal;
    private volatile int ended;
    /** Extended, under the queue's lock, by an identical ping that joins this one while queued (see SignalQueue#queuedPing). */
    volatile long deadlineMillis;
    /** Bytes this signal may retain while queued, estimated high (two bytes per char); counted against the byte budget. */
    final int weight;
    /** Written and read only by the delivering thread; the executor orders its runs. */
    int attempts;
    /** True once a waiting retry was brought forward because the client began closing; it happens once. */
    boolean expedited;
    /** The last failed attempt's status and redacted error, kept for the final result. */
    int lastStatus;
    String lastError;

    PendingSignal(Signal signal, long deadlineMillis) {
        this.signal = signal;
        this.deadlineMillis = deadlineMillis;
        this.weight = weigh(signal);
    }

    /** A cheap upper estimate of the bytes {@code signal} keeps alive: its texts and, for a beat, its ext info. */
    static int weigh(Signal signal) {
        long bytes = BASE_WEIGHT + chars(signal.message()) + chars(signal.jobName()) + chars(signal.runId());
        if (!signal.plugins().isEmpty()) {
            for (PluginInfo plugin : signal.plugins().values()) {
                bytes += BASE_WEIGHT + chars(plugin.name()) + chars(plugin.version());
                for (Map.Entry<String, String> entry : plugin.extInfo().entrySet()) {
                    bytes += 64 + chars(entry.getKey()) + chars(entry.getValue());
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long chars(String text) {
        return text == null ? 0 : 2L * text.length();
    }

    /** Claims the right to end this signal; true exactly once, so it is counted and reported once. */
    boolean claimEnd() {
        return ENDED.compareAndSet(this, 0, 1);
    }

    /** True once claimed by {@link #claimEnd()}, even before the future completes. */
    boolean isEnded() {
        return ended != 0;
    }

    /** The signal to deliver. */
    public Signal signal() {
        return signal;
    }

    /** Drop priority: lower classes are dropped first when the queue is full. */
    int dropClass() {
        switch (signal.kind()) {
            case BEAT:
                return 0;
            case SUCCESS:
            case FAIL:
            case EXIT:
                return 2;
            default:
                return 1;
        }
    }
}
