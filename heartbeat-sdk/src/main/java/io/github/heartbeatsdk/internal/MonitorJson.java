package io.github.heartbeatsdk.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.heartbeatsdk.Schedule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The monitor definitions the backends' APIs take, as JSON: Healthchecks' check, Sentry's
 * {@code monitor_config}, Cronitor's monitor. Field names and units as each service documents them.
 */
public final class MonitorJson {
    private static final JsonFactory JSON = new JsonFactory();

    private MonitorJson() {
    }

    /**
     * The tz database name of {@code zone} ({@code UTC} for UTC).
     *
     * @throws IllegalArgumentException for a fixed offset such as +02:00, which the backends do not take
     */
    public static String zoneName(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized.equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        // A fixed offset, as ZoneOffset or as a prefixed id (GMT+2 is GMT+02:00), is no tz database name;
        // Etc/GMT-2 is one, and passes.
        if (zone instanceof ZoneOffset || zone.getId().matches("(GMT|UTC|UT)[+-].*")) {
            throw new IllegalArgumentException("the backends take a time zone by its tz database name"
                    + " (Europe/Berlin), not the offset " + zone);
        }
        return zone.getId();
    }

    /** Healthchecks' Management API: a check with {@code unique} on its slug, or the fields of an existing check. */
    public static byte[] healthchecks(Schedule schedule, String slug) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            if (slug != null) {
                json.writeStringField("name", slug);
                json.writeStringField("slug", slug);
                json.writeArrayFieldStart("unique");
                json.writeString("slug");
                json.writeEndArray();
            }
            if (schedule.cron() != null) {
                json.writeStringField("schedule", schedule.cron());
                json.writeStringField("tz", zoneName(schedule.zone()));
            } else {
                json.writeNumberField("timeout", schedule.period().getSeconds());
            }
            if (schedule.grace() != null) {
                json.writeNumberField("grace", schedule.grace().getSeconds());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /** Writes Sentry's {@code monitor_config} field: schedule, checkin_margin and max_runtime in minutes, timezone. */
    public static void sentryMonitorConfig(JsonGenerator json, Schedule schedule) throws IOException {
        json.writeObjectFieldStart("monitor_config");
        json.writeObjectFieldStart("schedule");
        if (schedule.cron() != null) {
            json.writeStringField("type", "crontab");
            json.writeStringField("value", schedule.cron());
        } else {
            Object[] interval = interval(schedule.period());
            json.writeStringField("type", "interval");
            json.writeNumberField("value", (Long) interval[0]);
            json.writeStringField("unit", (String) interval[1]);
        }
        json.writeEndObject();
        if (schedule.grace() != null) {
            json.writeNumberField("checkin_margin", minutesUp(schedule.grace()));
        }
        if (schedule.maxRuntime() != null) {
            json.writeNumberField("max_runtime", minutesUp(schedule.maxRuntime()));
        }
        if (schedule.zone() != null) {
            json.writeStringField("timezone", zoneName(schedule.zone()));
        }
        json.writeEndObject();
    }

    /** Cronitor's monitor API: one job monitor, by its key. */
    public static byte[] cronitor(Schedule schedule, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("monitors");
            json.writeStartObject();
            json.writeStringField("key", key);
            json.writeStringField("type", "job");
            if (schedule.cron() != null) {
                json.writeStringField("schedule", schedule.cron());
                json.writeStringField("timezone", zoneName(schedule.zone()));
            } else {
                json.writeStringField("schedule", cronitorInterval(schedule.period()));
            }
            if (schedule.grace() != null) {
                json.writeNumberField("grace_seconds", schedule.grace().getSeconds());
            }
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /** Cronitor's interval words, as its docs write them ("every 5 minutes", "every 1 hour"): minutes, hours or days. */
    static String cronitorInterval(Duration period) {
        interval(period); // whole minutes, or refused
        long minutes = period.getSeconds() / 60;
        String unit = minutes % (24 * 60) == 0 ? "day" : minutes % 60 == 0 ? "hour" : "minute";
        long n = unit.equals("day") ? minutes / (24 * 60) : unit.equals("hour") ? minutes / 60 : minutes;
        return "every " + n + " " + unit + (n == 1 ? "" : "s");
    }

    /** Sentry's most for {@code checkin_margin} and {@code max_runtime}: 28 days, in minutes. */
    public static final long SENTRY_MAX_MINUTES = 40_320;

    /**
     * @throws IllegalArgumentException when the grace or max runtime passes Sentry's 28 days
     */
    public static void requireSentryLimits(Schedule schedule) {
        for (Duration d : new Duration[] {schedule.grace(), schedule.maxRuntime()}) {
            if (d != null && minutesUp(d) > SENTRY_MAX_MINUTES) {
                throw new IllegalArgumentException("Sentry takes a grace (checkin_margin) and max runtime of at most 28"
                        + " days, got " + d);
            }
        }
    }

    /**
     * A period as a whole number of the largest unit that divides it: week, day, hour or minute.
     *
     * @throws IllegalArgumentException for a period that is not whole minutes
     */
    public static Object[] interval(Duration period) {
        long seconds = period.getSeconds();
        if (seconds % 60 != 0) {
            throw new IllegalArgumentException("the backend takes a period in whole minutes, got " + period);
        }
        long minutes = seconds / 60;
        long[] sizes = {7 * 24 * 60, 24 * 60, 60, 1};
        String[] units = {"week", "day", "hour", "minute"};
        for (int i = 0; i < sizes.length; i++) {
            if (minutes % sizes[i] == 0) {
                return new Object[] {minutes / sizes[i], units[i]};
            }
        }
        return new Object[] {minutes, "minute"};
    }

    private static long minutesUp(Duration duration) {
        return (duration.getSeconds() + 59) / 60;
    }
}
