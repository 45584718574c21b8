package io.github.heartbeatsdk.internal.transport;

import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;

/**
 * Builds the OkHttpClient an {@link HttpTransport} sends with. A class of its own, loaded on the
 * first delivery: verifying a class that hands an {@code Interceptor} to OkHttp loads OkHttp's
 * classes, and {@code HttpTransport} is loaded by {@code build()} on the caller's thread, where
 * OkHttp must not load (nor fail to, when it is missing).
 */
final class OkHttpSetup {
    /** Where {@link HideRetryAfter} keeps the server's {@code Retry-After}. */
    static final String RETRY_AFTER = "Heartbeat-Sdk-Retry-After";

    private OkHttpSetup() {
    }

    static OkHttpClient configure(OkHttpClient.Builder builder, HttpSettings settings) {
        if (settings.proxyHost != null) {
            builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(settings.proxyHost,
                    settings.proxyPort)));
            if (settings.proxyUser != null) {
                final String credentials = Credentials.basic(settings.proxyUser, settings.proxyPassword);
                builder.proxyAuthenticator((route, response) ->
                        response.request().header("Proxy-Authorization") != null ? null // refused: give up
                                : response.request().newBuilder().header("Proxy-Authorization", credentials).build());
            }
        }
        if (settings.sslSocketFactory != null) {
            builder.sslSocketFactory(settings.sslSocketFactory, settings.trustManager);
        }
        return builder
                .connectTimeout(settings.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(settings.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(settings.callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // Every request that leaves the process is one of our attempts, counted and spaced by
                // our backoff: OkHttp must not resend after a failed connection, a 408 or a 503.
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(HideRetryAfter.INSTANCE)
                // A ping URL that redirects is misconfiguration (and an https URL must never be
                // downgraded to http, where its secret would travel in clear): a 3xx is the answer.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    /**
     * Moves {@code Retry-After} out of OkHttp's sight: its follow-up logic resends a 503 with
     * {@code Retry-After: 0} at once, and throws on a value beyond an int. {@link RetryAfter}
     * reads the header from {@link #RETRY_AFTER} instead.
     */
    static final class HideRetryAfter implements Interceptor {
        static final HideRetryAfter INSTANCE = new HideRetryAfter();

        @Override
        public Response intercept(Chain chain) throws IOException {
            Response response = chain.proceed(chain.request());
            String retryAfter = response.header("Retry-After");
            if (retryAfter == null) {
                return response;
            }
            return response.newBuilder().headers(response.headers().newBuilder().removeAll("Retry-After")
                    .addUnsafeNonAscii(RETRY_AFTER, retryAfter).build()).build();
        }
    }
}
