package io.github.heartbeatsdk;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal, fast HTTP/1.1 server for load tests, where MockWebServer's per-request bookkeeping
 * would be the bottleneck: 127.0.0.1 on a free port, one thread per connection, keep-alive. It
 * reads each request head up to the blank line, skips a {@code Content-Length} body, answers
 * {@code 200} with an empty body and counts requests. Threads are named {@value #THREAD_PREFIX}.
 */
final class FastHttpServer implements AutoCloseable {
    static final String THREAD_PREFIX = "fast-http-";
    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object openChanged = new Object();
    private volatile boolean closed;

    FastHttpServer() throws IOException {
        server = new ServerSocket(0, 256, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(this::acceptLoop, THREAD_PREFIX + "accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port it listens on. */
    int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Requests answered so far. */
    long requests() {
        return requests.get();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Connections still open. */
    int openConnections() {
        return open.size();
    }

    /** Waits until at most {@code max} connections are open; returns false on timeout. */
    boolean awaitOpenConnectionsAtMost(int max, long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        synchronized (openChanged) {
            while (open.size() > max) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(openChanged, left);
            }
        }
        return true;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            int number = connections.incrementAndGet();
            open.add(socket);
            Thread handler = new Thread(() -> serve(socket), THREAD_PREFIX + number);
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void serve(Socket socket) {
        try (Socket s = socket) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
            OutputStream out = s.getOutputStream();
            StringBuilder line = new StringBuilder();
            while (!closed) {
                long contentLength = 0;
                boolean any = false;
                // Read the request head line by line until the empty line.
                while (true) {
                    line.setLength(0);
                    if (!readLine(in, line)) {
                        return; // the client closed the connection
                    }
                    if (line.length() == 0) {
                        if (any) {
                            break;
                        }
                        continue; // tolerate stray CRLF between requests
                    }
                    any = true;
                    String header = line.toString();
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        contentLength = Long.parseLong(header.substring("content-length:".length()).trim());
                    }
                }
                for (long left = contentLength; left > 0; ) {
                    long skipped = in.skip(left);
                    if (skipped <= 0) {
                        if (in.read() < 0) {
                            return;
                        }
                        skipped = 1;
                    }
                    left -= skipped;
                }
                requests.incrementAndGet(); // before answering, so a delivered ping is always counted
                out.write(OK);
                out.flush();
            }
        } catch (SocketException e) {
            // reset by the client or closed by close(): the connection is over
        } catch (IOException e) {
            // same
        } finally {
            open.remove(socket);
            synchronized (openChanged) {
                openChanged.notifyAll();
            }
        }
    }

    /** Reads one CRLF- (or LF-) terminated line without the terminator; false at end of stream. */
    private static boolean readLine(InputStream in, StringBuilder line) throws IOException {
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return true;
            }
            line.append((char) c);
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
