package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.Schedule;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The schedule of a {@code @Scheduled} method, as a monitor takes it: its cron (Spring's 6 fields,
 * converted) in its zone (the JVM's when none is named), or its fixed rate or delay as a period;
 * {@code initialDelay} does not change when runs are due, so it is left out.
 */
final class ScheduledDerivation {
    private ScheduledDerivation() {
    }

    /**
     * The schedule, or null when the method has none a monitor can follow (a disabled cron, "-").
     *
     * @throws IllegalArgumentException naming the method, when the schedule has no form a monitor takes
     */
    static Schedule of(Method method, Scheduled scheduled, Environment environment) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
        try {
            String cron = environment.resolvePlaceholders(scheduled.cron());
            if (!cron.isEmpty()) {
                if (cron.equals(Scheduled.CRON_DISABLED)) {
                    return null;
                }
                String zone = environment.resolvePlaceholders(scheduled.zone());
                return Schedule.cron(cron, zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone));
            }
            Duration period = period(scheduled.fixedRate(), scheduled.fixedRateString(), scheduled, environment);
            if (period == null) {
                period = period(scheduled.fixedDelay(), scheduled.fixedDelayString(), scheduled, environment);
            }
            return period == null ? null : Schedule.every(period);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the @Scheduled schedule of " + where + " cannot define its monitor: "
                    + e.getMessage(), e);
        }
    }

    private static Duration period(long amount, String text, Scheduled scheduled, Environment environment) {
        if (amount > 0) {
            return Duration.of(amount, scheduled.timeUnit().toChronoUnit());
        }
        String resolved = environment.resolvePlaceholders(text);
        if (resolved.isEmpty()) {
            return null;
        }
        // Spring reads a bare number in the annotation's time unit, else a duration ("PT1H", "1h").
        if (resolved.chars().allMatch(Character::isDigit)) {
            return Duration.of(Long.parseLong(resolved), scheduled.timeUnit().toChronoUnit());
        }
        return DurationStyle.detectAndParse(resolved);
    }
}
