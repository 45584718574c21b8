package io.github.heartbeatsdk;

/**
 * A sermant-backend's own TCP heartbeat port (6888 by default): each periodic beat is one
 * length-prefixed protobuf frame carrying gzip-compressed HeartbeatMessage JSON, exactly as a
 * Sermant agent sends it. Not HTTP: the client sends these beats over its own TCP connection, so
 * {@link #request} has no HTTP request for any signal. Pings and job steps are skipped.
 */
final class SermantEndpoint implements Endpoint {
    /** sermant-backend's default heartbeat port ({@code gateway.nettyPort}). */
    static final int DEFAULT_PORT = 6888;

    final String host;
    final int port;

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

    @Override
    public String toString() {
        return "SermantEndpoint{tcp " + host + ":" + port + "}";
    }
}
