package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.internal.Backoff;
import io.github.heartbeatsdk.internal.LazyLogger;
import io.github.heartbeatsdk.internal.SermantJson;

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
 * <p>sermant-backend 1.1.0 and later never answer, so "delivered" means written to a healthy
 * socket. Two things make a socket unhealthy without telling us: the backend closes connections
 * idle for 60 s, and it may restart. Before each write the transport reads (without blocking) from
 * the socket; end of stream means the backend closed it, and a fresh connection is opened. A write
 * that still fails on an old connection is sent once more on a fresh one. While the backend is
 * down, reconnects back off from 1 s, doubling up to 30 s with jitter; a successful write resets it.
 *
 * <p>What the backend does send is never thrown away ({@link SermantReplies}): a sermant-backend
 * of the 1.0.x line answers each frame with a HEARTBEAT_PONG and stores nothing, and any other
 * byte means the port is not a sermant-backend's. Either ends the beat REJECTED, saying so, and so
 * does every later beat while that connection lasts, without writing it. The answer comes at once,
 * so the first beat on a new connection waits for it, up to {@link #REPLY_WINDOW_MILLIS} (or the
 * write timeout, if shorter), before it counts as delivered; the wait is a poll, like a connect's.
 * An answer later than that rejects the next beat, and says how many were reported delivered.
 *
 * <p>Connects never block: the transport starts one and answers "in progress", and the
 * dispatcher polls it, so a backend that never answers a connect costs a shared executor
 * microseconds per poll, not the connect timeout. Writes are non-blocking with a timeout.
 */
public final class SermantTcpTransport implements Transport {
    /** First wait before reconnecting to a backend that is down. */
    public static final long RECONNECT_INITIAL_MILLIS = 1_000;
    /** Longest wait between two reconnects. */
    public static final long RECONNECT_CAP_MILLIS = 30_000;
    /**
     * How long the first beat on a new connection waits for an answer, which only a backend we
     * cannot serve sends (a 1.0.x one answers at once); below the shortest beat interval, 1 s.
     */
    public static final long REPLY_WINDOW_MILLIS = 500;

    private static final LazyLogger log = new LazyLogger(SermantTcpTransport.class);

    private final String host;
    private final int port;
    private final long connectTimeoutMillis;
    private final long writeTimeoutMillis;
    private final Clock clock;
    /** Immutable, so one serves every transport. */
    private static final Backoff RECONNECTS = new Backoff(RECONNECT_INITIAL_MILLIS, RECONNECT_CAP_MILLIS);
    /** Between two polls of a connect under way: short at first, so a local backend's first beat is quick. */
    private static final long MIN_CONNECT_POLL_MILLIS = 5;
    private static final long MAX_CONNECT_POLL_MILLIS = 100;
    private static final long MIN_REPLY_POLL_MILLIS = 5;
    private static final long MAX_REPLY_POLL_MILLIS = 50;
    private final long replyWindowMillis;
    private volatile SocketChannel channel;
    /** A connect under way, polled on each send until it completes or times out. */
    private volatile SocketChannel connecting;
    private long connectStartNanos;
    /** True for a channel that has not carried a frame yet: a failed write on it is a failed connect. */
    private boolean fresh;
    /** What the backend has written on {@link #channel}; a new one per connection. */
    private SermantReplies replies;
    /** Beats reported delivered on {@link #channel}, for a refusal that comes after some. */
    private int deliveredOnChannel;
    /** The beat written first on {@link #channel}, while it waits for the backend's answer; else null. */
    private Signal awaitingReply;
    private long replyWaitStartMillis;
    private long replyWaitStartNanos;
    private int failedConnects;
    private long nextConnectMillis;
    private volatile boolean closed;

    public SermantTcpTransport(String host, int port, Duration connectTimeout, Duration writeTimeout, Clock clock) {
        this(host, port, connectTimeout, writeTimeout, clock, Math.min(REPLY_WINDOW_MILLIS, writeTimeout.toMillis()));
    }

