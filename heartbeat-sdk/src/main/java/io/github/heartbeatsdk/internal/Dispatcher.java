package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.internal.transport.Attempt;
import io.github.heartbeatsdk.internal.transport.Transport;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the signals of one endpoint, one at a time, on the client's executor.
 *
 * <p><b>Lifecycle.</b> A lane is OPEN, then CLOSING once {@link #beginClose} is called (signals
 * are still accepted and delivered until the flush deadline), then CLOSED after {@link #shutDown}:
 * from then on a signal ends DROPPED the moment it is offered, nothing is sent and the transport
 * is closed. Every path that could send checks the state here, in one place.
 *
 * <p><b>Every signal ends once.</b> {@link #finish} claims a signal's end once and completes its
 * stage in {@code finally}, whatever the listener, the clock, the endpoint or the executor (all
 * possibly the user's) throw; only a {@link VirtualMachineError} is rethrown, after the stage
 * completed.
 *
 * <p>At most one drain runs at a time ({@link #drainScheduled} guards it). A signal that meets
 * a transient failure stays at the head while the backoff runs, so signals behind it wait too:
 * the backend is down or asking us to slow down, and hammering it with the next signal would not
 * help. The wait is a scheduled task, never a sleeping thread, so a shared executor stays free.
 */
public final class Dispatcher {
    private static final LazyLogger log = new LazyLogger(Dispatcher.class);
    private static final long WARN_PERIOD_MILLIS = 60_000;
    /** How long {@link #shutDown} waits for a cancelled send to return before ending its signal anyway. */
    private static final long SEND_RETURN_WAIT_MILLIS = 2_000;
    private static final String CLOSED_REASON = "client is closed";
    static final String EXECUTOR_STOPPED = "executor stopped: the executor given to executor(...) was shut down";

    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;

    private final Transport transport;
    /** Whether pings may join an identical one still queued (see {@link Transport#coalescesPings()}). */
    private final boolean coalesces;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Backoff backoff;
    private final SignalQueue queue;
    private final DeliveryStats stats;
    private final String endpointName;
    /** Created on their first warning: most clients never warn, and 10 000 clients would carry 40 000. */
    private Warnings warnings;
    private final HeartbeatListener listener;

    /** One instance, so submit() allocates none. */
    private static final AtomicIntegerFieldUpdater<Dispatcher> DRAIN_SCHEDULED =
            AtomicIntegerFieldUpdater.newUpdater(Dispatcher.class, "drainScheduled");
    private final DrainTask drainTask = new DrainTask(this);
    /** 1 while a drain is scheduled or running; an int with a field updater, not an AtomicBoolean: 16 bytes less per client. */
    private volatile int drainScheduled;
    private final AtomicLong unfinished = new AtomicLong();
    /** Monitor for {@link #awaitIdle} and for {@link #shutDown} waiting on a send. */
    private final Object idle = new Object();
    private volatile int state = OPEN;
    private volatile PendingSignal retrying;
    /** The signal the drain is delivering now; never swept while its send may still succeed. */
    private volatile PendingSignal current;
    /** The immediate drain handed to the executor and not started yet, so shutDown() can take it back. */
    private volatile ScheduledFuture<?> drainFuture;
    /** The retry waiting for its time, with its future; set before scheduling, so it never overwrites a newer one. */
    private volatile RetryTask retryTask;
    private volatile Thread drainThread;
    /** True while the transport sends; with {@link #state} it makes "nothing is sent after close" exact. */
    private volatile boolean sending;
    private volatile long closeDeadlineMillis = Long.MAX_VALUE;

    /**
     * @param queueCapacity how many signals may wait
     * @param maxQueuedBytes how many bytes (estimated, see {@link PendingSignal#weight}) waiting signals may keep
     * @param endpointName a redacted name for log lines and results
     * @param listener told how each delivery ended, or null
     */
    public Dispatcher(Transport transport, ScheduledExecutorService executor, Clock clock, Backoff backoff,
                      int queueCapacity, long maxQueuedBytes, DeliveryStats stats, String endpointName,
                      HeartbeatListener listener) {
        this.listener = listener;
        this.transport = transport;
        this.executor = executor;
        this.clock = clock;
        this.backoff = backoff;
        this.queue = new SignalQueue(queueCapacity, maxQueuedBytes);
        this.coalesces = transport.coalescesPings();
        this.stats = stats;
        this.endpointName = endpointName;
    }

    /**
     * Queues {@code signal} for delivery until {@code deadlineMillis}; never blocks and never
     * throws short of a VirtualMachineError. On a closed lane, or one whose executor was shut
     * down under it, the signal has ended when this returns.
     */
    public PendingSignal submit(Signal signal, long deadlineMillis) {
        if (coalesces && signal.kind() == SignalKind.PING && signal.message() == null && state != CLOSED) {
            PendingSignal leader = queue.queuedPing(deadlineMillis);
            if (leader != null) {
                stats.coalesced(); // the same news as the ping queued already: its request answers both
                noticeStoppedExecutor(); // as every offer does: a leader waiting on a stopped executor ends now
                return leader;
            }
        }
        PendingSignal pending = new PendingSignal(signal, deadlineMillis);
        stats.enqueued.increment();
        unfinished.incrementAndGet();
        if (state == CLOSED) {
            finish(pending, Outcome.DROPPED, 0, CLOSED_REASON);
            return pending;
        }
        VirtualMachineError fatal = null;
        for (PendingSignal dropped; (dropped = queue.offer(pending)) != null; ) {
            VirtualMachineError thrown = end(dropped, Outcome.DROPPED, 0, dropped == pending
                    ? "queue full (queueCapacity or maxQueuedBytes): no room for this signal"
                    : "queue full: dropped to make room for newer signals");
            fatal = fatal != null ? fatal : thrown;
            if (dropped == pending) {
                break;
            }
        }
        if (state == CLOSED) {
            VirtualMachineError thrown = sweep(null, false); // close() ran between the check above and the offer
            fatal = fatal != null ? fatal : thrown;
        } else if (!noticeStoppedExecutor()) {
            scheduleDrain();
        }
        rethrow(fatal);
        return pending;
    }

    /** Each kind of warning is rate-limited on its own, so one kind never hides another. */
    private static final class Warnings {
        final RateLimitedLog failure;
        final RateLimitedLog rejection;
        final RateLimitedLog listener;
        final RateLimitedLog unexpected;

        Warnings(Clock clock) {
            failure = new RateLimitedLog(log, clock, WARN_PERIOD_MILLIS);
            rejection = new RateLimitedLog(log, clock, WARN_PERIOD_MILLIS);
            listener = new RateLimitedLog(log, clock, WARN_PERIOD_MILLIS);
            unexpected = new RateLimitedLog(log, clock, WARN_PERIOD_MILLIS);
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

    /**
     * When the executor was shut down under this lane (the user stopped a shared one), ends what
     * is waiting on it FAILED, since nothing would ever run it; returns true then. Cheap otherwise.
     */
    public boolean noticeStoppedExecutor() {
        boolean stopped = isExecutorStopped();
        if (stopped && state != CLOSED) {
            rethrow(sweep(EXECUTOR_STOPPED, false));
        }
        return stopped;
    }

    private boolean isExecutorStopped() {
        try {
            return executor.isShutdown();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return false; // an executor that cannot say is assumed to run; a rejected task tells us otherwise
        }
    }

    /** Starts a drain now unless one is scheduled or running; cheap when one is (a read, no CAS). */
    private void scheduleDrain() {
        if (drainScheduled != 0 || !DRAIN_SCHEDULED.compareAndSet(this, 0, 1)) {
            return;
        }
        runDrain(0);
    }

    /** Runs the drain after {@code delayMillis}; the caller owns {@link #drainScheduled}. */
    private void runDrain(long delayMillis) {
        try {
            if (delayMillis <= 0) {
                // schedule(0), not execute: the future lets shutDown() take a drain back from a shared executor.
                drainFuture = executor.schedule(drainTask, 0, TimeUnit.MILLISECONDS);
            } else {
                RetryTask retry = new RetryTask(this);
                retryTask = retry;
                retry.future = executor.schedule(retry, delayMillis, TimeUnit.MILLISECONDS);
            }
        } catch (Throwable t) {
            // Rejected (the executor is shut down or refuses) or a user's executor that failed: nothing will run
            // the drain, so what waits for it ends now.
            drainScheduled = 0;
            VirtualMachineError fatal = sweep(refusedReason(t), true);
            rethrow(t instanceof VirtualMachineError ? (VirtualMachineError) t : fatal);
        }
    }

    private String refusedReason(Throwable refusal) {
        return isExecutorStopped() ? EXECUTOR_STOPPED
                : "executor refused the delivery task (" + refusal.getClass().getName() + ")";
    }

    /** Runs {@link #drain}; holds the dispatcher only until it is shut down, so a cancelled copy left in a user's queue keeps nothing. */
    private static class DrainTask implements Runnable {
        volatile Dispatcher target;

        DrainTask(Dispatcher target) {
            this.target = target;
        }

        @Override
        public void run() {
            Dispatcher dispatcher = target;
            if (dispatcher != null) {
                dispatcher.drain(this);
            }
        }
    }

    /** A drain that waits for a retry's time; {@link #future} is what cancels it. */
    private static final class RetryTask extends DrainTask {
        volatile ScheduledFuture<?> future;

        RetryTask(Dispatcher target) {
            super(target);
        }
    }

    private void drain(DrainTask task) {
        drainThread = Thread.currentThread();
        if (retryTask == task) {
            retryTask = null;
        }
        if (task == drainTask) {
            // Started: there is nothing left to take back, and 10 000 idle clients would each keep
            // their last future (some 100 bytes). Should the drain start before runDrain() stored
            // the future, the next drain replaces it; cancelling a finished one does nothing.
            drainFuture = null;
        }
        boolean retryHandedOver = false;
        try {
            PendingSignal next = retrying;
            retrying = null;
            for (; next != null || (next = queue.poll()) != null; next = null) {
                current = next;
                if (!deliverGuarded(next)) {
                    retryHandedOver = true; // the scheduled retry now owns drainScheduled
                    return;
                }
            }
        } finally {
            if (!retryHandedOver) {
                current = null;
                drainThread = null;
                endDrain();
            }
        }
    }

    private void endDrain() {
        releaseTransport();
        drainScheduled = 0;
        if (!queue.isEmpty()) {
            if (state == CLOSED) {
                rethrow(sweep(null, false));
            } else {
                scheduleDrain();
            }
        }
    }

    /** {@link #deliver}, with whatever it throws ending the signal FAILED, the missing class named. */
    private boolean deliverGuarded(PendingSignal pending) {
        try {
            return deliver(pending);
        } catch (Throwable t) {
            String reason = describe(t);
            boolean endsHere = !pending.isEnded();
            VirtualMachineError fatal = endsHere ? end(pending, Outcome.FAILED, pending.lastStatus, reason) : null;
            try {
                if (endsHere) {
                    warnings().unexpected.error("heartbeat to {} failed: {}; the signal ends FAILED", endpointName, reason);
                } else {
                    // Only a VirtualMachineError from the listener gets here, after the signal ended as it should.
                    warnings().unexpected.error("heartbeat-sdk: {} after a signal to {} had ended", reason, endpointName);
                }
            } catch (LinkageError logging) {
                // A closed class loader (mvn exec:java, at exit) cannot load the logging classes: the signal has ended.
            }
            rethrow(t instanceof VirtualMachineError ? (VirtualMachineError) t : fatal);
            return true;
        }
    }

    /** Attempts one delivery; returns false when a retry was scheduled for {@code pending}. */
    private boolean deliver(PendingSignal pending) {
        if (pending.isEnded()) {
            return true; // ended by a sweep while we were busy
        }
        long deadline = Math.min(pending.deadlineMillis, closeDeadlineMillis);
        if (state == CLOSED || now() >= deadline) {
            expire(pending);
            return true;
        }
        boolean openBefore = state == OPEN;
        Attempt attempt = send(pending.signal);
        if (attempt == null) {
            expire(pending); // closed while we were about to send
            return true;
        }
        if (attempt.sent()) {
            pending.attempts++;
        }
        switch (attempt.kind()) {
            case DELIVERED:
                // Finish first: a program waiting to exit should not wait for SLF4J's first initialisation.
                finish(pending, Outcome.DELIVERED, attempt.statusCode(), null);
                log.get().debug("delivered {} to {} (status {}, attempt {})",
                        pending.signal, endpointName, attempt.statusCode(), pending.attempts);
                return true;
            case SKIPPED:
                finish(pending, Outcome.SKIPPED, 0, null);
                log.get().debug("{} has no request for {}; skipped", endpointName, pending.signal);
                return true;
            case REJECTED:
                finish(pending, Outcome.REJECTED, attempt.statusCode(), attempt.error());
                warnings().rejection.warn("heartbeat to {} rejected, not retried: {}", endpointName, attempt.error());
                return true;
            default:
                return retryOrFail(pending, attempt, deadline, openBefore);
        }
    }

    /** {@link Failures#describe}, or the class alone when even that cannot load (a closed class loader). */
    private static String describe(Throwable t) {
        try {
            return Failures.describe(t);
        } catch (LinkageError e) {
            return "unexpected " + t.getClass().getName();
        }
    }

    /** Sends unless the lane is closed (then returns null); see {@link #sending}. */
    private Attempt send(Signal signal) {
        sending = true;
        try {
            if (state == CLOSED) {
                return null;
            }
            return transport.send(signal);
        } finally {
            sending = false;
            if (state == CLOSED) {
                synchronized (idle) {
                    idle.notifyAll(); // shutDown() may be waiting for this send to return
                }
            }
        }
    }

    /**
     * @param openBefore whether the lane was open when the attempt began: if close() began
     *     meanwhile, this retry counts as one that was waiting at close and gets its one expedited try
     */
    private boolean retryOrFail(PendingSignal pending, Attempt attempt, long deadlineBeforeAttempt, boolean openBefore) {
        boolean inProgress = attempt.kind() == Attempt.Kind.IN_PROGRESS;
        long delay;
        if (openBefore && state != OPEN && attempt.sent() && !pending.expedited) {
            pending.expedited = true;
            delay = 0;
        } else if (inProgress) {
            delay = Math.max(1, attempt.retryAfterMillis());
        } else if (attempt.retryAfterMillis() >= 0) {
            // The server's Retry-After wins over our backoff, but never below its first step: "0" must not be a tight loop.
            delay = Math.max(attempt.retryAfterMillis(), backoff.delayMillis(1));
        } else {
            delay = backoff.delayMillis(Math.max(1, pending.attempts));
        }
        // No shorter waits while closing: a fleet deploying during an outage must not hit the backend harder.
        long deadline = Math.min(deadlineBeforeAttempt, closeDeadlineMillis);
        if (now() + delay >= deadline) {
            String error = attempt.error() + "; gave up after " + pending.attempts + " attempt(s)"
                    + (state != OPEN ? " (client closing)" : " (deadline reached)");
            finish(pending, Outcome.FAILED, attempt.statusCode(), error);
            warnings().failure.warn("heartbeat to {} not delivered: {}", endpointName, error);
            return true;
        }
        log.get().debug("{} to {}: {}; trying again in {} ms", pending.signal, endpointName, attempt.error(), delay);
        if (attempt.sent()) {
            stats.retried();
            stats.attemptFailed(attempt.error());
            pending.lastStatus = attempt.statusCode();
        }
        pending.lastError = attempt.error();
        retrying = pending;
        // Before the retry is handed over: on a shared executor with several threads it may start at once,
        // elsewhere, and must not meet this drain still letting go. A retry may wait seconds: keep nothing meanwhile.
        releaseTransport();
        // The retry may start on another thread of a shared executor before runDrain returns: it is the drain now.
        current = null;
        drainThread = null;
        runDrain(delay); // this drain still owns drainScheduled, so the retry cannot be overtaken
        if (openBefore && state != OPEN) {
            expediteWaitingRetry(); // close() began while this retry was being scheduled
        }
        return false;
    }

    private void releaseTransport() {
        try {
            transport.drained();
        } catch (Throwable t) {
            warnings().unexpected.error("heartbeat-sdk transport for {} failed to let go of a request: {}",
                    endpointName, Failures.describe(t));
            if (t instanceof VirtualMachineError) {
                throw (VirtualMachineError) t;
            }
        }
    }

    private void expire(PendingSignal pending) {
        rethrow(endExpired(pending));
    }

    /** Ends a signal whose time is up: DROPPED if never tried, else FAILED with its last error. */
    private VirtualMachineError endExpired(PendingSignal pending) {
        boolean closing = state != OPEN;
        if (pending.attempts == 0 && pending.lastError == null) {
            return end(pending, Outcome.DROPPED, 0, closing ? "client closed before delivery" : "deadline passed in the queue");
        }
        return end(pending, Outcome.FAILED, pending.lastStatus, pending.lastError + "; gave up after "
                + pending.attempts + " attempt(s)" + (closing ? " (client closing)" : " (deadline reached)"));
    }

    /**
     * Ends {@code pending} once: counts it, tells the listener, completes its stage. The stage
     * completes even if counting or the listener throws; a VirtualMachineError from the listener
     * is rethrown after that.
     */
    private void finish(PendingSignal pending, Outcome outcome, int status, String error) {
        rethrow(end(pending, outcome, status, error));
    }

    /** {@link #finish}, returning a VirtualMachineError from the listener instead of throwing it. */
    private VirtualMachineError end(PendingSignal pending, Outcome outcome, int status, String error) {
        if (!pending.claimEnd()) {
            return null;
        }
        VirtualMachineError fatal = null;
        boolean idleNow = false;
        DeliveryResult result = null;
        try {
            result = ApiAccess.get().deliveryResult(outcome, status, pending.attempts, error, endpointName);
            // Counted and no longer pending before the listener hears of it, so stats read there add up;
            // reported before the stage completes, so whoever waits on it sees stats and listener done.
            stats.ended(result, now());
            idleNow = unfinished.decrementAndGet() == 0;
            fatal = tellListener(pending.signal, result);
        } finally {
            if (result == null) {
                idleNow = unfinished.decrementAndGet() == 0; // only a VirtualMachineError gets here
            }
            if (idleNow) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
            pending.end(result);
        }
        return fatal;
    }

    private static void rethrow(VirtualMachineError fatal) {
        if (fatal != null) {
            throw fatal;
        }
    }

    /** Calls the user's listener; returns a VirtualMachineError it threw, for the caller to rethrow once the signal ended. */
    private VirtualMachineError tellListener(Signal signal, DeliveryResult result) {
        if (listener == null || result.outcome() == Outcome.SKIPPED) {
            return null;
        }
        try {
            if (result.isDelivered()) {
                listener.onSuccess(signal, result);
            } else {
                listener.onFailure(signal, result);
            }
        } catch (VirtualMachineError e) {
            return e;
        } catch (Throwable t) { // Errors and sneaky checked exceptions too: a listener never disturbs delivery
            warnings().listener.warn("heartbeat listener {} threw {}; ignored", listener.getClass().getName(),
                    Failures.ofUserCode(t));
        }
        return null;
    }

    /** The clock's time; the clock may be the user's, and a signal must end even if it fails. */
    private long now() {
        try {
            return clock.millis();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return System.currentTimeMillis();
        }
    }

    /**
     * The client is closing: retries stop at {@code deadlineMillis}. A retry waiting for its
     * backoff or Retry-After runs now instead, once, so what is pending gets one last attempt
     * within the flush time; later waits are as long as ever, and a signal whose next try falls
     * past the deadline ends FAILED.
     */
    public void beginClose(long deadlineMillis) {
        synchronized (idle) { // state changes take this lock, so endFlush() never reopens a closed lane
            closeDeadlineMillis = Math.min(closeDeadlineMillis, deadlineMillis);
            if (state == OPEN) {
                state = CLOSING;
            }
        }
        expediteWaitingRetry();
    }

    /**
     * After an exit-time flush: the lane is open again, with no close deadline, so a signal
     * offered by another shutdown hook is delivered as usual. No-op once closed.
     */
    public void endFlush() {
        synchronized (idle) {
            if (state == CLOSING) {
                state = OPEN;
                closeDeadlineMillis = Long.MAX_VALUE;
            }
        }
    }

    private void expediteWaitingRetry() {
        PendingSignal waiting = retrying;
        RetryTask task = retryTask;
        ScheduledFuture<?> future = task != null ? task.future : null;
        if (waiting != null && !waiting.expedited && waiting.attempts > 0 && future != null && cancelled(future)) {
            waiting.expedited = true;
            retryTask = null;
            runDrain(0); // the cancelled retry owned drainScheduled; its drain runs now
        }
    }

    private boolean cancelled(ScheduledFuture<?> task) {
        return Tasks.cancel(executor, task);
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
            long endNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(Math.max(0, deadlineMillis - now()));
            while (unfinished.get() > 0 && nowNanos < endNanos) {
                TimeUnit.NANOSECONDS.timedWait(idle, endNanos - nowNanos);
                nowNanos = System.nanoTime();
            }
        }
        return unfinished.get() == 0;
    }

    /**
     * Closes the lane for good, first step: from now on nothing is sent and a signal offered ends
     * DROPPED at once; the send in flight is aborted and the lane's tasks are taken back from the
     * executor. {@link #finishShutDown} completes it; between the two, other lanes begin theirs,
     * so their waits run side by side.
     */
    public void beginShutDown() {
        long now = now();
        synchronized (idle) {
            state = CLOSED;
            closeDeadlineMillis = Math.min(closeDeadlineMillis, now);
        }
        withdrawTasks();
        try {
            transport.cancel();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            warnings().unexpected.error("heartbeat-sdk could not abort the call to {}: {}", endpointName,
                    Failures.describe(t));
        }
    }

    /**
     * Closes the lane for good, second step: waits until {@code deadlineNanos} at most for the
     * aborted send to return, closes the transport and ends every signal still pending. A
     * VirtualMachineError from the listener is rethrown after every signal ended.
     */
    public void finishShutDown(long deadlineNanos) {
        VirtualMachineError fatal = null;
        try {
            awaitSendReturned(deadlineNanos);
            transport.close();
        } catch (VirtualMachineError e) {
            fatal = e;
        } catch (Throwable t) {
            warnings().unexpected.error("heartbeat-sdk could not close the transport for {}: {}", endpointName,
                    Failures.describe(t));
        } finally {
            withdrawTasks(); // a retry scheduled by the send that was still in flight
            VirtualMachineError swept = sweep(null, false);
            fatal = fatal != null ? fatal : swept;
            PendingSignal stuck = current;
            if (stuck != null && !isDeliveryThread()) {
                // Its send outlived the wait: it ends now, and its late answer is ignored.
                VirtualMachineError thrown = end(stuck, Outcome.FAILED, stuck.lastStatus,
                        "client closed while an attempt was in flight");
                fatal = fatal != null ? fatal : thrown;
            }
            drainTask.target = null; // a cancelled copy left in a user's executor queue keeps nothing of us
        }
        rethrow(fatal);
    }

    /** Both steps at once, waiting at most {@link #SEND_RETURN_WAIT_MILLIS}. */
    public void shutDown() {
        beginShutDown();
        finishShutDown(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SEND_RETURN_WAIT_MILLIS));
    }

    /** How long a close waits for cancelled sends to return, at most. */
    public static long sendReturnWaitMillis() {
        return SEND_RETURN_WAIT_MILLIS;
    }

    /** Cancels the drain and the retry handed to the executor, so a shared one holds no task of a closed client. */
    private void withdrawTasks() {
        ScheduledFuture<?> immediate = drainFuture;
        if (immediate != null) {
            cancelled(immediate);
        }
        RetryTask retry = retryTask;
        if (retry != null) {
            retry.target = null;
            ScheduledFuture<?> future = retry.future;
            if (future != null) {
                cancelled(future);
            }
        }
    }

    /** Waits, briefly, until the signal in delivery has ended: its cancelled send returned and the drain ended it. */
    private void awaitSendReturned(long deadlineNanos) {
        if (isDeliveryThread()) {
            return;
        }
        boolean interrupted = false;
        synchronized (idle) {
            for (long left; inDelivery() && (left = deadlineNanos - System.nanoTime()) > 0; ) {
                try {
                    // Short waits: the drain ends the signal right after its send returns, without always notifying.
                    TimeUnit.NANOSECONDS.timedWait(idle, Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean inDelivery() {
        PendingSignal delivering = current;
        return sending || (delivering != null && !delivering.isEnded());
    }

    /**
     * Ends every signal waiting in this lane: with {@code reason} FAILED (the executor stopped or
     * refused), or, with a null reason, DROPPED or FAILED with its last error (the lane closed).
     * The signal whose send is under way is left to its drain unless {@code evenCurrent} (its
     * retry could not be scheduled). Every signal ends even if the listener throws a
     * VirtualMachineError, which is returned for the caller to rethrow.
     */
    private VirtualMachineError sweep(String reason, boolean evenCurrent) {
        VirtualMachineError fatal = null;
        PendingSignal waiting = retrying;
        if (waiting != null && (evenCurrent || waiting != current)) {
            retrying = null;
            fatal = endSwept(waiting, reason);
        }
        for (PendingSignal pending; (pending = queue.poll()) != null; ) {
            VirtualMachineError thrown = endSwept(pending, reason);
            fatal = fatal != null ? fatal : thrown;
        }
        return fatal;
    }

    private VirtualMachineError endSwept(PendingSignal pending, String reason) {
        return reason != null ? end(pending, Outcome.FAILED, pending.lastStatus, reason) : endExpired(pending);
    }

    /** True when called from inside a delivery (for example from a future's callback). */
    public boolean isDeliveryThread() {
        return Thread.currentThread() == drainThread;
    }
}
