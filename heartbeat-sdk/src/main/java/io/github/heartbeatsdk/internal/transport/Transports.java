package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.Endpoint;

import java.time.Clock;

/** Chooses how an endpoint's signals leave the process. */
public final class Transports {
    private Transports() {
    }

    /** True when {@link #forEndpoint} sends {@code endpoint}'s signals over HTTP. */
    public static boolean sendsOverHttp(Endpoint endpoint) {
        return !(endpoint instanceof TransportFactory);
    }

    /** The endpoint's own transport if it brings one ({@link TransportFactory}), else HTTP. */
    public static Transport forEndpoint(Endpoint endpoint, HttpSettings settings, Clock clock) {
        return forEndpoint(endpoint, settings, clock, Credentials.NONE);
    }

    /** As {@link #forEndpoint(Endpoint, HttpSettings, Clock)}; a monitor's API key is looked up in {@code credentials}. */
    public static Transport forEndpoint(Endpoint endpoint, HttpSettings settings, Clock clock, Credentials credentials) {
        if (!sendsOverHttp(endpoint)) {
            return ((TransportFactory) endpoint).newTransport(settings, clock);
        }
        return new HttpTransport(endpoint, settings, clock, credentials);
    }
}
