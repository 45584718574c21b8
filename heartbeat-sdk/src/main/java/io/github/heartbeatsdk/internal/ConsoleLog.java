package io.github.heartbeatsdk.internal;

import java.util.Locale;

/**
 * {@link SdkLog} that writes every line at or above a level to standard error, prefixed: for the
 * agent and the command-line wrapper, which live in someone else's JVM or shell and must not bind
 * to, configure or warn about that application's logging. Lines are the SDK's redacted messages.
 */
public final class ConsoleLog extends SdkLog {
    /** The level names {@link #parse} takes, quietest first. */
    public static final String LEVELS = "off, error, warn, info, debug";

    private final String prefix;
    private final int threshold;

    private ConsoleLog(String prefix, int threshold) {
        this.prefix = prefix;
        this.threshold = threshold;
    }

    /**
     * A logger writing lines of {@code level} ({@value #LEVELS}, any case) and above, each
     * starting with {@code prefix}.
     *
     * @throws IllegalArgumentException for another level name, naming the accepted ones
     */
    public static ConsoleLog parse(String prefix, String level) {
        String name = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
        if ("OFF".equals(name)) {
            return new ConsoleLog(prefix, Integer.MAX_VALUE);
        }
        for (Level candidate : Level.values()) {
            if (candidate.name().equals(name)) {
                return new ConsoleLog(prefix, candidate.ordinal());
            }
        }
        throw new IllegalArgumentException("log level must be one of " + LEVELS + ", got '" + level + "'");
    }

    @Override
    public boolean isDebugEnabled() {
        return threshold <= Level.DEBUG.ordinal();
    }

    /** True when INFO lines are written. */
    public boolean isInfoEnabled() {
        return threshold <= Level.INFO.ordinal();
    }

    @Override
    void log(Level level, String format, Object[] args) {
        if (level.ordinal() < threshold) {
            return;
        }
        String line = prefix + " " + level + " " + StderrLog.format(format, args);
        Object last = args.length > 0 ? args[args.length - 1] : null;
        if (last instanceof Throwable && args.length > placeholders(format)) {
            // SLF4J would print the stack trace; one line with the class is what a console can take.
            line += " (" + last.getClass().getName() + ")";
        }
        System.err.println(line);
    }

    private static int placeholders(String format) {
        int count = 0;
        for (int at = format.indexOf("{}"); at >= 0; at = format.indexOf("{}", at + 2)) {
            count++;
        }
        return count;
    }
}
