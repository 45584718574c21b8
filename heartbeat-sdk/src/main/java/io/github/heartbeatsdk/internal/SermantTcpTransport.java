package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends beats to a sermant-backend over its own TCP protocol: one persistent connection, one
 * length-prefixed protobuf frame per beat ({@link SermantFrameEncoder}).
 *
 * <p>The backend never answers, so "delivered" means written to a healthy socket. Two things
 * make a socket unhealthy without telling us: the backend closes connections idle for 60 s, and
 * it may restart. Before each write the transport reads (without blocking) from the socket; end
 * of stream means the backend closed it, and a fresh connection is opened. A write that still
 * fails on an old connection is sent once more on a fresh one. While the backend is down,
 * reconnects back off from 1 s, doubling up to 30 s with jitter; a successful write resets it.
 * Sockets are non-blocking so connect and write both have timeouts.
 */
public final class SermantTcpTransport implements Transport {
    /** First wait before reconnecting to a backend that is down. */
    public static final long RECONNECT_INITIAL_MILLIS = 1_000;
    /** Longest wait between two reconnects. */
    public static final long RECONNECT_CAP_MILLIS = 30_000;

    private static final LazyLogger log = new LazyLogger(SermantTcpTransport.class);

    private final String host;
    private final int port;
    private final long connectTimeoutMillis;
    private final long writeTimeoutMillis;
    private final Clock clock;
    /** Immutable, so one serves every transport. */
    private static final Backoff RECONNECTS = new Backoff(RECONNECT_INITIAL_MILLIS, RECONNECT_CAP_MILLIS);
    private volatile SocketChannel channel;
    private int failedConnects;
    private long nextConnectMillis;
    private volatile boolean closed;

    public SermantTcpTransport(String host, int port, Duration connectTimeout, Duration writeTimeout, Clock clock) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.writeTimeoutMillis = writeTimeout.toMillis();
        this.clock = clock;
    }

    @Override
    public Attempt send(Signal signal) {
        if (signal.kind() != SignalKind.BEAT || signal.instance() == null) {
            return Attempt.skipped(); // the Sermant protocol only knows heartbeats
        }
        SocketChannel current = channel;
        if (current != null && !stillOpen(current)) {
            log.get().debug("sermant-backend {}:{} closed the connection; reconnecting", host, port);
            closeChannel();
            current = null;
        }
        long now = clock.millis();
        if (current == null && now < nextConnectMillis) { // checked before encoding: a beat not sent costs nothing
            return Attempt.notYet("sermant-backend " + host + ":" + port + " is down; next reconnect in "
                    + (nextConnectMillis - now) + " ms", nextConnectMillis - now);
        }
        byte[] frame = SermantFrameEncoder.heartbeatFrame(SermantJson.heartbeatMessage(signal));
        if (current != null) {
            try {
                write(current, frame);
                return Attempt.delivered(0);
            } catch (IOException e) {
                log.get().debug("write to sermant-backend {}:{} failed on an old connection ({}); resending once", host, port,
                        e.toString());
                closeChannel();
            }
        }
        return sendOnFreshConnection(frame);
    }

    /** Connects and writes; the caller has checked the reconnect backoff (a live channel means none runs). */
    private Attempt sendOnFreshConnection(byte[] frame) {
        try {
            SocketChannel fresh = connect();
            channel = fresh;
            if (closed) {
                closeChannel();
                return Attempt.retryable(0, "transport closed", -1);
            }
            write(fresh, frame);
            failedConnects = 0;
            nextConnectMillis = 0;
            return Attempt.delivered(0);
        } catch (IOException e) {
            closeChannel();
            long wait = RECONNECTS.delayMillis(++failedConnects);
            nextConnectMillis = clock.millis() + wait;
            return Attempt.retryable(0, "sermant-backend " + host + ":" + port + ": " + e, wait);
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel fresh = SocketChannel.open();
        try {
            fresh.configureBlocking(false);
            fresh.setOption(StandardSocketOptions.TCP_NODELAY, true);
            fresh.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new UnknownHostException(host);
            }
            if (!fresh.connect(address) && !awaitReady(fresh, SelectionKey.OP_CONNECT, connectTimeoutMillis)) {
                throw new SocketTimeoutException("connect timed out after " + connectTimeoutMillis + " ms");
            }
            fresh.finishConnect();
            return fresh;
        } catch (IOException | UnresolvedAddressException | SecurityException e) {
            fresh.close();
            throw e instanceof IOException ? (IOException) e : new IOException(e.toString());
        }
    }

    private void write(SocketChannel target, byte[] frame) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        long deadline = System.nanoTime() + writeTimeoutMillis * 1_000_000L;
        while (buffer.hasRemaining()) {
            if (target.write(buffer) == 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0 || !awaitReady(target, SelectionKey.OP_WRITE, left)) {
                    throw new SocketTimeoutException("write timed out after " + writeTimeoutMillis + " ms");
                }
            }
        }
    }

    private static boolean awaitReady(SocketChannel target, int operation, long timeoutMillis) throws IOException {
        try (Selector selector = Selector.open()) {
            SelectionKey key = target.register(selector, operation);
            boolean ready = selector.select(Math.max(1, timeoutMillis)) > 0;
            key.cancel();
            selector.selectNow(); // deregisters the channel so it can be used in blocking-free mode again
            return ready;
        }
    }

    /** The backend never sends anything, so a readable socket means it was closed (or reset). */
    private static boolean stillOpen(SocketChannel target) {
        try {
            return target.read(ByteBuffer.allocate(256)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void closeChannel() {
        SocketChannel current = channel;
        channel = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // Nothing left to do with a socket we are discarding.
            }
        }
    }

    @Override
    public void drained() {
        // The connection stays open on purpose: the next beat reuses it.
    }

    @Override
    public void cancel() {
        closeChannel();
    }

    @Override
    public void close() {
        closed = true;
        closeChannel();
    }

    @Override
    public String toString() {
        return "SermantTcpTransport{" + host + ":" + port + "}";
    }
}
