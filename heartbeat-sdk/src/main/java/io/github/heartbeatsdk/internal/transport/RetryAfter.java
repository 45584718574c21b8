package io.github.heartbeatsdk.internal.transport;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The longest wait taken as meant: longer than any deadline a client may have, so a larger
     * value (a {@code 2147483648} or a 20-digit number) is a broken header, not a plan.
     */
    static final long MAX_MILLIS = 7L * 24 * 60 * 60 * 1000;

    /**
     * Returns the wait the header asks for in milliseconds (0 for a date in the past), or -1 when
     * the header is absent, unreadable or asks for more than {@link #MAX_MILLIS}.
     */
    public static long parseMillis(String header, long nowMillis) {
        if (header == null) {
            return -1;
        }
        String value = header.trim();
        if (value.isEmpty()) {
            return -1;
        }
        if (Character.isDigit(value.charAt(0))) {
            try {
                return atMostMax(Math.multiplyExact(Long.parseLong(value), 1000L));
            } catch (NumberFormatException | ArithmeticException e) {
                return -1;
            }
        }
        try {
            long when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return atMostMax(Math.max(0, when - nowMillis));
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    private static long atMostMax(long millis) {
        return millis <= MAX_MILLIS ? millis : -1;
    }
}
