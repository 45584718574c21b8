package io.github.heartbeatsdk.internal;

import org.slf4j.Logger;

/** {@link SdkLog} through SLF4J; loaded only once SLF4J's API is known to be there. */
final class Slf4jLog extends SdkLog {
    private final Logger logger;

    Slf4jLog(Logger logger) {
        this.logger = logger;
    }

    @Override
    public boolean isDebugEnabled() {
        return logger.isDebugEnabled();
    }

    @Override
    void log(Level level, String format, Object[] args) {
        switch (level) {
            case DEBUG:
                logger.debug(format, args);
                return;
            case INFO:
                logger.info(format, args);
                return;
            case WARN:
                logger.warn(format, args);
                return;
            default:
                logger.error(format, args);
        }
    }

    /** The SLF4J logger behind this one; for tests. */
    Logger slf4j() {
        return logger;
    }
}
