package io.github.heartbeatsdk.testing;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.internal.transport.HttpSettings;
import io.github.heartbeatsdk.internal.transport.Transport;
import io.github.heartbeatsdk.internal.transport.TransportFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory endpoint for your own tests: it records every signal instead of sending it, and
 * each one counts as delivered. Assert that your job pings without a server:
 *
 * <pre>{@code
 * RecordingEndpoint recorder = new RecordingEndpoint();
 * try (HeartbeatClient hb = HeartbeatClient.builder().endpoint(recorder).build()) {
 *     new BackupJob(hb).run();
 * }
 * assertEquals(Arrays.asList(SignalKind.START, SignalKind.SUCCESS), recorder.kinds());
 * }</pre>
 *
 * Thread-safe. Signals are recorded on the client's delivery thread; {@link #await(int, Duration)}
 * waits for them when the client is still open (after {@code close()} everything is recorded).
 */
public final class RecordingEndpoint implements Endpoint, TransportFactory {
    private final List<Signal> signals = new ArrayList<Signal>();

    /** Records {@code signal}; called by the client's delivery (you do not call it). */
    void record(Signal signal) {
        synchronized (signals) {
            signals.add(signal);
            signals.notifyAll();
        }
    }

    /** Every signal recorded so far, oldest first (a copy). */
    public List<Signal> signals() {
        synchronized (signals) {
            return Collections.unmodifiableList(new ArrayList<Signal>(signals));
        }
    }

    /** The kinds of the recorded signals, oldest first. */
    public List<SignalKind> kinds() {
        List<SignalKind> kinds = new ArrayList<SignalKind>();
        for (Signal signal : signals()) {
            kinds.add(signal.kind());
        }
        return kinds;
    }

    /** The recorded signals of one kind, oldest first. */
    public List<Signal> signals(SignalKind kind) {
        List<Signal> matching = new ArrayList<Signal>();
        for (Signal signal : signals()) {
            if (signal.kind() == kind) {
                matching.add(signal);
            }
        }
        return matching;
    }

    /**
     * The newest recorded signal.
     *
     * @throws IllegalStateException when nothing was recorded
     */
    public Signal last() {
        synchronized (signals) {
            if (signals.isEmpty()) {
                throw new IllegalStateException("no signal recorded");
            }
            return signals.get(signals.size() - 1);
        }
    }

    /** Waits until at least {@code count} signals are recorded; returns false on timeout. */
    public boolean await(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (signals) {
            while (signals.size() < count) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(signals, left);
            }
            return true;
        }
    }

    /** Forgets what was recorded. */
    public void clear() {
        synchronized (signals) {
            signals.clear();
        }
    }

    /** Never called: the client hands signals to {@link #record} instead of asking for HTTP. */
    @Override
    public EndpointRequest request(Signal signal) {
        return null;
    }

    /** Its name in results and logs; fixed, since the client takes it once, at build(). */
    @Override
    public String toString() {
        return "RecordingEndpoint";
    }

    /** Not API: how the SDK delivers to this recorder (in memory, each signal delivered). */
    @Override
    public Transport newTransport(HttpSettings settings, Clock clock) {
        return new RecordingTransport(this);
    }
}
