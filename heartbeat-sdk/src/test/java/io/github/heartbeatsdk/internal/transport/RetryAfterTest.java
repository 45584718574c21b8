package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.internal.transport.RetryAfter;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Retry-After as delay-seconds or an HTTP-date; -1 when absent or unreadable. */
class RetryAfterTest {
    /** Wed, 21 Oct 2015 07:28:00 GMT. */
    private static final long NOW = ZonedDateTime.parse("2015-10-21T07:28:00Z").toInstant().toEpochMilli();

    @Test
    void secondsAreConvertedToMillis() {
        assertEquals(120_000, RetryAfter.parseMillis("120", NOW));
        assertEquals(1_000, RetryAfter.parseMillis("1", NOW));
        assertEquals(0, RetryAfter.parseMillis("0", NOW));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals(5_000, RetryAfter.parseMillis("  5 \t", NOW));
    }

    @Test
    void secondsDoNotDependOnNow() {
        assertEquals(30_000, RetryAfter.parseMillis("30", 0));
        assertEquals(30_000, RetryAfter.parseMillis("30", NOW));
    }

    @Test
    void httpDateInTheFutureIsTheTimeUntilThen() {
        assertEquals(90_000, RetryAfter.parseMillis("Wed, 21 Oct 2015 07:29:30 GMT", NOW));
        assertEquals(3_600_000, RetryAfter.parseMillis("Wed, 21 Oct 2015 08:28:00 GMT", NOW));
    }

    @Test
    void httpDateIsMeasuredFromTheGivenNow() {
        assertEquals(89_750, RetryAfter.parseMillis("Wed, 21 Oct 2015 07:29:30 GMT", NOW + 250));
    }

    @Test
    void httpDateNowOrInThePastMeansNoWait() {
        assertEquals(0, RetryAfter.parseMillis("Wed, 21 Oct 2015 07:28:00 GMT", NOW));
        assertEquals(0, RetryAfter.parseMillis("Wed, 21 Oct 2015 07:27:59 GMT", NOW));
        assertEquals(0, RetryAfter.parseMillis("Thu, 01 Jan 1970 00:00:00 GMT", NOW));
    }

    @Test
    void absentOrBlankHeaderIsUnknown() {
        assertEquals(-1, RetryAfter.parseMillis(null, NOW));
        assertEquals(-1, RetryAfter.parseMillis("", NOW));
        assertEquals(-1, RetryAfter.parseMillis("   ", NOW));
    }

    @Test
    void garbageIsUnknown() {
        assertEquals(-1, RetryAfter.parseMillis("soon", NOW));
        assertEquals(-1, RetryAfter.parseMillis("12abc", NOW));
        assertEquals(-1, RetryAfter.parseMillis("1.5", NOW));
        assertEquals(-1, RetryAfter.parseMillis("-5", NOW));
        assertEquals(-1, RetryAfter.parseMillis("2015-10-21T07:29:30Z", NOW));
        assertEquals(-1, RetryAfter.parseMillis("Wed, 21 Oct 2015 25:61:00 GMT", NOW));
    }

    @Test
    void hugeNumbersAreUnknownRatherThanOverflowing() {
        // fits a long, but times 1000 does not
        assertEquals(-1, RetryAfter.parseMillis("9223372036854775807", NOW));
        assertEquals(-1, RetryAfter.parseMillis("9223372036854776", NOW));
        // does not even fit a long
        assertEquals(-1, RetryAfter.parseMillis("99999999999999999999999", NOW));
    }

    @Test
    void waitsBeyondAWeekAreUnknownRatherThanAPlan() {
        assertEquals(604_800_000L, RetryAfter.parseMillis("604800", NOW));
        assertEquals(-1, RetryAfter.parseMillis("604801", NOW));
        assertEquals(-1, RetryAfter.parseMillis("2147483648", NOW)); // beyond an int: OkHttp itself throws on it
        assertEquals(-1, RetryAfter.parseMillis("9223372036854775", NOW));
        assertEquals(-1, RetryAfter.parseMillis("Fri, 21 Oct 2016 07:28:00 GMT", NOW));
    }
}
