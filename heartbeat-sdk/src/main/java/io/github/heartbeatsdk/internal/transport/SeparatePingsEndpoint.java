package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.EndpointResponse;
import io.github.heartbeatsdk.Signal;

import java.time.Clock;

/**
 * An HTTP endpoint whose client never coalesces pings, for the library's tests about distinct
 * signals (queue overflow, delivery order, one listener call per signal) that use pings as their
 * signals, and for the benchmarks that count deliveries. Sends
 * exactly as the wrapped endpoint does, through the SDK's own HTTP transport, and is named as it is (its
 * class name ends in Endpoint, so the SDK logs its redacted toString()).
 */
public final class SeparatePingsEndpoint implements Endpoint, TransportFactory {
    private final Endpoint endpoint;

    private SeparatePingsEndpoint(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** {@code endpoint}, sent the same way, with pings that never join one still queued. */
    public static Endpoint of(Endpoint endpoint) {
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
        return new ForwardingTransport(new HttpTransport(endpoint, settings, clock)) {
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
