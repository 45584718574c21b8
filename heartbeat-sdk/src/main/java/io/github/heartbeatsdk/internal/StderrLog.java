package io.github.heartbeatsdk.internal;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SdkLog} for a JVM without SLF4J, or with SLF4J's API and no provider: the first WARN and
 * ERROR line of each kind goes to standard error, prefixed {@code [heartbeat-sdk]}, so failures
 * are never silent, and no kind repeats, so a long outage costs a few lines. Arguments are
 * formatted as SLF4J would, and messages are the same redacted ones the SDK gives SLF4J.
 */
final class StderrLog extends SdkLog {
    static final StderrLog INSTANCE = new StderrLog();
    /** The kinds already shown, by message format; bounded, as the SDK has a fixed set of them. */
    private final Set<String> shown = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    private static final int MAX_KINDS = 256;

    private StderrLog() {
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    void log(Level level, String format, Object[] args) {
        if ((level == Level.WARN || level == Level.ERROR) && shown.size() < MAX_KINDS && shown.add(format)) {
            System.err.println("[heartbeat-sdk] " + level + " " + format(format, args)
                    + " (shown once; add an SLF4J provider such as slf4j-simple to see every line)");
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
