package io.github.heartbeatsdk.internal;

import java.time.Duration;

/**
 * The one check of a positive duration (timeouts, the retry deadline), shared by the builder and
 * configuration so both refuse the same values in the same words.
 */
public final class Durations {
    private Durations() {
    }

    /**
     * Returns {@code value} when it is at least one millisecond.
     *
     * @param name the setting or configuration key, for the message
     * @param given how the value was given, for the message ({@code PT0.0001S}, or a config value quoted)
     * @throws IllegalArgumentException when it is zero, negative or under a millisecond: durations
     *     are counted in whole milliseconds, and a sub-millisecond value would become 0, which the
     *     HTTP client reads as "no timeout at all"
     */
    public static Duration positiveMillis(String name, Duration value, String given) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be > 0, got " + given);
        }
        if (value.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException(name + " must be at least 1 ms (durations count whole milliseconds), got "
                    + given);
        }
        return value;
    }
}
