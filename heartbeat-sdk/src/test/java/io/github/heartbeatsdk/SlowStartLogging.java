package io.github.heartbeatsdk;

import ch.qos.logback.classic.spi.LogbackServiceProvider;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.concurrent.TimeUnit;

/**
 * Logback, as an application's logging starts: slowly, here for as long as the SDK's warm-up
 * runs (at most 30 s), so that whatever the warm-up logs falls inside SLF4J's initialisation.
 * Named with {@code -Dslf4j.provider} by {@code WarmUpReviewTest}'s child JVM only.
 */
public final class SlowStartLogging implements SLF4JServiceProvider {
    private final LogbackServiceProvider logback = new LogbackServiceProvider();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return logback.getLoggerFactory();
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return logback.getMarkerFactory();
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return logback.getMDCAdapter();
    }

    @Override
    public String getRequestedApiVersion() {
        return logback.getRequestedApiVersion();
    }

    @Override
    public void initialize() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            for (Thread warmUp = warmUpThread(); warmUp != null && System.nanoTime() < end; warmUp = warmUpThread()) {
                warmUp.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        logback.initialize();
    }

    private static Thread warmUpThread() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("heartbeat-sdk-warm-up") && thread.isAlive()) {
                return thread;
            }
        }
        return null;
    }
}
