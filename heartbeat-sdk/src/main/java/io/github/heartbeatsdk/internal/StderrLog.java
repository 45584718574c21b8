package io.github.heartbeatsdk.internal;

/**
 * {@link SdkLog} for a JVM without SLF4J's API: WARN and ERROR lines go to standard error,
 * prefixed {@code [heartbeat-sdk]}, so failures are never silent. Arguments are formatted as
 * SLF4J would, and messages are the same redacted ones the SDK gives SLF4J.
 */
final class StderrLog extends SdkLog {
    static final StderrLog INSTANCE = new StderrLog();

    private StderrLog() {
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    void log(Level level, String format, Object[] args) {
        if (level == Level.WARN || level == Level.ERROR) {
            System.err.println("[heartbeat-sdk] " + level + " " + format(format, args));
        }
    }

    /** Replaces each {@code {}} with the next argument, as SLF4J does; extra arguments are left out. */
    static String format(String format, Object[] args) {
        StringBuilder out = new StringBuilder(format.length() + 32);
        int from = 0;
        int next = 0;
        for (int at; (at = format.indexOf("{}", from)) >= 0; from = at + 2) {
            out.append(format, from, at);
            out.append(next < args.length ? String.valueOf(args[next++]) : "{}");
        }
        return out.append(format, from, format.length()).toString();
    }
}
