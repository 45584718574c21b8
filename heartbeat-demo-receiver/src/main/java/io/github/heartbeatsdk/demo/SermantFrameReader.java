package io.github.heartbeatsdk.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads Sermant's heartbeat frames from a TCP stream as sermant-backend's Netty pipeline does:
 * a varint32 length ({@code ProtobufVarint32FrameDecoder}), a protobuf {@code NettyMessage}
 * holding {@code ServiceData} entries, and for each heartbeat entry gzip-compressed JSON.
 *
 * <pre>
 * message NettyMessage { MessageType messageType = 1; repeated ServiceData serviceData = 2; }  // SERVICE_DATA = 0
 * message ServiceData  { DataType dataType = 1; bytes data = 2; }                                // HEARTBEAT_DATA = 0
 * </pre>
 *
 * Written by hand from the protocol, independently of the SDK's encoder. Every length is checked
 * against what is left, unknown fields are skipped by wire type as protobuf does, entries of
 * other data types (events, tracing) are ignored, and anything else malformed is a
 * {@link MalformedFrame}, after which the stream cannot be trusted.
 */
final class SermantFrameReader {
    /** A longer frame, or more JSON after gunzip, is refused: a beat is a few KiB. */
    static final int MAX_BYTES = 256 * 1024;
    private static final int HEARTBEAT_DATA = 0;

    private final InputStream in;

    SermantFrameReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next frame and returns the JSON of each heartbeat it carries (often one; none for
     * an empty message). Returns null at a clean end of stream between frames.
     *
     * @throws MalformedFrame when the frame cannot be decoded
     * @throws SocketTimeoutException when the socket's read timeout passes between frames
     */
    List<byte[]> next() throws IOException {
        int length = readLength();
        if (length < 0) {
            return null;
        }
        byte[] body = new byte[length];
        for (int read = 0; read < length; ) {
            int n;
            try {
                n = in.read(body, read, length - read);
            } catch (SocketTimeoutException e) {
                throw new MalformedFrame("a " + length + "-byte frame stalled after " + read + " bytes");
            }
            if (n < 0) {
                throw new MalformedFrame("stream ended after " + read + " bytes of a " + length + "-byte frame");
            }
            read += n;
        }
        return nettyMessage(body);
    }

    /** The varint32 length prefix: at most 5 bytes, as Netty reads it; -1 at end of stream. */
    private int readLength() throws IOException {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (shift == 0) {
                    return -1;
                }
                throw new MalformedFrame("stream ended inside a length prefix");
            }
            if (shift == 28 && (b & 0x80) != 0) {
                throw new MalformedFrame("length prefix longer than 5 bytes");
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (value > MAX_BYTES) {
            throw new MalformedFrame("frame length " + value + " exceeds " + MAX_BYTES + " bytes");
        }
        return (int) value;
    }

    private static List<byte[]> nettyMessage(byte[] body) throws MalformedFrame {
        ProtoFields message = new ProtoFields(body, "NettyMessage");
        List<byte[]> heartbeats = new ArrayList<>();
        while (message.hasMore()) {
            int tag = message.tag();
            if (tag == (1 << 3)) {
                long type = message.varint();
                if (type != 0) {
                    throw new MalformedFrame("NettyMessage.messageType " + type + " is not SERVICE_DATA (0)");
                }
            } else if (tag == (2 << 3 | 2)) {
                byte[] json = serviceData(message.bytes());
                if (json != null) {
                    heartbeats.add(json);
                }
            } else {
                message.skip(tag);
            }
        }
        return heartbeats;
    }

    /** The gunzipped JSON of a heartbeat entry, or null for an entry of another data type. */
    private static byte[] serviceData(byte[] entry) throws MalformedFrame {
        ProtoFields fields = new ProtoFields(entry, "ServiceData");
        long type = HEARTBEAT_DATA;
        byte[] data = null;
        while (fields.hasMore()) {
            int tag = fields.tag();
            if (tag == (1 << 3)) {
                type = fields.varint();
            } else if (tag == (2 << 3 | 2)) {
                data = fields.bytes();
            } else {
                fields.skip(tag);
            }
        }
        if (type != HEARTBEAT_DATA) {
            return null;
        }
        if (data == null || data.length == 0) {
            throw new MalformedFrame("a heartbeat ServiceData without data");
        }
        return gunzip(data);
    }

    private static byte[] gunzip(byte[] data) throws MalformedFrame {
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream json = new ByteArrayOutputStream(data.length * 4);
            byte[] buffer = new byte[8192];
            for (int n; (n = gzip.read(buffer)) >= 0; ) {
                json.write(buffer, 0, n);
                if (json.size() > MAX_BYTES) {
                    throw new MalformedFrame("heartbeat JSON exceeds " + MAX_BYTES + " bytes after gunzip");
                }
            }
            return json.toByteArray();
        } catch (MalformedFrame e) {
            throw e;
        } catch (IOException e) {
            // sermant-backend logs "Not in GZIP format" and drops such a beat
            throw new MalformedFrame("heartbeat data is not gzip: " + e.getMessage());
        }
    }

    /** Something sermant-backend could not decode either; the connection is closed after it. */
    static final class MalformedFrame extends IOException {
        MalformedFrame(String message) {
            super(message);
        }
    }
}
