package io.github.heartbeatsdk.internal;

import java.time.Clock;

/**
 * Writes a WARN at most once per period and says how many were held back, so a backend that is
 * down for an hour costs a few lines, not one per signal.
 */
final class RateLimitedLog {
    private final LazyLogger log;
    private final Clock clock;
    private final long periodMillis;
    private long nextAllowedMillis = Long.MIN_VALUE;
    private int suppressed;

    RateLimitedLog(LazyLogger log, Clock clock, long periodMillis) {
        this.log = log;
        this.clock = clock;
        this.periodMillis = periodMillis;
    }

    /** Logs {@code message} (with SLF4J {@code {}} arguments) at WARN unless one went out this period. */
    synchronized void warn(String message, Object... args) {
        long now = clock.millis();
        if (now < nextAllowedMillis) {
            suppressed++;
            log.get().debug(message, args);
            return;
        }
        nextAllowedMillis = now + periodMillis;
        if (suppressed > 0) {
            log.get().warn(message + " ({} similar warnings suppressed in the last {} s)",
                    append(args, suppressed, periodMillis / 1000));
            suppressed = 0;
        } else {
            log.get().warn(message, args);
        }
    }

    private static Object[] append(Object[] args, Object a, Object b) {
        Object[] all = new Object[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = a;
        all[args.length + 1] = b;
        return all;
    }
}
