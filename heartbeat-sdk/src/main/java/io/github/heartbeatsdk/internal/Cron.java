package io.github.heartbeatsdk.internal;

import java.util.Locale;

/**
 * Checks a cron expression and turns it into the 5-field form the backends take (minute, hour,
 * day of month, month, day of week), with names and {@code ?} replaced by what every 5-field
 * parser reads. Spring's 6-field form (seconds first, day of week 0-7 with 0 and 7 Sunday) and
 * Quartz's 6- or 7-field form (seconds first, optional year, day of week 1-7 with 1 Sunday) are
 * converted when they fire only at second 0 of every year; the rest is refused with a message
 * that names the field and says why.
 */
public final class Cron {
    /** Which convention a 6- or 7-field expression follows: they differ in how they number weekdays. */
    public enum Dialect {
        /** 5 fields, or Spring's 6 ({@code @Scheduled(cron = ...)}): day of week 0-7, 0 and 7 Sunday. */
        SPRING,
        /** Quartz's {@code CronTrigger}: 6 or 7 fields, day of week 1-7, 1 Sunday. */
        QUARTZ
    }

    /** Longer is no schedule anyone writes; it is refused before it is echoed in a message. */
    static final int MAX_LENGTH = 200;

    private static final String[] FIELD_NAMES = {"minute", "hour", "day-of-month", "month", "day-of-week"};
    private static final int[] MIN = {0, 0, 1, 1, 0};
    private static final int[] MAX = {59, 23, 31, 12, 7};
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private Cron() {
    }

