package io.github.heartbeatsdk.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An SLF4J logger looked up on first use, or {@link StderrLog} when SLF4J's API is missing. The first lookup in a JVM initialises SLF4J (tens of
 * milliseconds); a static logger field would charge that to whoever first touches an SDK class,
 * often the caller of {@code build()}. Looked up lazily, it is paid by the first SDK thread that
 * logs: usually the delivery thread, or {@code close()} while signals are still pending.
 */
public final class LazyLogger {
    /** When set, every logger of the SDK writes here and SLF4J is never looked up. */
    private static volatile SdkLog only;

    private final Class<?> owner;
    private volatile SdkLog logger;

    public LazyLogger(Class<?> owner) {
        this.owner = owner;
    }

    /**
     * Sends every line the SDK logs, from loggers looked up before or after, to {@code log}
     * instead of SLF4J: for the agent, which must not bind to the application's logging. Null
     * goes back to SLF4J.
     */
    public static void useOnly(SdkLog log) {
        only = log;
    }

    /** The logger, looked up now if it was not yet; never throws because of the logging library. */
    public SdkLog get() {
        if (Thread.currentThread() instanceof QuietThread) {
            return Lookup.silent();
        }
        SdkLog forced = only;
        if (forced != null) {
            return forced;
        }
        SdkLog current = logger;
        if (current != null) {
            return current;
        }
        current = Lookup.first(owner);
        logger = current;
        return current;
    }

    /**
     * The lookup, in a class of its own: a class that only holds a {@code LazyLogger} (most of
     * the SDK's, loaded by {@code build()} on the caller's thread) then loads neither the lock nor
     * the loggers it may return.
     */
    private static final class Lookup {
        /**
         * First lookups take turns. While one thread initialises SLF4J, SLF4J hands any other a
         * stand-in that records its calls and later prints "A number (N) of logging calls during the
         * initialization phase have been intercepted" on stderr. Waiting for the first lookup means the
         * SDK's own threads do not cause that warning among themselves, unless the logging backend takes
         * longer than {@link #MAX_WAIT_MILLIS} to start.
         */
        private static final ReentrantLock FIRST_LOOKUP = new ReentrantLock();
        /** A logging backend slower than this to start gets no more waiting: SLF4J's stand-in will do. */
        private static final long MAX_WAIT_MILLIS = 5_000;

        static SdkLog silent() {
            return Silent.INSTANCE;
        }

        /** Looks up the logger of {@code owner}, in turn with other first lookups. */
        static SdkLog first(Class<?> owner) {
            boolean turn = false;
            try {
                turn = FIRST_LOOKUP.tryLock(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // not ours to swallow; look up without waiting
            }
            try {
                return lookUp(owner);
            } finally {
                if (turn) {
                    FIRST_LOOKUP.unlock();
                }
            }
        }

        /**
         * SLF4J's logger for {@code owner}; standard error without SLF4J's classes (a missing jar, a
         * module not read) or without a provider behind them, where SLF4J would discard every line
         * and a wrong URL would fail in silence.
         */
        private static SdkLog lookUp(Class<?> owner) {
            try {
                org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(owner);
                return logger instanceof org.slf4j.helpers.NOPLogger ? StderrLog.INSTANCE : new Slf4jLog(logger);
            } catch (LinkageError | RuntimeException e) {
                return StderrLog.INSTANCE;
            }
        }
    }

    /** What the SDK logs through on a {@link QuietThread}: nothing. */
    static final class Silent extends SdkLog {
        static final Silent INSTANCE = new Silent();

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        void log(Level level, String format, Object[] args) {
        }
    }
}
