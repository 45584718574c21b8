package io.github.heartbeatsdk.internal;

import okhttp3.OkHttpClient;

/**
 * The one OkHttpClient the SDK owns in a JVM, shared by every client that was not given the
 * user's own. Each transport derives its client from it with {@code newBuilder()}, which shares the
 * connection pool and the TLS set-up: a fresh {@code OkHttpClient} holds about 34 KB (its trust
 * roots index) and a pool of its own, so 10 000 clients each with their own cost 41 KB apiece
 * and 10 000 connections to the same backend. When the last user releases it, its idle
 * connections are closed and it is dropped.
 */
final class SharedOkHttp {
    private static OkHttpClient base;
    private static int users;

    private SharedOkHttp() {
    }

    /** The shared client, created on first use; pair every call with {@link #release()}. */
    static synchronized OkHttpClient acquire() {
        if (base == null) {
            base = new OkHttpClient();
        }
        users++;
        return base;
    }

    /** Gives back one {@link #acquire()}; the last release closes the pool's idle connections. */
    static synchronized void release() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            base.connectionPool().evictAll();
            base = null;
        }
    }

    /** How many transports hold the shared client now. */
    static synchronized int users() {
        return users;
    }
}
