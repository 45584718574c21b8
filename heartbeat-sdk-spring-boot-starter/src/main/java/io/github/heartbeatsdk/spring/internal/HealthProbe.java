package io.github.heartbeatsdk.spring.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks {@link AppHealth} on a thread of its own and waits at most {@code timeout}, so a slow
 * health indicator (a database that hangs) delays a beat by that much at most, never stalls the
 * SDK's thread. Past the timeout, or when asking fails, the status is {@value #UNKNOWN}, which
 * lets the beat go: not knowing is not being down.
 */
final class HealthProbe implements AutoCloseable {
    static final String UNKNOWN = "UNKNOWN";

    private static final Logger log = LoggerFactory.getLogger(HealthProbe.class);

    private final AppHealth health;
    private final long timeoutMillis;
    /** One thread, started on first use; a probe still running when the next is asked is not asked twice. */
    private final ExecutorService thread = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            new ClientFactory.NamedDaemonThreads("heartbeat-sdk-health-"));
    private Future<String> running;
    /** A beat asks twice (may it go? what goes in ext info?): one answer serves both. */
    private String last;
    private long lastNanos;

    HealthProbe(AppHealth health, Duration timeout) {
        this.health = health;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
    }

    /** The application's status, or {@value #UNKNOWN}. */
    synchronized String status() {
        if (last != null && System.nanoTime() - lastNanos < TimeUnit.SECONDS.toNanos(1)) {
            return last;
        }
        last = ask();
        lastNanos = System.nanoTime();
        return last;
    }

    private String ask() {
        try {
            if (running == null || running.isDone()) {
                running = thread.submit(health::status);
            }
            String status = running.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return status == null ? UNKNOWN : status;
        } catch (TimeoutException e) {
            log.debug("the application's health took longer than {} ms; UNKNOWN", timeoutMillis);
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        } catch (Exception | LinkageError e) {
            log.debug("the application's health could not be read: {}", e.toString());
            return UNKNOWN;
        }
    }

    /** Whether the application says it is down: DOWN or OUT_OF_SERVICE. */
    boolean isDown() {
        String status = status();
        return "DOWN".equals(status) || "OUT_OF_SERVICE".equals(status);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    @Override
    public String toString() {
        return "the heartbeat-sdk health probe";
    }
}