    /**
     * The 5-field form of {@code expression}.
     *
     * @throws IllegalArgumentException naming the field that is wrong, or why it has no 5-field form
     */
    public static String toFiveFields(String expression, Dialect dialect) {
        if (expression == null) {
            throw new NullPointerException("cron expression == null");
        }
        String trimmed = expression.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("cron expression is empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("cron expression is " + trimmed.length() + " characters long; at most "
                    + MAX_LENGTH + " are accepted");
        }
        if (trimmed.startsWith("@")) {
            return macro(trimmed);
        }
        String[] fields = trimmed.split("\\s+");
        if (fields.length == 5 && dialect == Dialect.QUARTZ) {
            throw new IllegalArgumentException("a Quartz cron expression has 6 or 7 fields (seconds first), got 5: '"
                    + trimmed + "'");
        }
        String[] five;
        boolean secondsFirst = fields.length > 5;
        if (fields.length == 5) {
            five = fields;
        } else if (fields.length == 6 || fields.length == 7 && dialect == Dialect.QUARTZ) {
            requireSecondZero(fields[0], trimmed);
            if (fields.length == 7) {
                requireEveryYear(fields[6], trimmed);
            }
            five = new String[] {fields[1], fields[2], fields[3], fields[4], fields[5]};
        } else {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month"
                    + " day-of-week)" + (dialect == Dialect.QUARTZ ? ", or Quartz's 6 or 7 with seconds first and an"
                    + " optional year" : ", or Spring's 6 with seconds first") + "; got " + fields.length + ": '"
                    + trimmed + "'");
        }
        if (secondsFirst && restricted(five[2]) && restricted(five[4])) {
            throw new IllegalArgumentException("fields day-of-month ('" + five[2] + "') and day-of-week ('" + five[4]
                    + "') are both set: " + (dialect == Dialect.QUARTZ ? "Quartz" : "Spring") + " fires when both match,"
                    + " a 5-field cron when either does, so '" + trimmed + "' has no 5-field form; set one of them to "
                    + (dialect == Dialect.QUARTZ ? "'?'" : "'*'"));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            String converted = secondsFirst && i == 4 ? daysOfWeek(five[4], dialect, trimmed)
                    : field(i, five[i], dialect, trimmed, secondsFirst);
            out.append(i > 0 ? " " : "").append(converted);
        }
        return out.toString();
    }

    private static boolean restricted(String field) {
        return !field.equals("*") && !field.equals("?");
    }

    /**
     * Spring's or Quartz's day-of-week field as the explicit days it means, in 5-field numbers
     * (0 Sunday): the two number their week differently (Spring 1 Monday to 7 Sunday, 0 also
     * Sunday; Quartz 1 Sunday to 7 Saturday), which changes what a step or a range ending on
     * Sunday means, so the days are worked out rather than the text rewritten.
     */
    private static String daysOfWeek(String value, Dialect dialect, String expression) {
        if (value.equals("*") || value.equals("?")) {
            return "*";
        }
        rejectExtensions(4, value, expression);
        boolean[] days = new boolean[7];
        for (String part : value.split(",", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("field day-of-week has an empty list item, in '" + expression + "'");
            }
            int slash = part.indexOf('/');
            String range = slash >= 0 ? part.substring(0, slash) : part;
            int step = slash >= 0 ? number(4, part.substring(slash + 1), expression, "step") : 1;
            if (step < 1 || step > 7) {
                throw new IllegalArgumentException("field day-of-week has step " + step + ", outside 1..7, in '"
                        + expression + "'");
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = 1;
                to = 7;
            } else {
                int dash = range.indexOf('-');
                from = sourceDay(dash > 0 ? range.substring(0, dash) : range, dialect, expression, false);
                to = dash > 0 ? sourceDay(range.substring(dash + 1), dialect, expression, true) : slash >= 0 ? 7 : from;
            }
            if (from > to && dialect == Dialect.SPRING) {
                throw new IllegalArgumentException("field day-of-week has the range " + range + ", which runs backwards"
                        + " in Spring's week (Monday 1 to Sunday 7), in '" + expression + "'");
            }
            int count = from <= to ? to - from + 1 : 7 - from + 1 + to; // Quartz wraps: FRI-MON
            for (int k = 0; k < count; k += step) {
                int source = (from - 1 + k) % 7 + 1;
                days[dialect == Dialect.QUARTZ ? source - 1 : source % 7] = true;
            }
        }
        return render(days);
    }

    /** The days as 5-field cron writes them: "*" for all, runs of three or more as ranges (1-5), the rest listed. */
    private static String render(boolean[] days) {
        StringBuilder out = new StringBuilder();
        int set = 0;
        for (int d = 0; d < days.length; d++) {
            if (!days[d]) {
                continue;
            }
            set++;
            int end = d;
            while (end + 1 < days.length && days[end + 1]) {
                end++;
            }
            out.append(out.length() > 0 ? "," : "");
            if (end - d >= 2) {
                out.append(d).append('-').append(end);
                set += end - d;
                d = end;
            } else {
                out.append(d);
            }
        }
        return set == days.length ? "*" : out.toString();
    }

    /** A day in the dialect's own numbering, 1..7: Spring Monday 1 to Sunday 7 (0 too), Quartz Sunday 1 to Saturday 7. */
    private static int sourceDay(String text, Dialect dialect, String expression, boolean rangeEnd) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (int d = 0; d < DAYS.length; d++) {
            if (DAYS[d].equals(upper)) {
                return dialect == Dialect.QUARTZ ? d + 1 : d == 0 ? 7 : d;
            }
        }
        int n = number(4, text, expression, "value");
        if (dialect == Dialect.QUARTZ) {
            if (n < 1 || n > 7) {
                throw new IllegalArgumentException("field day-of-week is " + text + ", outside Quartz's 1..7"
                        + " (1 is Sunday), in '" + expression + "'");
            }
            return n;
        }
        if (n > 7) {
            throw new IllegalArgumentException("field day-of-week is " + text + ", outside 0..7, in '" + expression + "'");
        }
        return n == 0 ? 7 : n;
    }

    private static void rejectExtensions(int index, String value, String expression) {
        for (int i = 0; i < value.length(); i++) {
            char c = Character.toUpperCase(value.charAt(i));
            if (c == 'L' && !isInName(value, i) || c == 'W' && !isInName(value, i) || c == '#') {
                throw new IllegalArgumentException("field " + FIELD_NAMES[index] + " is '" + value + "': '" + c + "' ("
                        + (c == '#' ? "the nth weekday of the month" : c == 'L' ? "last" : "nearest weekday")
                        + ") has no 5-field form, in '" + expression + "'");
            }
        }
    }

    private static String macro(String macro) {
        switch (macro.toLowerCase(Locale.ROOT)) {
            case "@yearly":
            case "@annually":
                return "0 0 1 1 *";
            case "@monthly":
                return "0 0 1 * *";
            case "@weekly":
                return "0 0 * * 0";
            case "@daily":
            case "@midnight":
                return "0 0 * * *";
            case "@hourly":
                return "0 * * * *";
            default:
                throw new IllegalArgumentException("unknown cron macro '" + macro
                        + "'; known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly");
        }
    }

    private static void requireSecondZero(String seconds, String expression) {
        if (!seconds.equals("0") && !seconds.equals("00")) {
            throw new IllegalArgumentException("field second is '" + seconds + "': a 5-field cron fires at second 0"
                    + " only, so '" + expression + "' has no 5-field form; use second 0");
        }
    }

    private static void requireEveryYear(String year, String expression) {
        if (!year.equals("*") && !year.equals("?")) {
            throw new IllegalArgumentException("field year is '" + year + "': a 5-field cron fires every year, so '"
                    + expression + "' has no 5-field form");
        }
    }

    private static String field(int index, String value, Dialect dialect, String expression, boolean secondsFirst) {
        String name = FIELD_NAMES[index];
        if (value.equals("?")) {
            if (index != 2 && index != 4) {
                throw new IllegalArgumentException("field " + name + " is '?', which only day-of-month and day-of-week"
                        + " may be, in '" + expression + "'");
            }
            return "*";
        }
        rejectExtensions(index, value, expression);
        StringBuilder out = new StringBuilder();
        String[] parts = value.split(",", -1);
        for (int p = 0; p < parts.length; p++) {
            out.append(p > 0 ? "," : "").append(part(index, parts[p], dialect, expression,
                    secondsFirst && dialect == Dialect.QUARTZ));
        }
        return out.toString();
    }

    /** Whether the letter at {@code i} is part of a month or day name (JUL, WED), not Quartz's L or W. */
    private static boolean isInName(String value, int i) {
        boolean before = i > 0 && Character.isLetter(value.charAt(i - 1));
        boolean after = i + 1 < value.length() && Character.isLetter(value.charAt(i + 1));
        return before || after;
    }

    private static String part(int index, String part, Dialect dialect, String expression, boolean wraps) {
        String name = FIELD_NAMES[index];
        if (part.isEmpty()) {
            throw new IllegalArgumentException("field " + name + " has an empty list item, in '" + expression + "'");
        }
        String range = part;
        String step = null;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            step = part.substring(slash + 1);
            int n = number(index, step, expression, "step");
            if (n < 1 || n > MAX[index]) {
                throw new IllegalArgumentException("field " + name + " has step " + step + ", outside 1.."
                        + MAX[index] + ", in '" + expression + "'");
            }
        }
        String converted;
        if (range.equals("*")) {
            converted = "*";
        } else {
            int dash = range.indexOf('-');
            if (dash > 0) {
                int from = value(index, range.substring(0, dash), dialect, expression);
                int to = value(index, range.substring(dash + 1), dialect, expression);
                if (from > to && wraps) {
                    return wrapped(index, from, to, step == null ? 1 : Integer.parseInt(step)); // Quartz's 22-2
                }
                if (from > to) {
                    throw new IllegalArgumentException("field " + name + " has the range " + range
                            + ", which runs backwards, in '" + expression + "'");
                }
                converted = from + "-" + to;
            } else {
                converted = String.valueOf(value(index, range, dialect, expression));
            }
        }
        if (step != null && !converted.contains("-") && !converted.equals("*")) {
            converted = converted + "-" + (index == 4 ? 6 : MAX[index]); // Quartz's 0/15: from 0 to the end, as 5-field cron writes it
        }
        return step == null ? converted : converted + "/" + step;
    }

    /** Quartz's range that wraps past its field's end (hours 22-2): the values it means, as a list. */
    private static String wrapped(int index, int from, int to, int step) {
        int size = MAX[index] - MIN[index] + 1;
        int count = MAX[index] - from + 1 + to - MIN[index] + 1;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < count; k += step) {
            int value = MIN[index] + (from - MIN[index] + k) % size;
            out.append(out.length() > 0 ? "," : "").append(value);
        }
        return out.toString();
    }

    private static int value(int index, String text, Dialect dialect, String expression) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (index == 3) {
            for (int m = 0; m < MONTHS.length; m++) {
                if (MONTHS[m].equals(upper)) {
                    return m + 1;
                }
            }
        }
        if (index == 4) {
            for (int d = 0; d < DAYS.length; d++) {
                if (DAYS[d].equals(upper)) {
                    return d;
                }
            }
        }
        int n = number(index, text, expression, "value");
        if (index == 4 && dialect == Dialect.QUARTZ) {
            if (n < 1 || n > 7) {
                throw new IllegalArgumentException("field day-of-week is " + text + ", outside Quartz's 1..7"
                        + " (1 is Sunday), in '" + expression + "'");
            }
            return n - 1;
        }
        if (n < MIN[index] || n > MAX[index]) {
            throw new IllegalArgumentException("field " + FIELD_NAMES[index] + " is " + text + ", outside "
                    + MIN[index] + ".." + MAX[index] + ", in '" + expression + "'");
        }
        return n;
    }

    private static int number(int index, String text, String expression, String what) {
        if (text.isEmpty() || text.length() > 4) {
            throw new IllegalArgumentException("field " + FIELD_NAMES[index] + " has the " + what + " '" + text
                    + "', not a number, in '" + expression + "'");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new IllegalArgumentException("field " + FIELD_NAMES[index] + " has the " + what + " '" + text
                        + "', not a number" + (index >= 3 ? " or a name" : "") + ", in '" + expression + "'");
            }
        }
        return Integer.parseInt(text);
    }
}
