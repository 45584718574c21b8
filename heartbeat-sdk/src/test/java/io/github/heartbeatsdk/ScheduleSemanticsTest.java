package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 5-field form fires when the Spring or Quartz expression fires, no more, no less. Expected values come from Spring 6.2's CronExpression and Quartz 2.5's CronExpression
 * (checked by running them), read back with standard (Vixie, cronsim, croniter) 5-field semantics.
 */
class ScheduleSemanticsTest {

    /** The values a 5-field cron field stands for: lists, ranges, steps, '*'; day of week 7 is Sunday (0). */
    static Set<Integer> values(String field, int min, int max, boolean dayOfWeek) {
        Set<Integer> out = new TreeSet<>();
        for (String part : field.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = Integer.parseInt(part.substring(slash + 1));
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = Integer.parseInt(range.substring(0, range.indexOf('-')));
                to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
            } else {
                from = Integer.parseInt(range);
                to = slash >= 0 ? max : from;
            }
            assertTrue(from <= to, "a 5-field parser refuses the backwards range " + range + " in " + field);
            for (int v = from; v <= to; v += step) {
                out.add(dayOfWeek && v == 7 ? 0 : v);
            }
        }
        return out;
    }

    static Set<Integer> weekdays(String fiveFields) {
        return values(fiveFields.split(" ")[4], 0, 6, true);
    }

    static Set<Integer> hours(String fiveFields) {
        return values(fiveFields.split(" ")[1], 0, 23, false);
    }

    static Set<Integer> set(Integer... v) {
        return new TreeSet<>(java.util.Arrays.asList(v));
    }

    /** Spring fires when both day fields match, 5-field cron when either does: such an expression is refused, naming both fields. */
    @Test
    void springsAndOfDayOfMonthAndDayOfWeekIsNotTheOrOfFiveFieldCron() {
        for (String spring : new String[] {"0 0 9 1-7 * MON", "0 0 0 13 * FRI"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                String converted = Schedule.cron(spring).cron();
                throw new AssertionError("'" + spring + "' became '" + converted + "', which a 5-field parser fires on"
                        + " every day-of-month match OR every day-of-week match; Spring fires on both only");
            });
            assertTrue(e.getMessage().contains("day-of-month") && e.getMessage().contains("day-of-week"), e.getMessage());
        }
    }

    /** Spring's week runs Monday 1 to Sunday 7, so its steps (every second day, MON/2) mean other days than the same text in 5 fields. */
    @Test
    void springWeekdayStepsCountFromMondayThroughSunday() {
        Set<Integer> monWedFriSun = set(1, 3, 5, 0);
        assertEquals(monWedFriSun, weekdays(Schedule.cron("0 0 0 * * */2").cron()), Schedule.cron("0 0 0 * * */2").cron());
        assertEquals(monWedFriSun, weekdays(Schedule.cron("0 0 0 * * MON/2").cron()), Schedule.cron("0 0 0 * * MON/2").cron());
        assertEquals(monWedFriSun, weekdays(Schedule.cron("0 0 0 * * 1/2").cron()), Schedule.cron("0 0 0 * * 1/2").cron());
        assertEquals(set(1, 4, 0), weekdays(Schedule.cron("0 0 0 * * */3").cron()), Schedule.cron("0 0 0 * * */3").cron());
    }

    /** In Spring, SUN ends a week: SAT-SUN and MON-SUN are ranges, not backwards ones. */
    @Test
    void springRangesEndingOnSundayAreValid() {
        assertEquals(set(6, 0), weekdays(Schedule.cron("0 0 10 * * SAT-SUN").cron()));
        assertEquals(set(5, 6, 0), weekdays(Schedule.cron("0 0 10 * * FRI-SUN").cron()));
        assertEquals(set(0, 1, 2, 3, 4, 5, 6), weekdays(Schedule.cron("0 0 10 * * MON-SUN").cron()));
    }

    /** Quartz's ranges may wrap past a field's end (hours 22-2, FRI-MON): they become the lists they mean. */
    @Test
    void quartzWrapAroundRangesAreConvertedNotCalledBackwards() {
        assertEquals(set(22, 23, 0, 1, 2), hours(Schedule.quartzCron("0 0 22-2 * * ?", ZoneOffset.UTC).cron()));
        assertEquals(set(5, 6, 0, 1), weekdays(Schedule.quartzCron("0 0 0 ? * FRI-MON", ZoneOffset.UTC).cron()));
        assertEquals(set(6, 0), weekdays(Schedule.quartzCron("0 0 0 ? * SAT-SUN", ZoneOffset.UTC).cron()));
    }

    /** UTC by any name (Z, UTC) is one schedule: the backends all call it UTC. */
    @Test
    void utcByAnyNameIsTheSameSchedule() {
        assertEquals(Schedule.cron("0 4 * * *"), Schedule.cron("0 4 * * *", ZoneId.of("UTC")));
        assertEquals(Schedule.cron("0 4 * * *").hashCode(), Schedule.cron("0 4 * * *", ZoneId.of("UTC")).hashCode());
    }

    /** A fixed offset written as a region id (GMT+2, as Spring's zone or Quartz's TimeZone give it) is no tz name either. */
    @Test
    void aFixedOffsetUnderARegionIdIsRefusedToo() {
        Schedule offset = Schedule.cron("0 4 * * *", ZoneId.of("GMT+2"));
        assertThrows(IllegalArgumentException.class,
                () -> Endpoints.healthchecks("https://hc-ping.com/pk/x").withMonitor(offset));
        assertThrows(IllegalArgumentException.class,
                () -> Endpoints.sentryCrons("https://o0.ingest.sentry.io/api/1/cron/x/k/").withMonitor(offset));
    }
}
