package io.github.heartbeatsdk.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The receiver of {@link PeersScenario}: HTTP/1.1 on 127.0.0.1, plain and TLS, that stamps
 * {@link System#nanoTime()} when it has read the head of the first request on each path and
 * counts requests and connections by path. Blocking sockets, one thread per connection (from a
 * cached pool), keep-alive, {@code Content-Length} and chunked bodies; every request is answered
 * {@code 200 OK} with the body {@code OK}.
 *
 * <p>The plain port is also a proxy for a client whose host is fixed: it accepts absolute-form
 * targets ({@code GET http://cronitor.link/key/complete HTTP/1.1}) and {@code CONNECT host:443},
 * after which it speaks TLS itself on that connection with the same certificate (whose names
 * include the fixed host), so the request inside the tunnel is received and stamped like any other.
 *
 * <p>On Linux {@code nanoTime} is {@code CLOCK_MONOTONIC}, one clock for every process, so a stamp
 * here minus a {@code nanoTime} a child printed is a time between the two processes;
 * {@link PeersScenario} checks that assumption on every launch.
 */
final class ArrivalReceiver implements AutoCloseable {
    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK_CLOSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
            + "Connection: close\r\n\r\nOK").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TUNNEL = "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SSLContext tls;
    private final ServerSocket plain;
    private final ServerSocket secure;
    private final ExecutorService connections;
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> connectionsByFirstPath = new ConcurrentHashMap<>();
    private final LongAdder tunnels = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile boolean running = true;

    private ArrivalReceiver(SSLContext tls) throws IOException {
        this.tls = tls;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        plain = new ServerSocket(0, 1024, loopback);
        secure = tls.getServerSocketFactory().createServerSocket(0, 1024, loopback);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "arrival-receiver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        connections = Executors.newCachedThreadPool(daemons);
        daemons.newThread(() -> accept(plain)).start();
        daemons.newThread(() -> accept(secure)).start();
    }

    /** Listens on two ephemeral ports of 127.0.0.1: plain HTTP (and proxy), and TLS with {@code tls}'s certificate. */
    static ArrivalReceiver start(SSLContext tls) throws IOException {
        return new ArrivalReceiver(tls);
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    String httpBase() {
        return "http://127.0.0.1:" + plain.getLocalPort();
    }

    /** {@code https://127.0.0.1:port}, without a trailing slash. */
    String httpsBase() {
        return "https://127.0.0.1:" + secure.getLocalPort();
    }

    /** The plain port, which is also the proxy port. */
    int plainPort() {
        return plain.getLocalPort();
    }

    /** Requests received on this path (any listener, tunnels included). */
    long requests(String path) {
        LongAdder n = requests.get(path);
        return n == null ? 0 : n.sum();
    }

    /** Connections whose first request was on this path. */
    long connections(String path) {
        LongAdder n = connectionsByFirstPath.get(path);
        return n == null ? 0 : n.sum();
    }

    /** CONNECT requests answered so far. */
    long tunnels() {
        return tunnels.sum();
    }

    /** Connections that ended with a malformed request or an I/O error other than the peer going away. */
    long errors() {
        return errors.sum();
    }

    /** The {@code nanoTime} at which the head of the first request on {@code path} was read, waiting up to {@code millis}. */
    long awaitFirstArrival(String path, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (true) {
            Long stamp = firstArrival.get(path);
            if (stamp != null) {
                return stamp;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("nothing arrived on " + path + " within " + millis + " ms; requests so far on: "
                        + requests.keySet());
            }
            Thread.sleep(1);
        }
    }

    private void accept(ServerSocket server) {
        while (running) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (running) {
                    errors.increment();
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (Socket s = socket) {
            s.setTcpNoDelay(true);
            serve(s, new BufferedInputStream(s.getInputStream()), s.getOutputStream());
        } catch (SocketException e) {
            // the client went away (reset or closed mid-request): its business
        } catch (IOException | RuntimeException e) {
            if (running) {
                errors.increment();
                System.err.println("[peers] receiver: " + e);
            }
        }
    }

    private void serve(Socket socket, InputStream in, OutputStream out) throws IOException {
        boolean first = true;
        while (true) {
            RequestHead head = RequestHead.read(in);
            if (head == null) {
                return;
            }
            long now = System.nanoTime();
            if (head.method.equals("CONNECT")) {
                tunnel(socket, in, out);
                return;
            }
            firstArrival.putIfAbsent(head.path, now);
            requests.computeIfAbsent(head.path, p -> new LongAdder()).increment();
            if (first) {
                connectionsByFirstPath.computeIfAbsent(head.path, p -> new LongAdder()).increment();
                first = false;
            }
            if (head.expectContinue) {
                out.write(CONTINUE);
                out.flush();
            }
            head.skipBody(in);
            out.write(head.keepAlive ? OK : OK_CLOSE);
            out.flush();
            if (!head.keepAlive) {
                return;
            }
        }
    }

    /** Answers a CONNECT, then serves the tunnel's requests over TLS as the origin server itself. */
    private void tunnel(Socket socket, InputStream in, OutputStream out) throws IOException {
        tunnels.increment();
        if (in.available() > 0) {
            throw new IOException("bytes after CONNECT before it was answered");
        }
        out.write(TUNNEL);
        out.flush();
        SSLSocket tlsSocket = (SSLSocket) tls.getSocketFactory()
                .createSocket(socket, new ByteArrayInputStream(new byte[0]), true);
        try (SSLSocket t = tlsSocket) {
            serve(t, new BufferedInputStream(t.getInputStream()), t.getOutputStream());
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        plain.close();
        secure.close();
        connections.shutdownNow();
    }
}
