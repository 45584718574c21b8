package io.github.heartbeatsdk.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps the end of a text within a limit: the end of a job's log is what explains how it ended.
 * Never cuts a character in two.
 */
public final class TextTail {
    private TextTail() {
    }

    /** The last at most {@code maxBytes} bytes of {@code text} in UTF-8, never starting inside a character. */
    public static byte[] utf8(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return bytes;
        }
        int start = bytes.length - Math.max(0, maxBytes);
        while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
            start++; // a continuation byte: its character began before the cut
        }
        return Arrays.copyOfRange(bytes, start, bytes.length);
    }

    /** The same tail as a string. */
    public static String utf8String(String text, int maxBytes) {
        if ((long) text.length() * 3 <= maxBytes) {
            return text; // a char is at most 3 UTF-8 bytes (a surrogate pair is 4 for 2 chars): it fits
        }
        return new String(utf8(text, maxBytes), StandardCharsets.UTF_8);
    }

    /** The last at most {@code maxChars} chars of {@code text}, never starting inside a surrogate pair. */
    public static String chars(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int start = text.length() - Math.max(0, maxChars);
        if (start < text.length() && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }
}
