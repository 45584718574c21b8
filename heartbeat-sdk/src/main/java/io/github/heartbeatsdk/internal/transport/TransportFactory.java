package io.github.heartbeatsdk.internal.transport;

import java.time.Clock;

/**
 * Implemented by an endpoint that brings its own way of moving bytes (Sermant's TCP protocol, a
 * test recorder); every other endpoint is sent over HTTP. A new non-HTTP backend is this
 * interface on its endpoint plus a {@link Transport} here, and nothing else.
 */
public interface TransportFactory {
    /** A new transport for one client's deliveries to this endpoint. */
    Transport newTransport(HttpSettings settings, Clock clock);
}
