package io.github.heartbeatsdk.demo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sermant's heartbeat port: accepts connections on 127.0.0.1, never answers (like sermant-backend),
 * decodes each frame with {@link SermantFrameReader} and records each heartbeat. A connection
 * that sends nothing for the idle timeout is closed, like the backend's {@code netty.wait.time};
 * one that sends a malformed frame is closed too, since the stream can no longer be trusted.
 */
final class SermantTcpListener implements AutoCloseable {
    /** More connections than this at once are refused: this is a demo, not a fleet's backend. */
    private static final int MAX_CONNECTIONS = 32;

    private final ServerSocket server;
    private final ReceiverState state;
    private final int idleTimeoutMillis;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    SermantTcpListener(InetAddress address, int port, Duration idleTimeout, ReceiverState state) throws IOException {
        this.state = state;
        this.idleTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis());
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), 50);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        this.server = socket;
        this.acceptor = daemon(this::acceptLoop, "demo-receiver-sermant-accept");
        acceptor.start();
    }

    /** The port it listens on. */
    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (open.size() >= MAX_CONNECTIONS) {
                state.reject("tcp", "more than " + MAX_CONNECTIONS + " connections; closed a new one");
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            if (closed) {
                closeQuietly(socket); // close() may have run between accept and add
            }
            daemon(() -> read(socket), "demo-receiver-sermant-" + connections.incrementAndGet()).start();
        }
    }

    private void read(Socket socket) {
        try (socket) {
            socket.setSoTimeout(idleTimeoutMillis);
            SermantFrameReader frames = new SermantFrameReader(new BufferedInputStream(socket.getInputStream()));
            for (List<byte[]> beats = frames.next(); beats != null; beats = frames.next()) {
                for (byte[] json : beats) {
                    record(json);
                }
            }
        } catch (SermantFrameReader.MalformedFrame e) {
            state.reject("tcp", "malformed frame, connection closed: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            // idle past the timeout: closed as the backend does; the SDK reconnects on its next beat
        } catch (IOException e) {
            // reset by the client, or closed by close()
        } finally {
            open.remove(socket);
        }
    }

    private void record(byte[] json) {
        try {
            state.beat("tcp", HeartbeatJson.parse(json));
        } catch (IllegalArgumentException e) {
            state.reject("tcp", e.getMessage()); // the frame was sound, so the next one can still be read
        }
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(SermantTcpListener::closeQuietly);
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
