package io.github.heartbeatsdk.demo;

import io.github.heartbeatsdk.demo.SermantFrameReader.MalformedFrame;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames built by hand from the protocol (varint32 length, NettyMessage, ServiceData, gzip JSON),
 * the way a Sermant agent writes them and the ways they can be broken.
 */
class SermantFrameReaderTest {
    private static final byte[] JSON = "{\"service\":\"s\",\"instanceId\":\"i\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsAnAgentsFrameThenEndsCleanly() throws IOException {
        // proto3 omits default enums, so an agent writes only field 2 of each message
        byte[] frames = concat(frame(field(2, field(2, gzip(JSON)))), frame(field(2, field(2, gzip(JSON)))));
        SermantFrameReader reader = reader(frames);
        assertArrayEquals(JSON, reader.next().get(0));
        assertArrayEquals(JSON, reader.next().get(0));
        assertNull(reader.next());
    }

    @Test
    void acceptsExplicitEnumsSkipsUnknownFieldsAndOtherDataTypes() throws IOException {
        byte[] event = concat(varintField(1, 1), field(2, gzip("{}".getBytes(StandardCharsets.UTF_8))));
        byte[] heartbeat = concat(varintField(1, 0), varintField(7, 300), field(2, gzip(JSON)), field(9, new byte[3]));
        byte[] message = concat(varintField(1, 0), field(2, event), field(2, heartbeat), fixed32Field(5));
        List<byte[]> beats = reader(frame(message)).next();
        assertEquals(1, beats.size());
        assertArrayEquals(JSON, beats.get(0));
        assertEquals(List.of(), reader(new byte[] {0}).next()); // an empty NettyMessage carries nothing
    }

    @Test
    void refusesMalformedFramesAndSaysWhy() {
        assertMalformed("length prefix longer than 5 bytes", bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x01));
        assertMalformed("stream ended inside a length prefix", bytes(0x80));
        assertMalformed("exceeds", bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x07));
        assertMalformed("stream ended after 2 bytes of a 10-byte frame", bytes(10, 0x12, 0x00));
        assertMalformed("is not gzip", frame(field(2, field(2, JSON))));
        assertMalformed("without data", frame(field(2, varintField(1, 0))));
        assertMalformed("overruns", frame(bytes(0x12, 0x05, 0x12)));
        assertMalformed("truncated varint", frame(bytes(0x08, 0x80)));
        assertMalformed("unsupported wire type 3", frame(bytes(0x1B)));
        assertMalformed("is not SERVICE_DATA", frame(varintField(1, 2)));
        byte[] bomb = gzip(new byte[SermantFrameReader.MAX_BYTES + 1]);
        assertMalformed("exceeds " + SermantFrameReader.MAX_BYTES + " bytes after gunzip", frame(field(2, field(2, bomb))));
    }

    @Test
    void theListenerRecordsBeatsAndClosesAConnectionAfterAMalformedFrame() throws Exception {
        try (DemoReceiver receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0));
             Socket socket = new Socket("127.0.0.1", receiver.sermantPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(frame(field(2, field(2, gzip("{\"service\":\"s\"}".getBytes(StandardCharsets.UTF_8))))));
            out.write(frame(field(2, field(2, gzip(JSON)))));
            out.write(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));
            out.flush();
            socket.setSoTimeout(30_000);
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (SocketException reset) {
                read = -1; // closed with bytes still unread on its side
            }
            assertEquals(-1, read, "the receiver never answers, and closes the connection after garbage");

            ReceiverState state = receiver.state();
            assertTrue(state.await(s -> s.rejections().size() == 2, Duration.ofSeconds(30)), state.rejections().toString());
            assertEquals(List.of("tcp: heartbeat has no instanceId",
                    "tcp: malformed frame, connection closed: length prefix longer than 5 bytes"), state.rejections());
            assertEquals(List.of("tcp BEAT s/i"), state.signals().stream().map(ReceivedSignal::toString).toList());
        }
    }

    private static void assertMalformed(String reason, byte[] stream) {
        MalformedFrame e = assertThrows(MalformedFrame.class, () -> reader(stream).next());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static SermantFrameReader reader(byte[] stream) {
        InputStream in = new ByteArrayInputStream(stream);
        return new SermantFrameReader(in);
    }

    private static byte[] frame(byte[] message) {
        return concat(varint(message.length), message);
    }

    private static byte[] field(int number, byte[] value) {
        return concat(varint(number << 3 | 2), varint(value.length), value);
    }

    private static byte[] varintField(int number, long value) {
        return concat(varint(number << 3), varint(value));
    }

    private static byte[] fixed32Field(int number) {
        return concat(varint(number << 3 | 5), new byte[4]);
    }

    private static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
