package io.github.heartbeatsdk.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Builds one heartbeat frame for a Sermant backend, without protobuf or Netty. On the TCP
 * stream a frame is {@code varint32(length)} followed by {@code length} bytes of a protobuf
 * {@code NettyMessage} (Netty's {@code ProtobufVarint32LengthFieldPrepender}). That message
 * holds one {@code ServiceData} in field 2, which holds the gzipped heartbeat JSON in its own
 * field 2. Both enums are left at their zero values ({@code SERVICE_DATA}, {@code
 * HEARTBEAT_DATA}), and proto3 omits default values, so a frame is exactly
 * {@code <len> 0x12 <len> 0x12 <len> <gzip bytes>}, byte for byte what a real agent sends.
 *
 * <p>Internal: not part of the public API.
 */
public final class SermantFrameEncoder {

    /**
     * Field 2 with wire type 2 (length-delimited): {@code (2 << 3) | 2}. It is the tag of both
     * {@code NettyMessage.serviceData} and {@code ServiceData.data}.
     */
    static final int FIELD_2_LENGTH_DELIMITED = 0x12;

    private SermantFrameEncoder() {
    }

    /** Gzips {@code json} (UTF-8 bytes) and returns the complete frame, length prefix included. */
    public static byte[] heartbeatFrame(byte[] json) {
        Objects.requireNonNull(json, "json");
        // The backend gunzips every ServiceData.data and drops what it cannot decompress.
        return frame(gzip(json));
    }

    /** Returns the complete frame around data that is already gzipped. */
    public static byte[] frame(byte[] gzippedData) {
        Objects.requireNonNull(gzippedData, "gzippedData");
        if (gzippedData.length == 0) {
            // proto3 would omit an empty bytes field, so this could not match a real agent's
            // frame; a gzip stream is never empty anyway, so empty input is a caller bug.
            throw new IllegalArgumentException("gzippedData must not be empty");
        }
        int dataLength = gzippedData.length;
        int serviceDataLength = checkedLength(1L + varint32Size(dataLength) + dataLength);
        int messageLength = checkedLength(1L + varint32Size(serviceDataLength) + serviceDataLength);
        int frameLength = checkedLength((long) varint32Size(messageLength) + messageLength);

        ByteArrayOutputStream out = new ByteArrayOutputStream(frameLength);
        writeVarint32(out, messageLength);
        out.write(FIELD_2_LENGTH_DELIMITED);
        writeVarint32(out, serviceDataLength);
        out.write(FIELD_2_LENGTH_DELIMITED);
        writeVarint32(out, dataLength);
        out.write(gzippedData, 0, dataLength);
        return out.toByteArray();
    }

    /** Returns {@code data} compressed as a single gzip member. */
    public static byte[] gzip(byte[] data) {
        Objects.requireNonNull(data, "data");
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            // Unreachable in practice: a ByteArrayOutputStream never throws.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code value} as a protobuf varint: 7 bits per byte, low group first, high bit set
     * on every byte but the last. Lengths are never negative, and a negative int would need the
     * 10-byte sign-extended form that a length prefix decoder rejects, so it is refused here.
     */
    static void writeVarint32(ByteArrayOutputStream out, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint length must not be negative: " + value);
        }
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    /** Number of bytes {@link #writeVarint32} writes for a non-negative {@code value}. */
    static int varint32Size(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint length must not be negative: " + value);
        }
        int size = 1;
        while ((value & ~0x7F) != 0) {
            size++;
            value >>>= 7;
        }
        return size;
    }

    private static int checkedLength(long length) {
        // Each nesting level adds a few bytes, so a payload near 2 GiB would overflow an int.
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame too large: " + length + " bytes");
        }
        return (int) length;
    }
}
