package io.github.heartbeatsdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A sermant-backend stand-in on a real TCP socket: it accepts connections on 127.0.0.1, never
 * answers (unless made with {@link #answering}), and decodes what it reads exactly as the backend's
 * Netty pipeline would
 * ({@code ProtobufVarint32FrameDecoder}, then a protobuf {@code NettyMessage}, then gunzip and
 * JSON of every {@code ServiceData.data}). The decoder is written here by hand, independently of
 * the SDK's encoder, so a test checks the SDK against the protocol rather than against itself.
 *
 * <pre>
 * message NettyMessage { MessageType messageType = 1; repeated ServiceData serviceData = 2; }  // SERVICE_DATA = 0
 * message ServiceData  { DataType dataType = 1; bytes data = 2; }                                // HEARTBEAT_DATA = 0
 * </pre>
 *
 * <p>Anything malformed (a bad varint, an unknown field or wire type, a non-heartbeat data type,
 * a frame cut short, data that is not gzip or not a JSON object) is recorded in {@link #errors()}
 * and makes {@link #takeBeat} and {@link #beats()} throw, so a test cannot pass over it.
 *
 * <p>With an idle timeout, a connection that has received nothing for that long is closed by the
 * server, like the backend's {@code netty.wait.time} read-idle handler.
 *
 * <p>{@link #answering} makes it answer every frame it has decoded with the same bytes, as a
 * Sermant 1.0.x backend answers each of our frames with a HEARTBEAT_PONG ({@link #PONG}).
 */
public final class FakeSermantBackend implements AutoCloseable {
    /** A frame is at most this long; a larger length prefix is taken as garbage. */
    static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    /**
     * What a Sermant 1.0.x backend (its {@code BaseHandler.sendPongMsg}, tag v1.0.0) writes back for
     * each of our frames, which its older {@code NettyMessage} reads as a HEARTBEAT_PING:
     * {@code messageType = HEARTBEAT_PONG (1)} and an empty {@code heartBeat}, length-prefixed.
     */
    public static final byte[] PONG = {0x04, 0x08, 0x01, 0x12, 0x00};

    /** One heartbeat as the backend received it. */
    public record BeatRecord(int connectionNumber, JsonNode json, byte[] frame) {
        /** {@code heartbeatTime} of the beat. */
        public long heartbeatTime() {
            return json.get("heartbeatTime").longValue();
        }

        @Override
        public String toString() {
            return "BeatRecord{connection=" + connectionNumber + ", " + json + "}";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket server;
    private final Duration idleTimeout;
    private final Thread acceptThread;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final Map<Socket, Thread> open = new ConcurrentHashMap<>();
    private final BlockingQueue<BeatRecord> untaken = new LinkedBlockingQueue<>();
    private final List<BeatRecord> all = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final List<Integer> idleClosed = new CopyOnWriteArrayList<>();
    private final byte[] answer;
    private final CountDownLatch answersAllowed;
    private final AtomicInteger answered = new AtomicInteger();
    private volatile boolean closed;

    /** On a free port, with no idle timeout. */
    public FakeSermantBackend() throws IOException {
        this(0, null);
    }

    /** On {@code port} (0 for a free one), with no idle timeout. */
    public FakeSermantBackend(int port) throws IOException {
        this(port, null);
    }

    /**
     * On {@code port} (0 for a free one); when {@code idleTimeout} is not null, a connection that
     * receives nothing for that long is closed by the server.
     */
    public FakeSermantBackend(int port, Duration idleTimeout) throws IOException {
        this(port, idleTimeout, null, null);
    }

    /**
     * On a free port: answers every frame it has decoded with {@code answer}, once
     * {@code answersAllowed} is open (null: at once); with an idle timeout unless it is null.
     */
    public static FakeSermantBackend answering(byte[] answer, CountDownLatch answersAllowed, Duration idleTimeout)
            throws IOException {
        return new FakeSermantBackend(0, idleTimeout, answer.clone(), answersAllowed);
    }

    /** On a free port, answering every frame it has decoded with {@code answer} at once. */
    public static FakeSermantBackend answering(byte[] answer) throws IOException {
        return answering(answer, null, null);
    }

    private FakeSermantBackend(int port, Duration idleTimeout, byte[] answer, CountDownLatch answersAllowed)
            throws IOException {
        this.answer = answer;
        this.answersAllowed = answersAllowed;
        if (idleTimeout != null && (idleTimeout.isZero() || idleTimeout.isNegative())) {
            throw new IllegalArgumentException("idleTimeout must be > 0, got " + idleTimeout);
        }
        this.idleTimeout = idleTimeout;
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        this.server = socket;
        this.acceptThread = new Thread(this::acceptLoop, "fake-sermant-accept-" + socket.getLocalPort());
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Waits up to {@code timeout} for the next beat not yet taken; returns null when none came.
     *
     * @throws AssertionError when the server has received anything malformed
     */
    public BeatRecord takeBeat(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            assertNoErrors();
            long left = end - System.nanoTime();
            if (left <= 0) {
                return untaken.poll();
            }
            // Short slices, so that a malformed frame fails the test at once, not after the timeout.
            BeatRecord beat = untaken.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            if (beat != null) {
                assertNoErrors();
                return beat;
            }
        }
    }

    /**
     * Every beat received so far (taken or not), in arrival order.
     *
     * @throws AssertionError when the server has received anything malformed
     */
    public List<BeatRecord> beats() {
        assertNoErrors();
        return new ArrayList<>(all);
    }

    /** What went wrong while decoding; a correct client leaves this empty. */
    public List<Throwable> errors() {
        return new ArrayList<>(errors);
    }

    /** Throws an AssertionError carrying every decoding error, if there was any. */
    public void assertNoErrors() {
        if (errors.isEmpty()) {
            return;
        }
        AssertionError failure = new AssertionError("fake sermant-backend received malformed data: " + errors,
                errors.get(0));
        for (int i = 1; i < errors.size(); i++) {
            failure.addSuppressed(errors.get(i));
        }
        throw failure;
    }

    /** Connections accepted since the server started. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Answers written and flushed so far, on every connection. */
    public int answersWritten() {
        return answered.get();
    }

    /** Waits up to {@code timeout} until at least {@code expected} answers were written; returns whether they were. */
    public boolean awaitAnswers(int expected, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (answered) {
            while (answered.get() < expected) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(answered, left);
            }
            return true;
        }
    }

    /** Bytes received on every connection so far. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Client connections open right now. */
    public int openConnections() {
        return open.size();
    }

    /** Waits up to {@code timeout} until exactly {@code expected} client connections are open; returns whether they were. */
    public boolean awaitOpenConnections(int expected, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (open) {
            while (open.size() != expected) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(open, left);
            }
            return true;
        }
    }

    /** Numbers of the connections the server closed because they were idle, in order. */
    public List<Integer> idleClosedConnections() {
        return new ArrayList<>(idleClosed);
    }

    /** Closes every open client connection now, and waits until each is closed and its reader has ended. */
    public void dropConnections() throws InterruptedException {
        List<Socket> dropped = new ArrayList<>(open.keySet());
        for (Socket socket : dropped) {
            closeQuietly(socket);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (open) {
            // A reader removes its socket from open as its last act, so this waits for the readers too
            // (even one accepted a moment ago whose thread had not started yet).
            for (Socket socket : dropped) {
                while (open.containsKey(socket)) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("the reader of " + socket + " did not end after its socket was closed");
                    }
                    TimeUnit.NANOSECONDS.timedWait(open, left);
                }
            }
        }
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        server.close();
        acceptThread.join(TimeUnit.SECONDS.toMillis(10));
        dropConnections();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    errors.add(new IOException("accept failed", e));
                }
                return;
            }
            int number = accepted.incrementAndGet();
            Thread reader = new Thread(() -> readLoop(socket, number), "fake-sermant-conn-" + number);
            reader.setDaemon(true);
            synchronized (open) {
                open.put(socket, reader);
                open.notifyAll();
            }
            if (closed) {
                closeQuietly(socket);
            }
            reader.start();
        }
    }

    private void readLoop(Socket socket, int connection) {
        try (Socket s = socket) {
            if (idleTimeout != null) {
                s.setSoTimeout((int) Math.max(1, idleTimeout.toMillis()));
            }
            InputStream in = new CountingInput(s.getInputStream());
            while (true) {
                int length = readFrameLength(in);
                if (length < 0) {
                    return; // closed between frames
                }
                byte[] body = readFully(in, length);
                byte[] frame = frameBytes(length, body);
                for (JsonNode beat : decodeNettyMessage(body)) {
                    BeatRecord record = new BeatRecord(connection, beat, frame);
                    all.add(record);
                    untaken.add(record);
                }
                if (answer != null && !answer(s)) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            idleClosed.add(connection); // read-idle: close it, as the backend does after netty.wait.time
        } catch (SocketException e) {
            // Closed by dropConnections()/close(), or reset by the client: not a protocol error
            // unless it cut a frame short, which readFully reports as a MalformedFrame itself.
            if (!socket.isClosed() && !isReset(e)) {
                errors.add(new IOException("connection " + connection + " failed", e));
            }
        } catch (MalformedFrame e) {
            errors.add(new MalformedFrame("connection " + connection + ": " + e.getMessage(), e));
        } catch (IOException | RuntimeException e) {
            errors.add(new MalformedFrame("connection " + connection + ": " + e, e));
        } finally {
            synchronized (open) {
                open.remove(socket);
                open.notifyAll();
            }
        }
    }

    /** Writes {@link #answer} once answers are allowed; false when the socket was closed while waiting. */
    private boolean answer(Socket socket) throws IOException {
        try {
            while (answersAllowed != null && !answersAllowed.await(50, TimeUnit.MILLISECONDS)) {
                if (socket.isClosed() || closed) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        socket.getOutputStream().write(answer);
        socket.getOutputStream().flush();
        synchronized (answered) {
            answered.incrementAndGet();
            answered.notifyAll();
        }
        return true;
    }

    private static boolean isReset(SocketException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase();
        return message.contains("reset") || message.contains("broken pipe") || message.contains("socket closed");
    }

    /**
     * Reads a varint32 length prefix as Netty's ProtobufVarint32FrameDecoder does: at most 5
     * bytes, never negative. Returns -1 on a clean end of stream before the first byte.
     */
    static int readFrameLength(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return -1;
        }
        long value = first & 0x7F;
        int shift = 7;
        int b = first;
        while ((b & 0x80) != 0) {
            if (shift >= 35) {
                throw new MalformedFrame("length prefix longer than 5 bytes");
            }
            b = in.read();
            if (b < 0) {
                throw new MalformedFrame("stream ended inside a length prefix");
            }
            value |= (long) (b & 0x7F) << shift;
            shift += 7;
        }
        if (value > Integer.MAX_VALUE) {
            throw new MalformedFrame("negative frame length " + (int) value);
        }
        if (value == 0) {
            throw new MalformedFrame("empty frame (length 0): a NettyMessage without serviceData");
        }
        if (value > MAX_FRAME_BYTES) {
            throw new MalformedFrame("frame length " + value + " is not plausible");
        }
        return (int) value;
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = 0;
        while (read < length) {
            int n;
            try {
                n = in.read(body, read, length - read);
            } catch (SocketTimeoutException e) {
                throw new MalformedFrame("frame of " + length + " bytes stalled after " + read + " bytes");
            }
            if (n < 0) {
                throw new MalformedFrame("stream ended after " + read + " of a " + length + "-byte frame");
            }
            read += n;
        }
        return body;
    }

    private static byte[] frameBytes(int length, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
        int value = length;
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    /** Decodes one NettyMessage body and returns the JSON of each heartbeat it carries. */
    static List<JsonNode> decodeNettyMessage(byte[] body) {
        Reader reader = new Reader(body, "NettyMessage");
        List<JsonNode> beats = new ArrayList<>();
        while (reader.hasMore()) {
            long tag = reader.varint();
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (field == 1 && wireType == 0) {
                long messageType = reader.varint();
                if (messageType != 0) {
                    throw new MalformedFrame("NettyMessage.messageType " + messageType + " is not SERVICE_DATA (0)");
                }
            } else if (field == 2 && wireType == 2) {
                beats.add(decodeServiceData(reader.lengthDelimited()));
            } else {
                throw new MalformedFrame("NettyMessage: unexpected field " + field + " with wire type " + wireType);
            }
        }
        if (beats.isEmpty()) {
            throw new MalformedFrame("NettyMessage without serviceData");
        }
        return beats;
    }

    private static JsonNode decodeServiceData(byte[] serviceData) {
        Reader reader = new Reader(serviceData, "ServiceData");
        byte[] data = null;
        while (reader.hasMore()) {
            long tag = reader.varint();
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (field == 1 && wireType == 0) {
                long dataType = reader.varint();
                if (dataType != 0) {
                    throw new MalformedFrame("ServiceData.dataType " + dataType + " is not HEARTBEAT_DATA (0)");
                }
            } else if (field == 2 && wireType == 2) {
                if (data != null) {
                    throw new MalformedFrame("ServiceData.data appears twice");
                }
                data = reader.lengthDelimited();
            } else {
                throw new MalformedFrame("ServiceData: unexpected field " + field + " with wire type " + wireType);
            }
        }
        if (data == null || data.length == 0) {
            throw new MalformedFrame("ServiceData without data");
        }
        byte[] json = gunzip(data);
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new MalformedFrame("heartbeat data is not a JSON object: "
                        + new String(json, StandardCharsets.UTF_8));
            }
            return node;
        } catch (IOException e) {
            throw new MalformedFrame("heartbeat data is not JSON: "
                    + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MalformedFrame("ServiceData.data is not gzip: " + e, e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** A protobuf reader over one message's bytes that checks every bound. */
    private static final class Reader {
        private final byte[] bytes;
        private final String message;
        private int position;

        Reader(byte[] bytes, String message) {
            this.bytes = bytes;
            this.message = message;
        }

        boolean hasMore() {
            return position < bytes.length;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= bytes.length) {
                    throw new MalformedFrame(message + ": truncated varint at byte " + position);
                }
                int b = bytes[position++] & 0xFF;
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new MalformedFrame(message + ": varint longer than 10 bytes");
        }

        byte[] lengthDelimited() {
            long length = varint();
            if (length < 0 || length > bytes.length - position) {
                throw new MalformedFrame(message + ": length " + length + " at byte " + position + " overruns the "
                        + bytes.length + "-byte message");
            }
            byte[] out = new byte[(int) length];
            System.arraycopy(bytes, position, out, 0, out.length);
            position += out.length;
            return out;
        }
    }

    /** Counts what the server reads. */
    private final class CountingInput extends InputStream {
        private final InputStream in;

        CountingInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bytesReceived.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                bytesReceived.addAndGet(n);
            }
            return n;
        }
    }

    /** Something a real sermant-backend could not decode. */
    static final class MalformedFrame extends RuntimeException {
        MalformedFrame(String message) {
            super(message);
        }

        MalformedFrame(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
