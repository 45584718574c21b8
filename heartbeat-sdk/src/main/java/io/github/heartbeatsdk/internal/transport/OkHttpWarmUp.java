package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.QuietThread;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.TrustManager;

/**
 * What {@link WarmUp}'s thread does: for https, the JDK's TLS first ({@link JdkTlsWarmUp}); then
 * it creates the shared base client {@link SharedOkHttp} derives every client from, and has a
 * client of its own send one ping over a {@link CannedSocket} and close, so the classes a first signal needs (OkHttp, Okio,
 * Kotlin, the JDK's futures and sockets, the SDK's delivery path) are loaded, linked and
 * initialised before it comes. A class of its own, like {@link OkHttpSetup}: {@link WarmUp} is
 * loaded by {@code build()} on the caller's thread, where no OkHttp class may load.
 */
final class OkHttpWarmUp {
    /** An address in the reserved {@code .invalid} domain: never resolved, never connected. */
    static final String URL = "http://heartbeat-sdk-warm-up.invalid/";
    private static final long TIMEOUT_SECONDS = 10;
    private static final int LOOPBACK_TIMEOUT_MILLIS = 1000;

    private OkHttpWarmUp() {
    }

    /**
     * How the warm-up's ping ended (DELIVERED, unless OkHttp changed in a way the canned socket
     * does not fit), or null when it was not needed: a signal was sent first, or every client
     * was closed. With {@code sharedBase} false (the clients have the user's OkHttpClient) the
     * canned client is built from scratch and nothing is kept in {@link SharedOkHttp}.
     */
    static DeliveryResult run(boolean tls, boolean sharedBase) throws Exception {
        if (!WarmUp.anyClientOpen()) {
            return null; // the build that started it failed already
        }
        // Held while OkHttp builds its own trust set-up, which then finds the store parsed; a
        // collector that drops it sooner only makes OkHttp parse it again.
        // Not once a signal is being sent: it sets up the same TLS itself, and two threads doing it
        // side by side only compete for the CPU.
        TrustManager[] parsedTrustStore = tls && !WarmUp.sendStarted ? JdkTlsWarmUp.run() : null;
        if (!WarmUp.anyClientOpen()) {
            return null; // the build that started it failed, or its client is closed already
        }
        OkHttpClient base = sharedBase ? SharedOkHttp.base(tls) : new OkHttpClient.Builder()
                .connectionSpecs(Collections.singletonList(ConnectionSpec.CLEARTEXT)).build();
        if (parsedTrustStore != null && parsedTrustStore.length == 0) {
            return null; // a JDK without trust managers: the real signal reports what fails
        }
        // Each step that opens something asks first: after the last close() the warm-up opens
        // nothing and starts no thread of OkHttp's.
        if (WarmUp.sendStarted || !WarmUp.anyClientOpen()) {
            return null; // a signal is on its way and loads the rest itself, or there is no one left to warm up for
        }
        connectToItself();
        if (!WarmUp.anyClientOpen()) {
            return null;
        }
        OkHttpClient canned = base.newBuilder()
                .connectionPool(new ConnectionPool())
                .socketFactory(new CannedSocketFactory())
                .dns(new LoopbackDns())
                .proxySelector(new DirectAfterAsking())
                .build();
        // The client's thread carries the warm-up's name too: it is the warm-up's, and it ends with it.
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new WarmUpThreads());
        try {
            HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(URL)).httpClient(canned)
                    .executor(executor).shutdownHook(false).build();
            try {
                return client.ping().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } finally {
                client.close();
            }
        } finally {
            executor.shutdownNow();
            canned.connectionPool().evictAll();
        }
    }

    /** Names the warm-up client's delivery thread as the warm-up thread is named, and keeps it quiet. */
    static final class WarmUpThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            return new QuietThread(task, WarmUp.THREAD_NAME);
        }
    }

    /**
     * Connects a loopback socket to a server socket of its own and passes a byte each way: it
     * loads and runs the JDK's connect, read and write paths, which the canned socket does not
     * use, without a packet leaving the host. Bounded: a stranger's connection accepted instead
     * costs at most the one-second timeouts.
     */
    private static void connectToItself() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        try {
            server.setSoTimeout(LOOPBACK_TIMEOUT_MILLIS);
            // Direct: new Socket() asks the JVM's ProxySelector, which may route it through a SOCKS proxy.
            Socket client = new Socket(Proxy.NO_PROXY);
            try {
                client.setTcpNoDelay(true);
                client.setSoTimeout(LOOPBACK_TIMEOUT_MILLIS);
                client.connect(server.getLocalSocketAddress(), LOOPBACK_TIMEOUT_MILLIS);
                Socket accepted = server.accept();
                try {
                    client.getOutputStream().write(1);
                    accepted.getOutputStream().write(accepted.getInputStream().read());
                    client.getInputStream().read();
                } finally {
                    accepted.close();
                }
            } finally {
                client.close();
            }
        } finally {
            server.close();
        }
    }

    /**
     * Asks the JDK's proxy selector, as a real call does, then goes direct whatever it says: a
     * SOCKS proxy would bypass the socket factory and connect for real. A selector the
     * application installed is never asked: it may throw, block or look the fake host up.
     */
    static final class DirectAfterAsking extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            ProxySelector system = ProxySelector.getDefault();
            if (system != null && system != this && system.getClass().getName().startsWith("sun.net.spi.")) {
                try {
                    system.select(uri);
                } catch (RuntimeException ignored) {
                    // only a head start: the answer is not used
                }
            }
            return Collections.singletonList(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
        }
    }

    /** Hands OkHttp a {@link CannedSocket} for every connection. */
    static final class CannedSocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new CannedSocket();
        }

        @Override
        public Socket createSocket(String host, int port) {
            return new CannedSocket();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            return new CannedSocket();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            return new CannedSocket();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            return new CannedSocket();
        }
    }

    /** Answers every lookup with the loopback address, so the warm-up never asks a DNS server. */
    static final class LoopbackDns implements Dns {
        @Override
        public List<InetAddress> lookup(String hostname) {
            return Collections.singletonList(InetAddress.getLoopbackAddress());
        }
    }
}
