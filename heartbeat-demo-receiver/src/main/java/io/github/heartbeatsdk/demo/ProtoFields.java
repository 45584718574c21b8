package io.github.heartbeatsdk.demo;

import io.github.heartbeatsdk.demo.SermantFrameReader.MalformedFrame;

import java.util.Arrays;

/** The fields of one protobuf message's bytes, read in order with every bound checked. */
final class ProtoFields {
    private final byte[] bytes;
    private final String message;
    private int position;

    ProtoFields(byte[] bytes, String message) {
        this.bytes = bytes;
        this.message = message;
    }

    boolean hasMore() {
        return position < bytes.length;
    }

    /** The next field's tag: field number shifted left by 3, or'ed with the wire type. */
    int tag() throws MalformedFrame {
        long tag = varint();
        if (tag > Integer.MAX_VALUE || tag >>> 3 == 0) {
            throw new MalformedFrame(message + ": invalid field tag " + tag + " at byte " + (position - 1));
        }
        return (int) tag;
    }

    long varint() throws MalformedFrame {
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

    /** A length-delimited field's bytes (wire type 2). */
    byte[] bytes() throws MalformedFrame {
        long length = varint();
        if (length < 0 || length > bytes.length - position) {
            throw new MalformedFrame(message + ": a " + length + "-byte field at byte " + position
                    + " overruns the " + bytes.length + "-byte message");
        }
        byte[] value = Arrays.copyOfRange(bytes, position, position + (int) length);
        position += (int) length;
        return value;
    }

    /** Skips the value of a field this reader does not know, as protobuf parsers do. */
    void skip(int tag) throws MalformedFrame {
        switch (tag & 7) {
            case 0 -> varint();
            case 1 -> advance(8);
            case 2 -> bytes();
            case 5 -> advance(4);
            default -> throw new MalformedFrame(message + ": field " + (tag >>> 3) + " has unsupported wire type "
                    + (tag & 7));
        }
    }

    private void advance(int count) throws MalformedFrame {
        if (count > bytes.length - position) {
            throw new MalformedFrame(message + ": truncated fixed-width field at byte " + position);
        }
        position += count;
    }
}
