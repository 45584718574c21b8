package io.github.heartbeatsdk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schedule: cron in every form a Java job writes, converted to 5 fields or refused by field. */
class ScheduleTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0 4 * * *               | 0 4 * * *",
            "*/15 9-17 * * 1-5       | */15 9-17 * * 1-5",
            "0 0 1,15 * *            | 0 0 1,15 * *",
            "0 12 * JAN-MAR MON,FRI  | 0 12 * 1-3 1,5",
            "0 0 * * 7               | 0 0 * * 7",
            "0 0 4 * * *             | 0 4 * * *",
            "0 */5 * * * *           | */5 * * * *",
            "00 30 2 * * SUN         | 30 2 * * 0",
            "0 0 0 ? * *             | 0 0 * * *",
            "@daily                  | 0 0 * * *",
            "@hourly                 | 0 * * * *",
            "@weekly                 | 0 0 * * 0",
            "@monthly                | 0 0 1 * *",
            "@YEARLY                 | 0 0 1 1 *",
            "0 5/10 * * *            | 0 5-23/10 * * *",
    })
    void springAnd5FieldCronBecome5Fields(String given, String expected) {
        Schedule s = Schedule.cron(given, BERLIN);
        assertEquals(expected, s.cron());
        assertEquals(BERLIN, s.zone());
        assertNull(s.period());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0 0 4 ? * *             | 0 4 * * *",
            "0 0 4 ? * MON-FRI       | 0 4 * * 1-5",
            "0 0 4 ? * 2-6           | 0 4 * * 1-5",
            "0 0 4 ? * 1             | 0 4 * * 0",
            "0 0/15 * * * ?          | 0-59/15 * * * *",
            "0 30 2 1 * ? *          | 30 2 1 * *",
            "0 0 12 ? JAN,JUL 7 ?    | 0 12 * 1,7 6",
    })
    void quartzCronBecomes5FieldsWithItsWeekdaysRenumbered(String given, String expected) {
        assertEquals(expected, Schedule.quartzCron(given, ZoneOffset.UTC).cron());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "30 0 4 * * *            | field second is '30'",
            "*/10 * * * * *          | field second is '*/10'",
            "0 0 4 L * ?             | field day-of-month is 'L'",
            "0 0 4 15W * ?           | field day-of-month is '15W'",
            "0 0 4 ? * 6#3           | field day-of-week is '6#3'",
            "0 0 4 ? * 6L            | field day-of-week is '6L'",
            "0 4 * *                 | got 4",
            "0 0 0 0 4 * * *         | got 8",
            "60 4 * * *              | field minute is 60, outside 0..59",
            "0 24 * * *              | field hour is 24, outside 0..23",
            "0 4 0 * *               | field day-of-month is 0, outside 1..31",
            "0 4 * 13 *              | field month is 13, outside 1..12",
            "0 4 * * 8               | field day-of-week is 8, outside 0..7",
            "0 4 * * FOO             | field day-of-week has the value 'FOO', not a number or a name",
            "0 17-9 * * *            | field hour has the range 17-9, which runs backwards",
            "*/0 * * * *             | field minute has step 0",
            "0 4 ,1 * *              | field day-of-month has an empty list item",
            "? 4 * * *               | field minute is '?'",
            "@sometimes              | unknown cron macro '@sometimes'",
    })
    void badOrInexpressibleCronIsRefusedNamingTheField(String given, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.cron(given, BERLIN));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void quartzRulesApplyToQuartzExpressions() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.quartzCron("0 4 * * *", BERLIN))
                .getMessage().contains("6 or 7 fields"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.quartzCron("0 0 4 ? * 0", BERLIN))
                .getMessage().contains("outside Quartz's 1..7 (1 is Sunday)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.quartzCron("0 0 4 * * ? 2027", BERLIN))
                .getMessage().contains("field year is '2027'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.cron("0 0 4 * * * *", BERLIN))
                .getMessage().contains("got 7"), "a year field is Quartz's only");
    }

    @Test
    void aHugeExpressionIsRefusedWithoutBeingEchoed() {
        String huge = "0 ".repeat(5000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.cron(huge));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void periodsAndGraceAreWholeSecondsBetweenAMinuteAndAYear() {
        Schedule hourly = Schedule.every(Duration.ofHours(1)).grace(Duration.ofMinutes(10)).maxRuntime(Duration.ofMinutes(30));
        assertEquals(Duration.ofHours(1), hourly.period());
        assertEquals(Duration.ofMinutes(10), hourly.grace());
        assertEquals(Duration.ofMinutes(30), hourly.maxRuntime());
        assertNull(hourly.cron());
        assertThrows(IllegalArgumentException.class, () -> Schedule.every(Duration.ofSeconds(59)));
        assertThrows(IllegalArgumentException.class, () -> Schedule.every(Duration.ofDays(366)));
        assertThrows(IllegalArgumentException.class, () -> Schedule.every(Duration.ofMillis(90_500)));
        assertThrows(IllegalArgumentException.class, () -> hourly.grace(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> Schedule.every(null));
        assertThrows(NullPointerException.class, () -> Schedule.cron("0 4 * * *", null));
        assertEquals(Schedule.cron("0 0 4 * * *"), Schedule.cron("0 4 * * *", ZoneOffset.UTC));
        assertEquals("Schedule{cron '0 4 * * *' Europe/Berlin, grace PT30M}",
                Schedule.cron("0 4 * * *", BERLIN).grace(Duration.ofMinutes(30)).toString());
    }
}
