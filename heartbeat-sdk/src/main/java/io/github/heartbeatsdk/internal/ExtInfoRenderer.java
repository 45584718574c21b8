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

    /** Returns the entries rendered as strings, sorted by key. */
    public static Map<String, String> render(Map<String, ?> info) throws Refused {
        if (info == null) {
            throw new Refused("returned null");
        }
        if (info.size() > MAX_KEYS) {
            throw new Refused("returned " + info.size() + " keys, more than " + MAX_KEYS);
        }
        Map<String, String> rendered = new TreeMap<String, String>();
        long totalBytes = 0;
        for (Map.Entry<String, ?> entry : info.entrySet()) {
            String key = entry.getKey();
            if (key == null) {
                throw new Refused("returned a null key");
            }
            if (key.length() > MAX_KEY_LENGTH) {
                throw new Refused("returned a key of " + key.length() + " characters, more than " + MAX_KEY_LENGTH);
            }
            String value = text(entry.getValue());
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
     * anything else by {@code String.valueOf}.
     */
    public static String text(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (out.length() > MAX_VALUE_LENGTH || depth > 8) {
            out.append("...");
        } else if (value instanceof Map) {
            out.append('{');
            Map<String, Object> sorted = new TreeMap<String, Object>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                sorted.put(String.valueOf(entry.getKey()), entry.getValue());
            }
            String separator = "";
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                out.append(separator).append(entry.getKey()).append('=');
                append(out, entry.getValue(), depth + 1);
                separator = ", ";
            }
            out.append('}');
        } else if (value instanceof Iterable) {
            appendAll(out, ((Iterable<?>) value).iterator(), depth);
        } else if (value != null && value.getClass().isArray()) {
            out.append('[');
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                out.append(i == 0 ? "" : ", ");
                append(out, Array.get(value, i), depth + 1);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static void appendAll(StringBuilder out, Iterator<?> items, int depth) {
        out.append('[');
        for (String separator = ""; items.hasNext(); separator = ", ") {
            out.append(separator);
            append(out, items.next(), depth + 1);
        }
        out.append(']');
    }
}
