package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.Endpoint;

import java.time.Clock;

/** Chooses how an endpoint's signals leave the process. */
public final class Transports {
    private Transports() {
    }

    /** The endpoint's own transport if it brings one ({@link TransportFactory}), else HTTP. */
    public static Transport forEndpoint(Endpoint endpoint, HttpSettings settings, Clock clock) {
        if (endpoint instanceof TransportFactory) {
            return ((TransportFactory) endpoint).newTransport(settings, clock);
        }
        return new HttpTransport(endpoint, settings, clock);
    }
}
