package io.github.heartbeatsdk.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SLF4J logger looked up on first use. The first lookup in a JVM initialises SLF4J (tens of
 * milliseconds); a static logger field would charge that to whoever first touches an SDK class,
 * often the caller of {@code build()}. Looked up lazily, it is paid on the delivery thread, and
 * only if something is logged.
 */
public final class LazyLogger {
    private final Class<?> owner;
    private volatile Logger logger;

    public LazyLogger(Class<?> owner) {
        this.owner = owner;
    }

    /**
     * The logger, looked up now if it was not yet. First lookups take turns: while one thread
     * initialises SLF4J, SLF4J hands any other a stand-in that records its calls and later prints
     * "A number (N) of logging calls during the initialization phase have been intercepted" on
     * stderr. Waiting here means the SDK's own threads (the caller's, the delivery thread) never
     * cause that warning among themselves.
     */
    public Logger get() {
        Logger current = logger;
        if (current == null) {
            synchronized (LazyLogger.class) {
                current = logger;
                if (current == null) {
                    current = LoggerFactory.getLogger(owner);
                    logger = current;
                }
            }
        }
        return current;
    }
}
