package io.github.heartbeatsdk.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Prometheus' text exposition format 0.0.4 as the Pushgateway endpoint writes it (gauges with
 * their HELP and TYPE lines, label values escaped), and Prometheus' rules for the label names and
 * values it is given, checked with messages that name the bad value and the rule.
 */
public final class PrometheusText {
    /** Prometheus' rule for a label name; unlike metric names, no ':'. */
    public static final String LABEL_NAME_RULE = "[a-zA-Z_][a-zA-Z0-9_]*";
    /** The longest label name accepted, in characters: longer is a mistake, not a name. */
    public static final int MAX_NAME_CHARS = 128;
    /** The longest grouping label value accepted, in characters: the Pushgateway gets it in the URL's path. */
    public static final int MAX_VALUE_CHARS = 1024;

    private static final Pattern LABEL_NAME = Pattern.compile(LABEL_NAME_RULE);

    private PrometheusText() {
    }

    /**
     * Checks a grouping label's name: Prometheus' rule, not reserved ({@code __}), and not
     * {@code job}, which the Pushgateway takes from the job given apart.
     *
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    public static String labelName(String name) {
        Checks.requireNonNull("label name", name);
        if (name.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("label name must be at most " + MAX_NAME_CHARS + " characters, got "
                    + name.length());
        }
        if (!LABEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("label name must match " + LABEL_NAME_RULE + " (letters, digits and"
                    + " underscores, not starting with a digit; no ':'), got " + shown(name));
        }
        if (name.startsWith("__")) {
            throw new IllegalArgumentException("label name must not start with __ (reserved for Prometheus' own"
                    + " labels), got " + shown(name));
        }
        if ("job".equals(name)) {
            throw new IllegalArgumentException("label name 'job' cannot be an extra grouping label: the job is given"
                    + " apart, as the grouping key's first label");
        }
        return name;
    }

    /**
     * Checks a grouping label's value (the job's too): at most {@value #MAX_VALUE_CHARS}
     * characters, no control characters or line separators, well-formed UTF-16.
     *
     * @param what names the value in messages: {@code "job"} or {@code "label instance"}
     * @param mayBeEmpty false for the job, which the Pushgateway requires
     * @throws IllegalArgumentException naming the value and what is wrong; a control character is
     *     given by its code and index, never printed
     */
    public static String labelValue(String what, String value, boolean mayBeEmpty) {
        Checks.requireNonNull(what, value);
        if (value.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_VALUE_CHARS + " characters, got "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException(what + " must not contain control characters or line breaks, got "
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + " at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " must be valid Unicode, got a lone surrogate "
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + " at index " + i);
            }
        }
        // After the loop: trim() takes control characters for blanks, and the message prints the value.
        if (!mayBeEmpty && value.trim().isEmpty()) {
            throw new IllegalArgumentException(what + " must not be blank, got '" + value + "'");
        }
        return value;
    }

    /** A label value escaped for the text format: backslash, double quote and line feed. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '"') {
                out.append("\\\"");
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Epoch milliseconds as exact seconds with three decimals ({@code 1733032800.123}): no rounding through a double. */
    public static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }

    /**
     * Appends one gauge with its HELP and TYPE lines; {@code labels} is the text between the
     * braces ({@code service="orders"}), empty for none. Every line ends in a line feed, as the
     * Pushgateway requires.
     */
    public static void gauge(StringBuilder out, String name, String help, String labels, String value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    /** Appends {@code name="value"} (escaped) to a label list, with a comma when it is not the first. */
    public static void label(StringBuilder labels, String name, String value) {
        if (labels.length() > 0) {
            labels.append(',');
        }
        labels.append(name).append("=\"").append(escape(value)).append('"');
    }

    /** A name as a message shows it: quoted, control characters as {@code \\uXXXX}, at most 64 characters. */
    static String shown(String name) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < name.length() && i < 64; i++) {
            char c = name.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029'
                    ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.append(name.length() > 64 ? "...'" : "'").toString();
    }
}
