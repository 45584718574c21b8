package io.github.heartbeatsdk.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * What the peer of one Sermant TCP connection wrote back, read without blocking and never thrown
 * away. sermant-backend 1.1.0 and later never write to an agent's connection, so any byte is news.
 * The 1.0.x backends (Sermant 1.0.0 to 1.0.7) have an older {@code NettyMessage}
 * ({@code messageType = 1} with HEARTBEAT_PING = 0, HEARTBEAT_PONG = 1, SERVICE_DATA = 2;
 * {@code heartBeat = 2}; {@code serviceData = 3}): they read our frame as a HEARTBEAT_PING with an
 * empty heartBeat, answer it with a HEARTBEAT_PONG, {@code 04 08 01 12 00}, and store nothing.
 * So what comes back is either PONG frames, which name the 1.0.x protocol, or bytes that no
 * Sermant backend sends (another server on that port).
 *
 * <p>Frames are parsed as the backend writes them (Netty's varint32 length prefix, then the
 * message); a PONG split across reads is still a PONG. Once a verdict is reached, later bytes are
 * only counted: the stream has said what it had to say.
 *
 * <p>Internal: not part of the public API. Used on the delivery thread only.
 */
final class SermantReplies {
    /** What the bytes read so far say about the peer. */
    enum Verdict {
        /** Nothing, or the start of a frame not yet complete. */
        NONE,
        /** A HEARTBEAT_PONG: a sermant-backend of the 1.0.x line. */
        PONG,
        /** Bytes that are no Sermant frame, or a frame no Sermant backend sends. */
        UNKNOWN
    }

    /** What heartbeat-sdk's Sermant TCP endpoint works with, for every refusal. */
    static final String SUPPORTED = "heartbeat-sdk supports sermant-backend 1.1.0 and later (tested with 1.1.0 and 2.2.0)";

    /** A PONG's message is 4 bytes; a Sermant 1.0.x backend writes nothing longer than this. */
    static final int MAX_FRAME_BYTES = 1024;
    private static final int READ_CHUNK = 256;
    /** Bounds one call's work, should the peer flood us; the rest waits for the next call. */
    private static final int MAX_READS_PER_CALL = 16;
    private static final int PREVIEW_BYTES = 16;
    private static final int HEARTBEAT_PONG = 1;

    private byte[] unparsed;
    private int unparsedLength;
    private final byte[] preview = new byte[PREVIEW_BYTES];
    private int previewLength;
    private long received;
    private Verdict verdict = Verdict.NONE;
    private boolean reported;

