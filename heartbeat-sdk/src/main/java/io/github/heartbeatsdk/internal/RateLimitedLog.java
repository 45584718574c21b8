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
    void warn(String message, Object... args) {
        write(false, message, args);
    }

    /** Logs {@code message} at ERROR unless one went out this period. */
    void error(String message, Object... args) {
        write(true, message, args);
    }

    /** Never throws short of a VirtualMachineError: its callers are ending a signal (the clock may be the user's). */
    private synchronized void write(boolean error, String message, Object[] args) {
        try {
            long now = clock.millis();
            if (now < nextAllowedMillis) {
                suppressed++;
                log.get().debug(message, args);
                return;
            }
            nextAllowedMillis = now + periodMillis;
            String line = message;
            Object[] all = args;
            if (suppressed > 0) {
                line = message + " ({} similar warnings suppressed in the last {} s)";
                all = append(args, suppressed, periodMillis / 1000);
                suppressed = 0;
            }
            if (error) {
                log.get().error(line, all);
            } else {
                log.get().warn(line, all);
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable ignored) {
            // A clock that fails costs this line only.
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
