package io.github.heartbeatsdk.internal.transport;

import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/** Timeouts, proxy, TLS and the optional user-owned OkHttp client for HTTP delivery. Immutable. */
public final class HttpSettings {
    final Object userClient;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration callTimeout;
    final String proxyHost;
    final int proxyPort;
    final String proxyUser;
    final String proxyPassword;
    final SSLSocketFactory sslSocketFactory;
    final X509TrustManager trustManager;

    /**
     * @param userClient an {@code okhttp3.OkHttpClient} the user owns, or null to let the SDK
     *     create (and later release) its own
     */
    public HttpSettings(Object userClient, Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        this(userClient, connectTimeout, readTimeout, callTimeout, null, 0, null, null, null, null);
    }

    private HttpSettings(Object userClient, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                         String proxyHost, int proxyPort, String proxyUser, String proxyPassword,
                         SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
        this.userClient = userClient;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.callTimeout = callTimeout;
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.proxyUser = proxyUser;
        this.proxyPassword = proxyPassword;
        this.sslSocketFactory = sslSocketFactory;
        this.trustManager = trustManager;
    }

    /** These settings with an HTTP proxy, and Basic credentials for it when {@code user} is not null. */
    public HttpSettings withProxy(String host, int port, String user, String password) {
        return new HttpSettings(userClient, connectTimeout, readTimeout, callTimeout, host, port, user, password,
                sslSocketFactory, trustManager);
    }

    /** These settings trusting what {@code trustManager} trusts (a private CA, a self-signed certificate). */
    public HttpSettings withTls(SSLSocketFactory factory, X509TrustManager trustManager) {
        return new HttpSettings(userClient, connectTimeout, readTimeout, callTimeout, proxyHost, proxyPort, proxyUser,
                proxyPassword, factory, trustManager);
    }

    /**
     * True when a client built for {@code other} would be the same as one built for these
     * settings: same timeouts, proxy and credentials, and the very same TLS objects.
     */
    boolean sameClient(HttpSettings other) {
        return userClient == other.userClient && connectTimeout.equals(other.connectTimeout)
                && readTimeout.equals(other.readTimeout) && callTimeout.equals(other.callTimeout)
                && equal(proxyHost, other.proxyHost) && proxyPort == other.proxyPort
                && equal(proxyUser, other.proxyUser) && equal(proxyPassword, other.proxyPassword)
                && sslSocketFactory == other.sslSocketFactory && trustManager == other.trustManager;
    }

    private static boolean equal(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
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
