package io.github.heartbeatsdk.internal;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * Returns the wait the header asks for in milliseconds (0 for a date in the past), or -1 when
     * the header is absent or unreadable.
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
                return Math.multiplyExact(Long.parseLong(value), 1000L);
            } catch (NumberFormatException | ArithmeticException e) {
                return -1;
            }
        }
        try {
            long when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Math.max(0, when - nowMillis);
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
