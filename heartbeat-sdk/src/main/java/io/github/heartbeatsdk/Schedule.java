package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.Cron;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * When a job is expected to run, for backends that can create or update its check from code
 * ({@link io.github.heartbeatsdk.endpoints.Endpoints}' {@code withMonitor}): a cron schedule in a
 * time zone, or a fixed period; plus how late a run may be ({@link #grace}) and, where the
 * backend has it, how long a run may take ({@link #maxRuntime}). Immutable; checked when made.
 *
 * <pre>{@code
 * Schedule.cron("0 4 * * *", ZoneId.of("Europe/Berlin")).grace(Duration.ofMinutes(30))
 * Schedule.cron("0 0 4 * * *", zone)          // Spring's @Scheduled cron: second 0 is dropped
 * Schedule.quartzCron("0 0 4 ? * MON-FRI", zone)
 * Schedule.every(Duration.ofHours(1))
 * }</pre>
 *
 * Cron is kept in the 5-field form the backends take (minute, hour, day of month, month, day of
 * week). Spring's and Quartz's forms, with seconds first (and Quartz's optional year), are
 * converted when they are expressible: they must fire at second 0 (and every year). An expression
 * that is not (a run at second 30, Quartz's {@code L}, {@code W} or {@code #}) is refused with a
 * message naming the field and saying why.
 */
public final class Schedule {
    /** The shortest {@link #every} period and {@link #grace} the backends accept: one minute. */
    public static final Duration MIN_PERIOD = Duration.ofMinutes(1);
    /** The longest period and grace the backends accept: 365 days. */
    public static final Duration MAX_PERIOD = Duration.ofDays(365);

    private final String cron;
    private final ZoneId zone;
    private final Duration period;
    private final Duration grace;
    private final Duration maxRuntime;

    private Schedule(String cron, ZoneId zone, Duration period, Duration grace, Duration maxRuntime) {
        this.cron = cron;
        this.zone = zone;
        this.period = period;
        this.grace = grace;
        this.maxRuntime = maxRuntime;
    }

    /**
     * A cron schedule: 5 fields, Spring's 6 (seconds first), or a macro such as {@code @daily},
     * in {@code zone}.
     *
     * @throws IllegalArgumentException naming the field that is wrong, or why it has no 5-field form
     */
    public static Schedule cron(String expression, ZoneId zone) {
        return new Schedule(Cron.toFiveFields(expression, Cron.Dialect.SPRING), requireZone(zone), null, null, null);
    }

    /** {@link #cron(String, ZoneId)} in UTC. */
    public static Schedule cron(String expression) {
        return cron(expression, ZoneOffset.UTC);
    }

    /**
     * A Quartz {@code CronTrigger} expression: 6 or 7 fields, seconds first, day of week 1-7 with
     * 1 for Sunday, {@code ?} for "no specific value".
     *
     * @throws IllegalArgumentException naming the field that is wrong, or why it has no 5-field form
     */
    public static Schedule quartzCron(String expression, ZoneId zone) {
        return new Schedule(Cron.toFiveFields(expression, Cron.Dialect.QUARTZ), requireZone(zone), null, null, null);
    }

    /**
     * A run every {@code period} (a fixed rate or delay).
     *
     * @throws IllegalArgumentException unless it is between {@link #MIN_PERIOD} and {@link #MAX_PERIOD}
     *     in whole seconds
     */
    public static Schedule every(Duration period) {
        return new Schedule(null, null, checkRange("period", period), null, null);
    }

    /**
     * The same schedule with a grace time: how late a run may be before the backend raises an
     * alert. Default: the backend's own.
     *
     * @throws IllegalArgumentException unless it is between {@link #MIN_PERIOD} and {@link #MAX_PERIOD}
     */
    public Schedule grace(Duration grace) {
        return new Schedule(cron, zone, period, checkRange("grace", grace), maxRuntime);
    }

    /**
     * The same schedule with the longest a run may take before the backend marks it failed
     * (Sentry's {@code max_runtime}); backends without it ignore it. Default: none.
     *
     * @throws IllegalArgumentException unless it is between {@link #MIN_PERIOD} and {@link #MAX_PERIOD}
     */
    public Schedule maxRuntime(Duration maxRuntime) {
        return new Schedule(cron, zone, period, grace, checkRange("maxRuntime", maxRuntime));
    }

    /** The 5-field cron expression, or null for a period. */
    public String cron() {
        return cron;
    }

    /** The cron's time zone, or null for a period. */
    public ZoneId zone() {
        return zone;
    }

    /** The period, or null for a cron schedule. */
    public Duration period() {
        return period;
    }

    /** The grace time, or null for the backend's default. */
    public Duration grace() {
        return grace;
    }

    /** The longest a run may take, or null for none. */
    public Duration maxRuntime() {
        return maxRuntime;
    }

    /** UTC by any of its names (Z, UTC, Etc/UTC, GMT) is one zone: the backends all call it UTC. */
    private static ZoneId requireZone(ZoneId zone) {
        if (zone == null) {
            throw new NullPointerException("zone == null");
        }
        return zone.normalized().equals(ZoneOffset.UTC) ? ZoneOffset.UTC : zone;
    }

    private static Duration checkRange(String what, Duration value) {
        if (value == null) {
            throw new NullPointerException(what + " == null");
        }
        if (value.compareTo(MIN_PERIOD) < 0 || value.compareTo(MAX_PERIOD) > 0 || value.getNano() != 0) {
            throw new IllegalArgumentException(what + " must be whole seconds from " + MIN_PERIOD + " to " + MAX_PERIOD
                    + ", got " + value);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Schedule)) {
            return false;
        }
        Schedule s = (Schedule) o;
        return eq(cron, s.cron) && eq(zone, s.zone) && eq(period, s.period) && eq(grace, s.grace)
                && eq(maxRuntime, s.maxRuntime);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Object part : new Object[] {cron, zone, period, grace, maxRuntime}) {
            h = 31 * h + (part == null ? 0 : part.hashCode());
        }
        return h;
    }

    private static boolean eq(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public String toString() {
        return "Schedule{" + (cron != null ? "cron '" + cron + "' " + zone : "every " + period)
                + (grace != null ? ", grace " + grace : "") + (maxRuntime != null ? ", maxRuntime " + maxRuntime : "")
                + "}";
    }
}
