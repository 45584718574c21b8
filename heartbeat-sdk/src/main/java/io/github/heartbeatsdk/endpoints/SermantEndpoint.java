package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.Checks;
import io.github.heartbeatsdk.internal.transport.HttpSettings;
import io.github.heartbeatsdk.internal.transport.SermantTcpTransport;
import io.github.heartbeatsdk.internal.transport.Transport;
import io.github.heartbeatsdk.internal.transport.TransportFactory;

import java.time.Clock;

/**
 * A sermant-backend's own TCP heartbeat port (6888 by default): each periodic beat is one
 * length-prefixed protobuf frame carrying gzip-compressed HeartbeatMessage JSON, exactly as a
 * Sermant agent sends it. Not HTTP: the client sends these beats over its own TCP connection, so
 * {@link #request} has no HTTP request for any signal. Pings and job steps are skipped.
 */
final class SermantEndpoint implements Endpoint, TransportFactory {
    /** sermant-backend's default heartbeat port ({@code gateway.nettyPort}). */
    static final int DEFAULT_PORT = 6888;

    private final String host;
    private final int port;

    SermantEndpoint(String host, int port) {
        String trimmed = Checks.notBlank("host", host).trim();
        boolean ipv6 = trimmed.startsWith("[") && trimmed.endsWith("]");
        if (!ipv6 && !trimmed.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("host must be a host name or IP address (no scheme, port, path or user"
                    + " info), got '" + (trimmed.length() > 64 ? trimmed.substring(0, 64) + "..." : trimmed) + "'");
        }
        Checks.port("port", port);
        this.host = trimmed;
        this.port = port;
    }

    @Override
    public EndpointRequest request(Signal signal) {
        return null;
    }

    /** Beats go over Sermant's own TCP protocol; the connect timeout and the write timeout are the client's. */
    @Override
    public Transport newTransport(HttpSettings settings, Clock clock) {
        return new SermantTcpTransport(host, port, settings.connectTimeout(), settings.readTimeout(), clock);
    }

    @Override
    public String toString() {
        return "SermantEndpoint{tcp " + host + ":" + port + "}";
    }
}