    /** With its own reply window, for tests that must not depend on how fast a fake backend answers. */
    SermantTcpTransport(String host, int port, Duration connectTimeout, Duration writeTimeout, Clock clock,
                        long replyWindowMillis) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.writeTimeoutMillis = writeTimeout.toMillis();
        this.clock = clock;
        this.replyWindowMillis = replyWindowMillis;
    }

    @Override
    public Attempt send(Signal signal) {
        if (signal.kind() != SignalKind.BEAT || signal.instance() == null) {
            return Attempt.skipped(); // the Sermant protocol only knows heartbeats
        }
        if (awaitingReply != null) {
            Attempt answered = awaitReply(signal);
            if (answered != null) {
                return answered;
            }
        }
        if (connecting != null) {
            Attempt notConnected = finishConnecting();
            if (notConnected != null) {
                return notConnected;
            }
        }
        SocketChannel current = channel;
        if (current != null) {
            boolean open = replies.readFrom(current);
            if (replies.verdict() != SermantReplies.Verdict.NONE && (open || !replies.reported())) {
                // Not written: this backend keeps nothing we send. A new connection (after its idle close,
                // or a restart that may have been an upgrade) asks again.
                return refused(open);
            }
            if (!open) {
                closeChannel();
                if (fresh) {
                    // Closed before carrying a frame (a balancer that accepts and drops): a failed connect, backed off.
                    fresh = false;
                    return connectFailed(new IOException("connection closed by the backend right after connecting"));
                }
                log.get().debug("sermant-backend {}:{} closed the connection; reconnecting", host, port);
                current = null;
            }
        }
        long now = clock.millis();
        if (current == null && now < nextConnectMillis) { // checked before encoding: a beat not sent costs nothing
            return Attempt.notYet("sermant-backend " + host + ":" + port + " is down; next reconnect in "
                    + (nextConnectMillis - now) + " ms", nextConnectMillis - now);
        }
        if (current == null) {
            Attempt notConnected = startConnecting();
            if (notConnected != null) {
                return notConnected;
            }
            current = channel;
        }
        byte[] frame = SermantFrameEncoder.heartbeatFrame(SermantJson.heartbeatMessage(signal));
        boolean wasFresh = fresh;
        fresh = false;
        try {
            write(current, frame);
            failedConnects = 0;
            nextConnectMillis = 0;
        } catch (IOException e) {
            closeChannel();
            if (!wasFresh) {
                // An old connection the backend dropped without our noticing: one more try, on a new one.
                log.get().debug("write to sermant-backend {}:{} failed on an old connection ({}); reconnecting", host, port,
                        e.toString());
                Attempt notConnected = startConnecting();
                return notConnected != null ? notConnected : Attempt.inProgress("reconnected to sermant-backend "
                        + host + ":" + port, 1);
            }
            return connectFailed(e);
        }
        if (wasFresh && replyWindowMillis > 0) {
            // A 1.0.x backend answers the first frame at once; a 1.1+ one never does. Polled, never waited for.
            awaitingReply = signal;
            replyWaitStartMillis = clock.millis();
            replyWaitStartNanos = System.nanoTime();
            return waitingForReply(0);
        }
        return delivered();
    }

    /**
     * The verdict on the beat written first on this connection, or, while the window lasts, "in
     * progress". Null when {@code signal} is another beat: the one that waited ended meanwhile (its
     * deadline passed), and this one goes its own way.
     */
    private Attempt awaitReply(Signal signal) {
        SocketChannel current = channel;
        if (signal != awaitingReply || current == null) {
            awaitingReply = null;
            return null;
        }
        boolean open = replies.readFrom(current);
        long waited = Math.max(clock.millis() - replyWaitStartMillis,
                (System.nanoTime() - replyWaitStartNanos) / 1_000_000L);
        if (open && waited < replyWindowMillis && replies.verdict() == SermantReplies.Verdict.NONE) {
            return waitingForReply(waited);
        }
        if (waited >= replyWindowMillis) {
            replies.noMoreToCome(); // half a frame all this time: no PONG is that slow
        }
        if (replies.verdict() != SermantReplies.Verdict.NONE) {
            awaitingReply = null;
            return refused(open);
        }
        awaitingReply = null;
        if (!open) {
            // Written to a healthy socket, then closed without a word (an idle close, a restart): as delivered as
            // any beat can be; the next one reconnects.
            closeChannel();
            log.get().debug("sermant-backend {}:{} closed the connection after the beat; reconnecting", host, port);
        }
        return delivered();
    }

    private Attempt waitingForReply(long waitedMillis) {
        long poll = Math.min(MAX_REPLY_POLL_MILLIS, Math.max(MIN_REPLY_POLL_MILLIS, waitedMillis / 2));
        return Attempt.inProgress("beat written to sermant-backend " + host + ":" + port + " on a new connection;"
                + " waiting up to " + replyWindowMillis + " ms for an answer (only a 1.0.x backend or a server that is"
                + " no sermant-backend answers)", Math.max(1, Math.min(poll, replyWindowMillis - waitedMillis)));
    }

    private Attempt delivered() {
        if (deliveredOnChannel < Integer.MAX_VALUE) {
            deliveredOnChannel++;
        }
        return Attempt.delivered(0);
    }

    /** Ends the beat REJECTED with what the backend's answer says; a closed connection is let go. */
    private Attempt refused(boolean open) {
        String reason = replies.refusal(host + ":" + port, deliveredOnChannel);
        log.get().debug("sermant-backend {}:{} answered {} byte(s): {}", host, port, replies.received(),
                replies.preview());
        if (!open) {
            closeChannel();
        }
        return Attempt.rejected(0, reason);
    }

    /**
     * Opens a connection without waiting for it: a backend that never answers a connect must not
     * hold the delivery thread, which may be an executor shared with other clients. Returns null
     * when the connect completed at once (the channel is ready to write), else an in-progress
     * attempt (the dispatcher asks again shortly) or the failure.
     */
    private Attempt startConnecting() {
        SocketChannel opened;
        synchronized (this) {
            if (closed) {
                return Attempt.retryable(0, "transport closed", -1);
            }
            try {
                opened = SocketChannel.open();
            } catch (IOException e) {
                return connectFailed(e);
            }
            connecting = opened;
        }
        connectStartNanos = System.nanoTime();
        try {
            opened.configureBlocking(false);
            opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
            opened.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new UnknownHostException(host);
            }
            opened.connect(address);
        } catch (IOException | UnresolvedAddressException | SecurityException e) {
            closeConnecting();
            return connectFailed(e instanceof IOException ? (IOException) e : new IOException(e.toString()));
        }
        return finishConnecting();
    }

    /** Null once the connect under way has completed (the channel is ready to write), else what to tell the dispatcher. */
    private Attempt finishConnecting() {
        SocketChannel pending = connecting;
        try {
            if (pending.finishConnect()) {
                connecting = null;
                replies = new SermantReplies();
                deliveredOnChannel = 0;
                channel = pending;
                fresh = true;
                return null;
            }
            long elapsedMillis = (System.nanoTime() - connectStartNanos) / 1_000_000L;
            if (elapsedMillis >= connectTimeoutMillis) {
                throw new SocketTimeoutException("connect timed out after " + connectTimeoutMillis + " ms");
            }
            long poll = Math.min(MAX_CONNECT_POLL_MILLIS, Math.max(MIN_CONNECT_POLL_MILLIS, elapsedMillis / 2));
            return Attempt.inProgress("connecting to sermant-backend " + host + ":" + port, poll);
        } catch (IOException e) {
            closeConnecting();
            return connectFailed(e);
        }
    }

    private Attempt connectFailed(IOException e) {
        long wait = RECONNECTS.delayMillis(++failedConnects);
        nextConnectMillis = clock.millis() + wait;
        return Attempt.retryable(0, "sermant-backend " + host + ":" + port + ": " + e, wait);
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

    private void closeChannel() {
        SocketChannel current = channel;
        channel = null;
        awaitingReply = null;
        closeQuietly(current);
    }

    private void closeConnecting() {
        SocketChannel pending = connecting;
        connecting = null;
        closeQuietly(pending);
    }

    private static void closeQuietly(SocketChannel target) {
        if (target != null) {
            try {
                target.close();
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
        closeConnecting();
    }

    /** Closes the connection and any connect under way; once it returns, no socket is opened again. */
    @Override
    public synchronized void close() {
        closed = true;
        cancel();
    }

    @Override
    public String toString() {
        return "SermantTcpTransport{" + host + ":" + port + "}";
    }
}
