package io.github.heartbeatsdk.internal;

import okhttp3.OkHttpClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The OkHttpClients the SDK owns in a JVM, shared by every client that was not given the user's
 * own: one base client, and one client derived from it per distinct set of timeouts, proxy and
 * TLS settings. Derived clients share the base's connection pool and TLS set-up. A fresh
 * {@code OkHttpClient} holds about 34 KB (its trust-root index) and a pool of its own, so 10 000
 * clients each with their own cost 41 KB apiece and 10 000 connections to the same backend.
 * When the last user releases them, idle connections are closed and the clients dropped.
 */
final class SharedOkHttp {
    /** Builds the client for some settings from the shared base. */
    interface Derivation {
        OkHttpClient derive(OkHttpClient base);
    }

    private static OkHttpClient base;
    private static final List<Object[]> derived = new ArrayList<Object[]>(); // {HttpSettings, OkHttpClient}
    private static int users;

    private SharedOkHttp() {
    }

    /** The shared client for {@code settings}, created on first use; pair every call with {@link #release()}. */
    static synchronized OkHttpClient acquire(HttpSettings settings, Derivation derivation) {
        if (base == null) {
            base = new OkHttpClient();
        }
        users++;
        for (Object[] entry : derived) {
            if (((HttpSettings) entry[0]).sameClient(settings)) {
                return (OkHttpClient) entry[1];
            }
        }
        OkHttpClient client = derivation.derive(base);
        derived.add(new Object[] {settings, client});
        return client;
    }

    /** Gives back one {@link #acquire}; the last release closes the pool's idle connections. */
    static synchronized void release() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            base.connectionPool().evictAll();
            base = null;
            derived.clear();
        }
    }

    /** How many transports hold a shared client now. */
    static synchronized int users() {
        return users;
    }
}
