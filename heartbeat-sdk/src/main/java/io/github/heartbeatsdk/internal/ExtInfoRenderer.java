package io.github.heartbeatsdk.internal;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what an ext-info provider returned into the string map a beat carries, or says why it
 * cannot: the wire format (Sermant's {@code extInfo}) is a map of string to string, and one
 * provider must not be able to bloat every beat.
 */
public final class ExtInfoRenderer {
    /** At most this many keys per provider. */
    public static final int MAX_KEYS = 64;
    /** At most this many characters per key. */
    public static final int MAX_KEY_LENGTH = 128;
    /** At most this many characters per rendered value. */
    public static final int MAX_VALUE_LENGTH = 1024;
    /** At most this many UTF-8 bytes of keys and values together per provider. */
    public static final int MAX_TOTAL_BYTES = 8 * 1024;

    private ExtInfoRenderer() {
    }

    /** Why a provider's answer was refused. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Returns the entries rendered as strings, sorted by key. Whatever the provider returned (a
     * map that is endless or misstates its size, endless iterables, huge arrays, deep nesting),
     * the work stops at the limits: at most {@link #MAX_KEYS} + 1 entries and
     * {@link #MAX_VALUE_LENGTH} + 1 characters per value are ever looked at.
     */
    public static Map<String, String> render(Map<String, ?> info) throws Refused {
        if (info == null) {
            throw new Refused("returned null");
        }
        if (info.size() > MAX_KEYS) {
            throw new Refused("returned " + info.size() + " keys, more than " + MAX_KEYS);
        }
        Map<String, String> rendered = new TreeMap<String, String>();
        long totalBytes = 0;
        int entries = 0;
        for (Map.Entry<String, ?> entry : info.entrySet()) {
            if (++entries > MAX_KEYS) {
                throw new Refused("returned more than " + MAX_KEYS + " keys");
            }
            String key = entry.getKey();
            if (key == null) {
                throw new Refused("returned a null key");
            }
            if (key.length() > MAX_KEY_LENGTH) {
                throw new Refused("returned a key of " + key.length() + " characters, more than " + MAX_KEY_LENGTH);
            }
            String value = text(entry.getValue());
            if (value == null) {
                throw new Refused("returned a value of more than " + MAX_VALUE_LENGTH + " characters for key '" + key + "'");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new Refused("returned a value of " + value.length() + " characters for key '" + key
                        + "', more than " + MAX_VALUE_LENGTH);
            }
            totalBytes += key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
            rendered.put(key, value);
        }
        if (totalBytes > MAX_TOTAL_BYTES) {
            throw new Refused("returned " + totalBytes + " bytes, more than " + MAX_TOTAL_BYTES);
        }
        return rendered;
    }

    /**
     * Renders one value deterministically: strings as they are; null as {@code "null"}; maps as
     * {@code {k=v, ...}} sorted by key; arrays and other iterables as {@code [a, b]} in their order;
     * anything else by {@code String.valueOf}; nesting deeper than 8 as {@code "..."}. Returns null
     * for a value other than a string that would render to more than {@link #MAX_VALUE_LENGTH}
     * characters, found without rendering (or iterating) further than that.
     */
    public static String text(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        Bounded out = new Bounded(MAX_VALUE_LENGTH);
        append(out, value, 0);
        return out.full() ? null : out.toString();
    }

    /** A StringBuilder that stops taking text past its limit, and says so. */
    private static final class Bounded {
        private final StringBuilder text = new StringBuilder();
        private final int limit;
        private boolean overflowed;

        Bounded(int limit) {
            this.limit = limit;
        }

        boolean full() {
            return overflowed || text.length() > limit;
        }

        Bounded append(String part) {
            int room = limit + 1 - text.length();
            if (room > 0) {
                text.append(part, 0, Math.min(part.length(), room)); // a 10 MB toString() costs no copy of it
            }
            return this;
        }

        /** Marks the text as over the limit without writing it. */
        void overflow() {
            overflowed = true;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static void append(Bounded out, Object value, int depth) {
        if (out.full()) {
            return;
        }
        if (depth > 8) {
            out.append("...");
        } else if (value instanceof Map) {
            appendMap(out, (Map<?, ?>) value, depth);
        } else if (value instanceof Iterable) {
            appendAll(out, ((Iterable<?>) value).iterator(), depth);
        } else if (value != null && value.getClass().isArray()) {
            out.append("[");
            for (int i = 0, n = Array.getLength(value); i < n && !out.full(); i++) {
                out.append(i == 0 ? "" : ", ");
                append(out, Array.get(value, i), depth + 1);
            }
            out.append("]");
        } else {
            out.append(String.valueOf(value));
        }
    }

    private static void appendMap(Bounded out, Map<?, ?> map, int depth) {
        // Sorting needs every entry; an entry takes at least 3 characters ("=" and ", "), so a map
        // with more than this many cannot fit, and is never copied.
        int mostThatFit = MAX_VALUE_LENGTH / 3 + 1;
        if (map.size() > mostThatFit) {
            out.overflow();
            return;
        }
        Map<String, Object> sorted = new TreeMap<String, Object>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (sorted.size() >= mostThatFit) { // its size() said otherwise
                out.overflow();
                return;
            }
            sorted.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        out.append("{");
        String separator = "";
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (out.full()) {
                return;
            }
            out.append(separator).append(entry.getKey()).append("=");
            append(out, entry.getValue(), depth + 1);
            separator = ", ";
        }
        out.append("}");
    }

    private static void appendAll(Bounded out, Iterator<?> items, int depth) {
        out.append("[");
        for (String separator = ""; !out.full() && items.hasNext(); separator = ", ") {
            out.append(separator);
            append(out, items.next(), depth + 1);
        }
        out.append("]");
    }
}
