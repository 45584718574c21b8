package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.Signal;

import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the signals of one endpoint, one at a time, on the client's executor.
 *
 * <p>At most one drain runs at a time ({@link #drainScheduled} guards it). A signal that meets
 * a transient failure stays at the head while the backoff runs, so signals behind it wait too:
 * the backend is down or asking us to slow down, and hammering it with the next signal would not
 * help. The wait is a scheduled task, never a sleeping thread, so a shared executor stays free.
 */
public final class Dispatcher {
    private static final LazyLogger log = new LazyLogger(Dispatcher.class);
    private static final long WARN_PERIOD_MILLIS = 60_000;

    private final Transport transport;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Backoff backoff;
    private final SignalQueue queue;
    private final DeliveryStats stats;
    private final String endpointName;
    /** Created on their first warning: most clients never warn, and 10 000 clients would carry 30 000. */
    private Warnings warnings;
    private final HeartbeatListener listener;

    /**
     * One instance, so submit() allocates none; an inner class, not a lambda, because the first
     * lambda in a JVM bootstraps invokedynamic for milliseconds on the caller of build().
     */
    private final Runnable drainTask = new Runnable() {
        @Override
        public void run() {
            drain();
        }
    };
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicLong unfinished = new AtomicLong();
    private final Object idle = new Object();
    private volatile PendingSignal retrying;
    private volatile ScheduledFuture<?> retryTask;
    private volatile Thread drainThread;
    private volatile long closeDeadlineMillis = Long.MAX_VALUE;

    /**
     * @param endpointName a redacted name for log lines and results
     * @param listener told how each delivery ended, or null
     */
    public Dispatcher(Transport transport, ScheduledExecutorService executor, Clock clock, Backoff backoff,
                      int queueCapacity, DeliveryStats stats, String endpointName, HeartbeatListener listener) {
        this.listener = listener;
        this.transport = transport;
        this.executor = executor;
        this.clock = clock;
        this.backoff = backoff;
        this.queue = new SignalQueue(queueCapacity);
        this.stats = stats;
        this.endpointName = endpointName;
    }

    /** Queues {@code signal} for delivery until {@code deadlineMillis}; never blocks, never throws. */
    public PendingSignal submit(Signal signal, long deadlineMillis) {
        PendingSignal pending = new PendingSignal(signal, deadlineMillis);
        stats.enqueued.increment();
        unfinished.incrementAndGet();
        PendingSignal dropped = queue.offer(pending);
        if (dropped != null) {
            finish(dropped, Outcome.DROPPED, 0, "queue full: dropped to make room for newer signals");
        }
        scheduleDrain();
        return pending;
    }

    /** Each kind of warning is rate-limited on its own, so one kind never hides another. */
    private static final class Warnings {
        final RateLimitedLog failure;
        final RateLimitedLog rejection;
        final RateLimitedLog listener;

        Warnings(Clock clock) {
            failure = new RateLimitedLog(log, clock, WARN_PERIOD_MILLIS);
            rejection = new RateLimitedLog(log, clock, WARN_PERIOD_MILLIS);
            listener = new RateLimitedLog(log, clock, WARN_PERIOD_MILLIS);
        }
    }

    private synchronized Warnings warnings() {
        return warnings != null ? warnings : (warnings = new Warnings(clock));
    }

    /** The endpoint's redacted name. */
    public String endpointName() {
        return endpointName;
    }

    /** The executor this dispatcher delivers on. */
    public ScheduledExecutorService executor() {
        return executor;
    }

    /** Signals queued or in delivery. */
    public long unfinished() {
        return unfinished.get();
    }

    /** Starts a drain now unless one is scheduled or running; cheap when one is (a read, no CAS). */
    private void scheduleDrain() {
        if (drainScheduled.get() || !drainScheduled.compareAndSet(false, true)) {
            return;
        }
        runDrain(0);
    }

    /** Runs the drain after {@code delayMillis}; the caller owns {@link #drainScheduled}. */
    private void runDrain(long delayMillis) {
        try {
            if (delayMillis <= 0) {
                executor.execute(drainTask);
            } else {
                retryTask = executor.schedule(drainTask, delayMillis, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // The executor is shut down (the client is closing, or the user stopped a shared one).
            drainScheduled.set(false);
            abandon("the delivery executor is shut down");
        }
    }

    private void drain() {
        drainThread = Thread.currentThread();
        retryTask = null;
        PendingSignal next = retrying;
        try {
            retrying = null;
            for (; next != null || (next = queue.poll()) != null; next = null) {
                if (!deliver(next)) {
                    return; // a retry is scheduled and keeps drainScheduled set
                }
            }
        } catch (Throwable t) {
            // Only the class: the message of an exception we did not expect may quote a URL.
            log.get().error("heartbeat-sdk delivery failed unexpectedly ({}); the signal ends FAILED", t.getClass().getName());
            if (next != null) {
                finish(next, Outcome.FAILED, 0, "unexpected " + t.getClass().getName());
            }
        } finally {
            drainThread = null;
        }
        transport.drained();
        drainScheduled.set(false);
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }

    /** Attempts one delivery; returns false when a retry was scheduled for {@code pending}. */
    private boolean deliver(PendingSignal pending) {
        if (pending.isEnded()) {
            return true; // ended by abandon() while we were busy
        }
        long deadline = Math.min(pending.deadlineMillis, closeDeadlineMillis);
        if (clock.millis() >= deadline) {
            expire(pending);
            return true;
        }
        Attempt attempt = transport.send(pending.signal);
        if (attempt.sent) {
            pending.attempts++;
        }
        switch (attempt.kind) {
            case DELIVERED:
                // Finish first: a program waiting to exit should not wait for SLF4J's first initialisation.
                finish(pending, Outcome.DELIVERED, attempt.statusCode, null);
                log.get().debug("delivered {} to {} (status {}, attempt {})",
                        pending.signal, endpointName, attempt.statusCode, pending.attempts);
                return true;
            case SKIPPED:
                finish(pending, Outcome.SKIPPED, 0, null);
                log.get().debug("{} has no request for {}; skipped", endpointName, pending.signal);
                return true;
            case REJECTED:
                warnings().rejection.warn("heartbeat to {} rejected, not retried: {}", endpointName, attempt.error);
                finish(pending, Outcome.REJECTED, attempt.statusCode, attempt.error);
                return true;
            default:
                return retryOrFail(pending, attempt, deadline);
        }
    }

    private boolean retryOrFail(PendingSignal pending, Attempt attempt, long deadlineBeforeAttempt) {
        // The server's Retry-After wins over our backoff, but never below its first step: "0" must not be a tight loop.
        long delay = attempt.retryAfterMillis >= 0
                ? Math.max(attempt.retryAfterMillis, backoff.delayMillis(1))
                : backoff.delayMillis(Math.max(1, pending.attempts));
        long deadline = Math.min(deadlineBeforeAttempt, closeDeadlineMillis); // close() may have begun meanwhile
        long now = clock.millis();
        if (closeDeadlineMillis < Long.MAX_VALUE && now < deadline) {
            // Closing: a long wait would only end in giving up; try again within what is left (halving it).
            delay = Math.min(delay, (deadline - now) / 2);
        }
        if (now + delay >= deadline) {
            String error = attempt.error + "; gave up after " + pending.attempts + " attempt(s)"
                    + (closeDeadlineMillis < Long.MAX_VALUE ? " (client closing)" : " (deadline reached)");
            warnings().failure.warn("heartbeat to {} not delivered: {}", endpointName, error);
            finish(pending, Outcome.FAILED, attempt.statusCode, error);
            return true;
        }
        log.get().debug("{} to {} failed ({}); retry {} in {} ms", pending.signal, endpointName, attempt.error,
                pending.attempts, delay);
        stats.retried();
        stats.attemptFailed(attempt.error);
        pending.lastStatus = attempt.statusCode;
        pending.lastError = attempt.error;
        retrying = pending;
        // Before the retry is handed over: on a shared executor with several threads it may start at once,
        // elsewhere, and must not meet this drain still letting go. A retry may wait seconds: keep nothing meanwhile.
        transport.drained();
        runDrain(delay); // this drain still owns drainScheduled, so the retry cannot be overtaken
        if (closeDeadlineMillis < Long.MAX_VALUE && executor.isShutdown()) {
            expire(pending); // the retry task may have been discarded by a shutdown that raced with us
        }
        return false;
    }

    private void expire(PendingSignal pending) {
        boolean closing = closeDeadlineMillis < Long.MAX_VALUE;
        if (pending.attempts == 0) {
            finish(pending, Outcome.DROPPED, 0, closing ? "client closed before delivery" : "deadline passed in the queue");
        } else {
            finish(pending, Outcome.FAILED, pending.lastStatus, pending.lastError + "; gave up after "
                    + pending.attempts + " attempt(s)" + (closing ? " (client closing)" : " (deadline reached)"));
        }
    }

    private void finish(PendingSignal pending, Outcome outcome, int status, String error) {
        if (!pending.claimEnd()) {
            return;
        }
        DeliveryResult result = new DeliveryResult(outcome, status, pending.attempts, error, endpointName);
        // Count and report before completing, so whoever waits on the future sees stats and listener done.
        stats.ended(result, clock.millis());
        if (unfinished.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
        tellListener(pending.signal, result);
        pending.complete(result);
    }

    /** Ends {@code signal}, offered after close(), as DROPPED without queueing it: counted and reported. */
    public DeliveryResult dropClosed(Signal signal) {
        DeliveryResult result = new DeliveryResult(Outcome.DROPPED, 0, 0, "client is closed", endpointName);
        stats.endedOnArrival(result, clock.millis());
        tellListener(signal, result);
        return result;
    }

    private void tellListener(Signal signal, DeliveryResult result) {
        if (listener == null || result.outcome() == Outcome.SKIPPED) {
            return;
        }
        try {
            if (result.isDelivered()) {
                listener.onSuccess(signal, result);
            } else {
                listener.onFailure(signal, result);
            }
        } catch (RuntimeException e) {
            warnings().listener.warn("heartbeat listener {} threw {}; ignored", listener.getClass().getName(), e.toString());
        }
    }

    /**
     * From now on, retries stop at {@code deadlineMillis}: the client is closing. A retry waiting
     * for its backoff or Retry-After runs now instead, so what is pending gets one last attempt
     * within the flush time rather than none.
     */
    public void beginClose(long deadlineMillis) {
        closeDeadlineMillis = Math.min(closeDeadlineMillis, deadlineMillis);
        ScheduledFuture<?> waiting = retryTask;
        if (waiting != null && waiting.cancel(false)) {
            runDrain(0); // the cancelled retry owned drainScheduled; its drain runs now
        }
    }

    /**
     * Waits until every signal has ended or the deadline passes; returns true when nothing is
     * left. Never waits when called from the delivery thread itself, which would wait for itself.
     */
    public boolean awaitIdle(long deadlineMillis) throws InterruptedException {
        if (isDeliveryThread()) {
            return unfinished.get() == 0;
        }
        synchronized (idle) {
            long nowNanos = System.nanoTime();
            long endNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(Math.max(0, deadlineMillis - clock.millis()));
            while (unfinished.get() > 0 && nowNanos < endNanos) {
                TimeUnit.NANOSECONDS.timedWait(idle, endNanos - nowNanos);
                nowNanos = System.nanoTime();
            }
        }
        return unfinished.get() == 0;
    }

    /** Aborts the call in flight and ends every signal still pending; used when close() runs out of time. */
    public void abandon(String reason) {
        closeDeadlineMillis = Math.min(closeDeadlineMillis, clock.millis());
        transport.cancel();
        PendingSignal waiting = retrying;
        if (waiting != null) {
            expire(waiting);
        }
        for (PendingSignal pending; (pending = queue.poll()) != null; ) {
            finish(pending, Outcome.DROPPED, 0, reason);
        }
    }

    /** True when called from inside a delivery (for example from a future's callback). */
    public boolean isDeliveryThread() {
        return Thread.currentThread() == drainThread;
    }

    /** Releases the transport's connections and threads. */
    public void closeTransport() {
        transport.close();
    }
}
