package io.github.heartbeatsdk.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Capped exponential backoff with equal jitter. */
class BackoffTest {
    private final Backoff backoff = new Backoff(1_000, 30_000);

    @Test
    void ceilingDoublesFromInitialUpToCap() {
        assertEquals(1_000, backoff.ceilingMillis(1));
        assertEquals(2_000, backoff.ceilingMillis(2));
        assertEquals(4_000, backoff.ceilingMillis(3));
        assertEquals(8_000, backoff.ceilingMillis(4));
        assertEquals(16_000, backoff.ceilingMillis(5));
        assertEquals(30_000, backoff.ceilingMillis(6), "32 s is capped at 30 s");
    }

    @Test
    void ceilingStaysAtCapForLaterAttempts() {
        for (int attempt = 6; attempt <= 100; attempt++) {
            assertEquals(30_000, backoff.ceilingMillis(attempt), "attempt " + attempt);
        }
        assertEquals(30_000, backoff.ceilingMillis(Integer.MAX_VALUE));
    }

    @Test
    void attemptZeroOrNegativeWaitsLikeTheFirstRetry() {
        assertEquals(1_000, backoff.ceilingMillis(0));
        assertEquals(1_000, backoff.ceilingMillis(-5));
    }

    @Test
    void capThatIsNotAPowerOfTwoOfInitialIsReachedExactly() {
        Backoff odd = new Backoff(300, 1_000);

        assertEquals(300, odd.ceilingMillis(1));
        assertEquals(600, odd.ceilingMillis(2));
        assertEquals(1_000, odd.ceilingMillis(3));
        assertEquals(1_000, odd.ceilingMillis(100));
    }

    @Test
    void initialEqualToCapNeverChanges() {
        Backoff flat = new Backoff(5_000, 5_000);

        for (int attempt = 1; attempt <= 100; attempt++) {
            assertEquals(5_000, flat.ceilingMillis(attempt), "attempt " + attempt);
        }
    }

    @Test
    void delayIsAlwaysBetweenHalfAndAllOfTheCeiling() {
        for (int attempt = 1; attempt <= 100; attempt++) {
            long ceiling = backoff.ceilingMillis(attempt);
            for (int sample = 0; sample < 200; sample++) {
                long delay = backoff.delayMillis(attempt);
                assertTrue(delay >= ceiling / 2 && delay <= ceiling,
                        "attempt " + attempt + ": " + delay + " outside [" + ceiling / 2 + ", " + ceiling + "]");
            }
        }
    }

    @Test
    void delayIsJitteredAcrossTheWholeRange() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int sample = 0; sample < 5_000; sample++) {
            long delay = backoff.delayMillis(1);
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }
        // 5000 draws from 501 values: both ends of [500, 1000] are all but certain to be seen nearby.
        assertTrue(min < 550, "smallest delay " + min);
        assertTrue(max > 950, "largest delay " + max);
    }

    @Test
    void smallestCeilingStillGivesAValidDelay() {
        Backoff tiny = new Backoff(1, 1);

        for (int sample = 0; sample < 100; sample++) {
            long delay = tiny.delayMillis(1);
            assertTrue(delay == 0 || delay == 1, "delay " + delay);
        }
    }

    @Test
    void constructorRejectsNonPositiveInitial() {
        var zero = assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 1_000));
        assertEquals("backoff needs 0 < initial <= cap, got 0, 1000", zero.getMessage());

        var negative = assertThrows(IllegalArgumentException.class, () -> new Backoff(-1, 1_000));
        assertEquals("backoff needs 0 < initial <= cap, got -1, 1000", negative.getMessage());
    }

    @Test
    void constructorRejectsCapBelowInitial() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Backoff(2_000, 1_999));
        assertEquals("backoff needs 0 < initial <= cap, got 2000, 1999", e.getMessage());
    }

    @Test
    void ceilingNeverOverflowsForLargeInitialDelays() {
        // Doubling saturates at the cap instead of overflowing, however large the delays.
        long initial = 1L << 40;
        Backoff huge = new Backoff(initial, initial);

        assertEquals(initial, huge.ceilingMillis(1));
        assertEquals(initial, huge.ceilingMillis(100), "initial == cap, so every ceiling is the cap");
    }
}
