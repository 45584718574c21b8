package io.github.heartbeatsdk.internal;

/**
 * The SDK's logging calls, with SLF4J's method shapes. Behind it is SLF4J when its API is on the
 * class path, or {@link StderrLog} when it is not: a missing logging library must never stop a
 * signal from ending. Every call swallows what the logging backend throws (short of a
 * {@link VirtualMachineError}), because logging is never worth a lost signal.
 */
public abstract class SdkLog {
    SdkLog() {
    }

    /** True when DEBUG lines are written. */
    public abstract boolean isDebugEnabled();

    /** Logs at DEBUG, with SLF4J's {@code {}} placeholders. */
    public final void debug(String format, Object... args) {
        write(Level.DEBUG, format, args);
    }

    /** Logs at INFO. */
    public final void info(String format, Object... args) {
        write(Level.INFO, format, args);
    }

    /** Logs at WARN. */
    public final void warn(String format, Object... args) {
        write(Level.WARN, format, args);
    }

    /** Logs at ERROR. */
    public final void error(String format, Object... args) {
        write(Level.ERROR, format, args);
    }

    private void write(Level level, String format, Object[] args) {
        try {
            if (level != Level.DEBUG || isDebugEnabled()) {
                log(level, format, args);
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable ignored) {
            // A logging backend that fails (a broken appender, a half-loaded binding) loses this line, nothing else.
        }
    }

    abstract void log(Level level, String format, Object[] args);

    /** The levels the SDK logs at. */
    enum Level { DEBUG, INFO, WARN, ERROR }
}
