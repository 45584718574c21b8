package io.github.heartbeatsdk.internal.transport;

import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The OkHttpClients the SDK owns in a JVM, shared by every client that was not given the user's
 * own: two base clients, one for https and one for plain http, and one client derived from a base
 * per distinct set of timeouts, proxy and TLS settings and backend address. Derived https clients
 * share the https base's TLS set-up; each derived client has its own connection pool. The plain
 * base speaks {@link ConnectionSpec#CLEARTEXT} only: OkHttp's default client sets up TLS (the
 * JDK's trust store, an SSL context) even when every URL is http, and that costs a fresh JVM's
 * first request a third of its time. A fresh {@code OkHttpClient} of its own per client would cost each client
 * its own trust-root index and connection pool: thousands of clients would hold tens of
 * kilobytes each and a connection each to the same backend.
 *
 * <p>Each derived client is counted by the transports that lease it. When the last of them
 * lets go, its pool's connections are closed and the entry is forgotten, so a closed client's
 * connections and settings (a proxy password, TLS objects) stay reachable only while another
 * open client with the very same settings talks to the very same backend.
 */
final class SharedOkHttp {
    /** Builds the client for some settings from a builder that already carries the base's set-up and a fresh pool. */
    interface Derivation {
        OkHttpClient derive(OkHttpClient.Builder fromBase);
    }

    /** One derived client and how many transports hold it. */
    static final class Lease {
        final HttpSettings settings;
        final String address;
        final OkHttpClient client;
        int holders; // guarded by SharedOkHttp.class

        Lease(HttpSettings settings, String address, OkHttpClient client) {
            this.settings = settings;
            this.address = address;
            this.client = client;
        }
    }

    private static OkHttpClient tlsBase;
    private static OkHttpClient cleartextBase;
    private static final List<Lease> leases = new ArrayList<Lease>();

    private SharedOkHttp() {
    }

    /**
     * The shared client for {@code settings} talking to {@code address} (scheme, host and port),
     * created on first use; pair every call with {@link #release(Lease)}. A client for a plain
     * http address ({@code tls} false) cannot make https requests.
     */
    static synchronized Lease acquire(HttpSettings settings, String address, boolean tls, Derivation derivation) {
        for (Lease lease : leases) {
            if (lease.address.equals(address) && lease.settings.sameClient(settings)) {
                lease.holders++;
                return lease;
            }
        }
        Lease lease = new Lease(settings, address,
                derivation.derive(base(tls).newBuilder().connectionPool(new ConnectionPool())));
        lease.holders = 1;
        leases.add(lease);
        return lease;
    }

    /** Gives back one {@link #acquire}; the last holder's release closes that client's connections. */
    static synchronized void release(Lease lease) {
        if (lease.holders == 0) {
            return;
        }
        lease.holders--;
        if (lease.holders == 0) {
            leases.remove(lease);
            lease.client.connectionPool().evictAll();
            if (leases.isEmpty()) {
                tlsBase = null;
                cleartextBase = null;
            }
        }
    }

    /**
     * The base for https ({@code tls}) or plain http addresses, created if need be. A base made
     * before any lease (by {@link WarmUp}) is kept until the last lease after it is released.
     */
    static synchronized OkHttpClient base(boolean tls) {
        if (tls) {
            if (tlsBase == null) {
                tlsBase = new OkHttpClient();
            }
            return tlsBase;
        }
        if (cleartextBase == null) {
            cleartextBase = new OkHttpClient.Builder()
                    .connectionSpecs(Collections.singletonList(ConnectionSpec.CLEARTEXT)).build();
        }
        return cleartextBase;
    }

    /** How many transports hold a shared client now. */
    static synchronized int users() {
        int users = 0;
        for (Lease lease : leases) {
            users += lease.holders;
        }
        return users;
    }

    /** How many derived clients are kept now. */
    static synchronized int clients() {
        return leases.size();
    }
}
