package io.github.heartbeatsdk.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small, fast HTTP/1.1 keep-alive receiver for benchmarks: one selector thread on 127.0.0.1,
 * every request answered {@code 200 OK} with the two-byte body {@code OK}, pipelining allowed.
 *
 * <p>It counts requests by path and connections by the path of their first request, so a
 * harness can check what arrived and how many connections a client opened. Requests to paths
 * under {@code /hold} are not answered while holding is on ({@code GET /control/hold}) and are
 * answered at {@code GET /control/release}: that keeps a client's delivery thread busy so its
 * queue fills. The JDK's HttpServer is far slower here (it delays small responses unless
 * {@code -Dsun.net.httpserver.nodelay=true}), which would make every client look equally fast.
 */
public final class FastReceiver implements AutoCloseable {
    private static final byte[] OK = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEAD = 64 * 1024;

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Thread thread;
    private final Map<String, LongAdder> requestsByPath = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> connectionsByFirstPath = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> openByFirstPath = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final List<Conn> held = new ArrayList<>();
    private volatile boolean running = true;
    private boolean holding;

    private FastReceiver(int port) throws IOException {
        selector = Selector.open();
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::loop, "bench-receiver");
        thread.setDaemon(true);
    }

    /** Starts a receiver on an ephemeral port of 127.0.0.1. */
    public static FastReceiver start() throws IOException {
        FastReceiver receiver = new FastReceiver(0);
        receiver.thread.start();
        return receiver;
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Requests received with exactly this path (query excluded). */
    public long requests(String path) {
        LongAdder n = requestsByPath.get(path);
        return n == null ? 0 : n.sum();
    }

    /** Requests received whose path starts with {@code prefix}. */
    public long requestsUnder(String prefix) {
        return sumUnder(requestsByPath, prefix);
    }

    /** Connections whose first request's path starts with {@code prefix}. */
    public long connectionsUnder(String prefix) {
        return sumUnder(connectionsByFirstPath, prefix);
    }

    /** Connections still open (not closed by either side) whose first request's path starts with {@code prefix}. */
    public long openConnectionsUnder(String prefix) {
        return sumUnder(openByFirstPath, prefix);
    }

    private static long sumUnder(Map<String, LongAdder> counts, String prefix) {
        long sum = 0;
        for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                sum += e.getValue().sum();
            }
        }
        return sum;
    }

    public long totalRequests() {
        return requests.get();
    }

    public long totalConnections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        selector.close();
    }

    private void loop() {
        try {
            while (running) {
                selector.select(500);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else {
                        Conn conn = (Conn) key.attachment();
                        try {
                            if (key.isWritable()) {
                                conn.flush();
                            }
                            if (key.isValid() && key.isReadable()) {
                                conn.read();
                            }
                        } catch (IOException | RuntimeException e) {
                            conn.close();
                        }
                    }
                }
            }
        } catch (IOException e) {
            if (running) {
                e.printStackTrace();
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Conn conn = new Conn(channel);
            conn.key = channel.register(selector, SelectionKey.OP_READ, conn);
            connections.incrementAndGet();
        }
    }

    private void setHolding(boolean on) {
        holding = on;
        if (!on) {
            List<Conn> release = new ArrayList<>(held);
            held.clear();
            for (Conn conn : release) {
                conn.parked = false;
                try {
                    conn.answerParked();
                    conn.process();
                } catch (IOException | RuntimeException e) {
                    conn.close();
                }
            }
        }
    }

    private final class Conn {
        final SocketChannel channel;
        SelectionKey key;
        ByteBuffer in = ByteBuffer.allocate(8192);
        ByteBuffer out = ByteBuffer.allocate(4096);
        boolean first = true;
        String firstPath;
        boolean parked;

        Conn(SocketChannel channel) {
            this.channel = channel;
            out.flip();
        }

        void read() throws IOException {
            int n = channel.read(in);
            if (n < 0) {
                close();
                return;
            }
            if (!parked) {
                process();
            }
        }

        /** Parses and answers every complete request in the input buffer. */
        void process() throws IOException {
            in.flip();
            try {
                while (!parked) {
                    int headEnd = indexOfHeadEnd(in);
                    if (headEnd < 0) {
                        if (in.remaining() > MAX_HEAD) {
                            throw new IOException("request head too large");
                        }
                        if (in.remaining() == in.capacity()) {
                            grow(in.capacity() * 2);
                            in.flip();
                        }
                        break;
                    }
                    int start = in.position();
                    String head = new String(in.array(), start, headEnd - start, StandardCharsets.ISO_8859_1);
                    long bodyLength = contentLength(head);
                    int total = headEnd + 4 - start;
                    if (in.remaining() < total + bodyLength) {
                        if (total + bodyLength > in.capacity()) {
                            grow((int) (total + bodyLength));
                            in.flip();
                        }
                        break;
                    }
                    in.position(start + total + (int) bodyLength);
                    String path = path(head);
                    count(path);
                    if (holding && path.startsWith("/hold")) {
                        parked = true;
                        held.add(this);
                        break;
                    }
                    if (path.equals("/control/hold")) {
                        setHolding(true);
                    } else if (path.equals("/control/release")) {
                        setHolding(false);
                    }
                    respond();
                }
            } finally {
                in.compact();
            }
            flush();
        }

        void answerParked() throws IOException {
            respond();
            flush();
        }

        private void grow(int needed) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(needed, in.capacity() * 2));
            bigger.put(in);
            in = bigger;
        }

        private void count(String path) {
            requests.incrementAndGet();
            requestsByPath.computeIfAbsent(path, p -> new LongAdder()).increment();
            if (first) {
                first = false;
                firstPath = path;
                connectionsByFirstPath.computeIfAbsent(path, p -> new LongAdder()).increment();
                openByFirstPath.computeIfAbsent(path, p -> new LongAdder()).increment();
            }
        }

        private void respond() {
            out.compact();
            if (out.remaining() < OK.length) {
                ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            out.put(OK);
            out.flip();
        }

        void flush() throws IOException {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    break;
                }
            }
            if (key.isValid()) {
                key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            }
        }

        void close() {
            if (firstPath != null && channel.isOpen()) {
                openByFirstPath.get(firstPath).decrement();
            }
            held.remove(this);
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private static int indexOfHeadEnd(ByteBuffer buf) {
        byte[] a = buf.array();
        for (int i = buf.position(), end = buf.limit() - 3; i < end; i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static long contentLength(String head) {
        int from = 0;
        while (true) {
            int eol = head.indexOf("\r\n", from);
            if (eol < 0) {
                return 0;
            }
            int colon = head.indexOf(':', eol + 2);
            int next = head.indexOf("\r\n", eol + 2);
            int lineEnd = next < 0 ? head.length() : next;
            if (colon > 0 && colon < lineEnd
                    && head.regionMatches(true, eol + 2, "content-length", 0, colon - eol - 2)
                    && colon - eol - 2 == "content-length".length()) {
                return Long.parseLong(head.substring(colon + 1, lineEnd).trim());
            }
            from = eol + 2;
        }
    }

    private static String path(String head) {
        int sp1 = head.indexOf(' ');
        int sp2 = head.indexOf(' ', sp1 + 1);
        String target = head.substring(sp1 + 1, sp2 < 0 ? head.length() : sp2);
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }
}
