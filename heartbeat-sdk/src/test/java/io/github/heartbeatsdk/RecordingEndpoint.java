package io.github.heartbeatsdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every signal it is asked about and sends nothing (each ends SKIPPED). */
final class RecordingEndpoint implements Endpoint {
    final List<Signal> signals = new CopyOnWriteArrayList<>();

    @Override
    public EndpointRequest request(Signal signal) {
        signals.add(signal);
        return null;
    }

    Signal last() {
        return signals.get(signals.size() - 1);
    }
}
