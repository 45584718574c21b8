package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.Signal;

import java.util.concurrent.CompletableFuture;

/**
 * A signal waiting for delivery, and the future its caller holds. Extending the future saves
 * one allocation on the caller's thread per signal.
 */
public final class PendingSignal extends CompletableFuture<DeliveryResult> {
    final Signal signal;
    final long deadlineMillis;
    /** Written and read only by the delivering thread; the executor orders its runs. */
    int attempts;
    /** The last failed attempt's status and redacted error, kept for the final result. */
    int lastStatus;
    String lastError;

    PendingSignal(Signal signal, long deadlineMillis) {
        this.signal = signal;
        this.deadlineMillis = deadlineMillis;
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