    /**
     * Reads what has arrived on {@code channel} without blocking; returns false once the peer has
     * closed (or reset) the connection.
     */
    boolean readFrom(SocketChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK);
        try {
            for (int reads = 0; reads < MAX_READS_PER_CALL; reads++) {
                int n = channel.read(buffer);
                if (n < 0) {
                    noMoreToCome();
                    return false;
                }
                if (n == 0) {
                    return true;
                }
                accept(buffer.array(), n);
                buffer.clear();
            }
            return true;
        } catch (IOException e) {
            noMoreToCome();
            return false;
        }
    }

    /**
     * The stream ended, or the wait for the rest of a frame did: bytes that never became a frame
     * are no Sermant answer (an HTTP server's short error page, say).
     */
    void noMoreToCome() {
        if (verdict == Verdict.NONE && received > 0) {
            verdict = Verdict.UNKNOWN;
            unparsed = null;
        }
    }

    /** Takes {@code length} bytes the peer sent, in order. */
    void accept(byte[] bytes, int length) {
        received += length;
        int copied = Math.min(length, PREVIEW_BYTES - previewLength);
        System.arraycopy(bytes, 0, preview, previewLength, copied);
        previewLength += copied;
        if (verdict != Verdict.NONE) {
            return;
        }
        if (unparsed == null) {
            // Room for the longest incomplete frame left over plus one chunk.
            unparsed = new byte[5 + MAX_FRAME_BYTES + READ_CHUNK];
        }
        int offset = 0;
        while (offset < length) {
            int take = Math.min(length - offset, unparsed.length - unparsedLength);
            if (take == 0) {
                verdict = Verdict.UNKNOWN; // unreachable: what is left unparsed is shorter than one frame
                return;
            }
            System.arraycopy(bytes, offset, unparsed, unparsedLength, take);
            unparsedLength += take;
            offset += take;
            parseFrames();
            if (verdict != Verdict.NONE) {
                unparsed = null;
                return;
            }
        }
    }

    /** Judges every complete frame in {@link #unparsed} and keeps the incomplete rest. */
    private void parseFrames() {
        while (verdict == Verdict.NONE) {
            int frameLength = 0;
            int prefix = 0;
            while (true) {
                if (prefix == unparsedLength) {
                    return; // the length prefix is not complete yet
                }
                if (prefix == 5) {
                    verdict = Verdict.UNKNOWN; // Netty's decoder refuses a longer varint32 too
                    return;
                }
                int b = unparsed[prefix] & 0xFF;
                frameLength |= (b & 0x7F) << (7 * prefix);
                prefix++;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (frameLength < 0 || frameLength > MAX_FRAME_BYTES) {
                verdict = Verdict.UNKNOWN;
                return;
            }
            if (unparsedLength - prefix < frameLength) {
                return; // wait for the rest of the frame
            }
            verdict = isPong(unparsed, prefix, frameLength) ? Verdict.PONG : Verdict.UNKNOWN;
        }
    }

    /**
     * True when {@code length} bytes at {@code from} are a well-formed protobuf message whose field
     * 1 ({@code NettyMessage.messageType}) is HEARTBEAT_PONG. Other fields (the empty heartBeat) are
     * skipped; an absent messageType is 0, a PING, which no backend sends.
     */
    static boolean isPong(byte[] bytes, int from, int length) {
        ProtoScanner scan = new ProtoScanner(bytes, from, from + length);
        long messageType = 0;
        while (scan.hasMore()) {
            long tag = scan.varint();
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (!scan.ok || field == 0) {
                return false;
            }
            if (field == 1 && wireType != 0) {
                return false;
            }
            switch (wireType) {
                case 0:
                    long value = scan.varint();
                    if (field == 1) {
                        messageType = value;
                    }
                    break;
                case 1:
                    scan.skip(8);
                    break;
                case 2:
                    scan.skip(scan.varint());
                    break;
                case 5:
                    scan.skip(4);
                    break;
                default:
                    return false; // groups and reserved wire types: not a message Sermant writes
            }
            if (!scan.ok) {
                return false;
            }
        }
        return messageType == HEARTBEAT_PONG;
    }

    Verdict verdict() {
        return verdict;
    }

    /** Bytes read on this connection so far. */
    long received() {
        return received;
    }

    /** Whether a beat has already ended with this connection's verdict. */
    boolean reported() {
        return reported;
    }

    /**
     * Why the beat is refused, for the beat that ends with it, and marks the verdict reported.
     *
     * @param peer host:port of the backend
     * @param deliveredBefore beats already reported delivered on this connection (whose reply came late)
     */
    String refusal(String peer, int deliveredBefore) {
        reported = true;
        String lost = deliveredBefore == 0 ? ""
                : "; the " + deliveredBefore + " beat(s) reported delivered on this connection before its answer"
                + " came were not stored either";
        if (verdict == Verdict.PONG) {
            return "the Sermant backend at " + peer + " speaks the 1.0.x protocol (Sermant 1.0.0-1.0.7): it answered"
                    + " the beat with a HEARTBEAT_PONG and stored nothing" + lost + "; " + SUPPORTED;
        }
        return "the server at " + peer + " answered the beat with " + received + " byte(s) that no Sermant backend"
                + " sends (" + preview() + "), so it is not a sermant-backend's heartbeat port (gateway.nettyPort,"
                + " default 6888)" + lost + "; " + SUPPORTED;
    }

    /** The first bytes read, in hex, then as ASCII with '.' for what is not printable. */
    String preview() {
        StringBuilder hex = new StringBuilder(previewLength * 3 + 24);
        StringBuilder text = new StringBuilder(previewLength);
        for (int i = 0; i < previewLength; i++) {
            int b = preview[i] & 0xFF;
            hex.append(i == 0 ? "" : " ").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return hex + (received > previewLength ? " ..." : "") + " \"" + text + "\"";
    }

    /** Reads protobuf varints and skips fields within bounds; {@link #ok} turns false on anything malformed. */
    private static final class ProtoScanner {
        private final byte[] bytes;
        private final int end;
        private int at;
        boolean ok = true;

        ProtoScanner(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean hasMore() {
            return ok && at < end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64 && at < end; shift += 7) {
                int b = bytes[at++] & 0xFF;
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            ok = false;
            return 0;
        }

        void skip(long count) {
            if (count < 0 || count > end - at) {
                ok = false;
                return;
            }
            at += (int) count;
        }
    }
}
