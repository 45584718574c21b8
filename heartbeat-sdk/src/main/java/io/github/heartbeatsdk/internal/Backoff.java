package io.github.heartbeatsdk.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with "equal jitter": attempt n waits between half and all of
 * {@code min(cap, initial * 2^(n-1))}, so a fleet that failed together does not retry together.
 */
public final class Backoff {
    private final long initialMillis;
    private final long capMillis;

    public Backoff(long initialMillis, long capMillis) {
        if (initialMillis <= 0 || capMillis < initialMillis) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= cap, got " + initialMillis + ", " + capMillis);
        }
        this.initialMillis = initialMillis;
        this.capMillis = capMillis;
    }

    /** The wait before retry number {@code attempt} (1 = the first retry). */
    public long delayMillis(int attempt) {
        long ceiling = ceilingMillis(attempt);
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }

    /** The longest wait before retry number {@code attempt}. */
    public long ceilingMillis(int attempt) {
        if (attempt <= 1) {
            return initialMillis;
        }
        long ceiling = initialMillis;
        for (int i = 1; i < attempt && ceiling < capMillis; i++) {
            ceiling = ceiling > capMillis / 2 ? capMillis : ceiling * 2;
        }
        return Math.min(capMillis, ceiling);
    }
}
