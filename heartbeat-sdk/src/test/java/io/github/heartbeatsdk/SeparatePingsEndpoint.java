package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.transport.Attempt;
import io.github.heartbeatsdk.internal.transport.HttpSettings;
import io.github.heartbeatsdk.internal.transport.HttpTransport;
import io.github.heartbeatsdk.internal.transport.Transport;
import io.github.heartbeatsdk.internal.transport.TransportFactory;

import java.time.Clock;

/**
 * An HTTP endpoint whose client never coalesces pings, for tests about distinct signals (queue
 * overflow, delivery order, one listener call per signal) that use pings as their signals. Sends
 * exactly as the wrapped endpoint does, through the SDK's own HTTP transport, and is named as it is (its
 * class name ends in Endpoint, so the SDK logs its redacted toString()).
 */
final class SeparatePingsEndpoint implements Endpoint, TransportFactory {
    private final Endpoint endpoint;

    private SeparatePingsEndpoint(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    static Endpoint of(Endpoint endpoint) {
        return new SeparatePingsEndpoint(endpoint);
    }

    @Override
    public EndpointRequest request(Signal signal) {
        return endpoint.request(signal);
    }

    @Override
    public void onResponse(EndpointResponse response) {
        endpoint.onResponse(response);
    }

    @Override
    public Transport newTransport(HttpSettings settings, Clock clock) {
        final HttpTransport http = new HttpTransport(endpoint, settings, clock);
        return new Transport() {
            @Override
            public Attempt send(Signal signal) {
                return http.send(signal);
            }

            @Override
            public void drained() {
                http.drained();
            }

            @Override
            public void cancel() {
                http.cancel();
            }

            @Override
            public void close() {
                http.close();
            }

            @Override
            public boolean coalescesPings() {
                return false;
            }
        };
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
