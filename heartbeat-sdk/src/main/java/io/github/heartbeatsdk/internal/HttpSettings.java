package io.github.heartbeatsdk.internal;

import java.time.Duration;

/** Timeouts and the optional user-owned OkHttp client for HTTP delivery. Immutable. */
public final class HttpSettings {
    final Object userClient;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration callTimeout;

    /**
     * @param userClient an {@code okhttp3.OkHttpClient} the user owns, or null to let the SDK
     *     create (and later release) its own
     */
    public HttpSettings(Object userClient, Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        this.userClient = userClient;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.callTimeout = callTimeout;
    }

    /** How long to wait for a connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for each read or write. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Checks at build time that a user-given client is an OkHttp client, without loading OkHttp otherwise. */
    public static void requireOkHttpClient(Object client) {
        if (client == null) {
            throw new NullPointerException("httpClient == null");
        }
        if (!"okhttp3.OkHttpClient".equals(client.getClass().getName())) {
            throw new IllegalArgumentException("httpClient must be an okhttp3.OkHttpClient, got " + client.getClass().getName());
        }
    }
}
