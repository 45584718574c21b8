package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A {@link HeartbeatListener} that records every callback, with the clock's time when it came. */
final class RecordingListener implements HeartbeatListener {
    /** One callback. */
    record Call(boolean success, Signal signal, DeliveryResult result, long atMillis, String thread) {
        Outcome outcome() {
            return result.outcome();
        }
    }

    private final Clock clock;
    private final List<Call> calls = new ArrayList<>();

    RecordingListener(Clock clock) {
        this.clock = clock;
    }

    RecordingListener() {
        this(Clock.systemUTC());
    }

    @Override
    public synchronized void onSuccess(Signal signal, DeliveryResult result) {
        calls.add(new Call(true, signal, result, clock.millis(), Thread.currentThread().getName()));
    }

    @Override
    public synchronized void onFailure(Signal signal, DeliveryResult result) {
        calls.add(new Call(false, signal, result, clock.millis(), Thread.currentThread().getName()));
    }

    synchronized List<Call> calls() {
        return new ArrayList<>(calls);
    }

    List<Call> successes() {
        return calls().stream().filter(Call::success).collect(Collectors.toList());
    }

    List<Call> failures() {
        return calls().stream().filter(c -> !c.success()).collect(Collectors.toList());
    }

    /** The callbacks about {@code signal} (by identity). */
    List<Call> about(Signal signal) {
        return calls().stream().filter(c -> c.signal() == signal).collect(Collectors.toList());
    }

    /** The callbacks about signals of {@code kind}. */
    List<Call> about(SignalKind kind) {
        return calls().stream().filter(c -> c.signal().kind() == kind).collect(Collectors.toList());
    }
}
