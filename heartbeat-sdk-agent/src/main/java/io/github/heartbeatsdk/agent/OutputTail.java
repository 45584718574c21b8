package io.github.heartbeatsdk.agent;

import java.nio.charset.StandardCharsets;

/**
 * The last bytes a command wrote, stdout and stderr interleaved as they came: the end of a job's
 * output is what explains how it ended, and a chatty job must not fill the wrapper's memory. A
 * fixed ring of bytes; the text is decoded only once, at the end. Thread-safe.
 */
final class OutputTail {
    private final byte[] ring;
    private long written;

    /** A tail keeping the last {@code capacity} bytes (at least 1). */
    OutputTail(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.ring = new byte[capacity];
    }

    /** Appends {@code length} bytes of {@code bytes} from {@code offset}. */
    synchronized void write(byte[] bytes, int offset, int length) {
        if (length >= ring.length) {
            // Only the last capacity bytes can survive: copy them, aligned as if written one by one.
            int skip = length - ring.length;
            written += skip;
            offset += skip;
            length = ring.length;
        }
        int at = (int) (written % ring.length);
        int first = Math.min(length, ring.length - at);
        System.arraycopy(bytes, offset, ring, at, first);
        System.arraycopy(bytes, offset + first, ring, 0, length - first);
        written += length;
    }

    /** How many bytes were written in all, kept or not. */
    synchronized long written() {
        return written;
    }

    /** The kept bytes, oldest first. */
    synchronized byte[] bytes() {
        int size = (int) Math.min(written, ring.length);
        byte[] out = new byte[size];
        int start = (int) ((written - size) % ring.length);
        int first = Math.min(size, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, size - first);
        return out;
    }

    /**
     * The kept bytes as UTF-8 text, starting at a character: continuation bytes left over from a
     * character the ring cut are dropped rather than shown as a replacement character.
     */
    String text() {
        byte[] kept = bytes();
        int start = 0;
        if (written() > kept.length) {
            while (start < kept.length && start < 3 && (kept[start] & 0xC0) == 0x80) {
                start++;
            }
        }
        return new String(kept, start, kept.length - start, StandardCharsets.UTF_8);
    }
}
