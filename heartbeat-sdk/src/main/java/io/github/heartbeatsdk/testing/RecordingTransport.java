package io.github.heartbeatsdk.testing;

import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.transport.Attempt;
import io.github.heartbeatsdk.internal.transport.Transport;

/** Delivers to a {@link RecordingEndpoint}'s memory; every signal counts as delivered. */
final class RecordingTransport implements Transport {
    private final RecordingEndpoint endpoint;

    RecordingTransport(RecordingEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Attempt send(Signal signal) {
        endpoint.record(signal);
        return Attempt.delivered(0);
    }

    @Override
    public void drained() {
        // Nothing kept between sends.
    }

    @Override
    public void cancel() {
    }

    @Override
    public void close() {
    }

    @Override
    public boolean coalescesPings() {
        return false; // a test counts every ping its code made
    }
}
