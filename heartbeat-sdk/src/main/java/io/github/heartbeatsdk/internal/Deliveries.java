package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.Signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A client's deliveries: one {@link Dispatcher} per endpoint, each with its own queue, retry state
 * and (unless the user shares an executor) its own thread, so one slow backend never delays
 * another. With one endpoint, signals go straight to its dispatcher at no extra cost.
 */
public final class Deliveries {
    private static final LazyLogger log = new LazyLogger(Deliveries.class);
    private final List<Dispatcher> lanes;
    private final List<ScheduledExecutorService> ownedExecutors;

    /**
     * @param ownedExecutors the executors the SDK created and must stop at close; never the user's
     */
    public Deliveries(List<Dispatcher> lanes, List<ScheduledExecutorService> ownedExecutors) {
        // Compact for the common cases (one endpoint; a shared executor): 10 000 clients keep 10 000 of these.
        this.lanes = lanes.size() == 1 ? Collections.singletonList(lanes.get(0))
                : Collections.unmodifiableList(new ArrayList<Dispatcher>(lanes));
        this.ownedExecutors = ownedExecutors.isEmpty() ? Collections.<ScheduledExecutorService>emptyList()
                : new ArrayList<ScheduledExecutorService>(ownedExecutors);
    }

    /** The dispatchers, one per endpoint, in the order the endpoints were given. */
    public List<Dispatcher> lanes() {
        return lanes;
    }

    /**
     * Sends {@code signal} to every endpoint. With several, the result is the first endpoint's
     * result that is neither DELIVERED nor SKIPPED; else DELIVERED if any endpoint delivered it;
     * else SKIPPED.
     */
    public CompletionStage<DeliveryResult> submit(Signal signal, long deadlineMillis) {
        if (lanes.size() == 1) {
            return lanes.get(0).submit(signal, deadlineMillis);
        }
        final List<CompletableFuture<DeliveryResult>> parts = new ArrayList<CompletableFuture<DeliveryResult>>();
        for (Dispatcher lane : lanes) {
            parts.add(lane.submit(signal, deadlineMillis));
        }
        final ResultFuture<DeliveryResult> combined = new ResultFuture<DeliveryResult>();
        CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).whenComplete(new BiConsumer<Void, Throwable>() {
            @Override
            public void accept(Void ignored, Throwable never) {
                combined.end(combine(parts));
            }
        });
        return combined;
    }

    static DeliveryResult combine(List<CompletableFuture<DeliveryResult>> parts) {
        DeliveryResult delivered = null;
        for (CompletableFuture<DeliveryResult> part : parts) {
            DeliveryResult result = part.join();
            if (result.outcome() == Outcome.DELIVERED) {
                delivered = delivered == null ? result : delivered;
            } else if (result.outcome() != Outcome.SKIPPED) {
                return result;
            }
        }
        return delivered != null ? delivered : parts.get(0).join();
    }

    /** The endpoints' redacted names, in order. */
    public List<String> endpointNames() {
        List<String> names = new ArrayList<String>(lanes.size());
        for (Dispatcher lane : lanes) {
            names.add(lane.endpointName());
        }
        return names;
    }

    /**
     * Signals queued or in delivery, over all endpoints. A lane whose executor was shut down
     * under it ends its waiting signals first (see {@link Dispatcher#noticeStoppedExecutor}).
     */
    public long unfinished() {
        long sum = 0;
        for (Dispatcher lane : lanes) {
            lane.noticeStoppedExecutor();
            sum += lane.unfinished();
        }
        return sum;
    }

    /**
     * Delivers what is pending until {@code deadlineMillis}, as {@link #close} does (a waiting
     * retry goes at once), but keeps every lane open: the JVM is exiting and other shutdown hooks
     * may still send. Returns how many signals were still pending at the deadline.
     */
    public long flush(long deadlineMillis) {
        for (Dispatcher lane : lanes) {
            lane.beginClose(deadlineMillis);
        }
        boolean interrupted = false;
        try {
            for (Dispatcher lane : lanes) {
                lane.awaitIdle(deadlineMillis);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        long left = 0;
        for (Dispatcher lane : lanes) {
            left += lane.unfinished();
            lane.endFlush();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return left;
    }

    /**
     * Delivers what is pending until {@code deadlineMillis}, gives up the rest, then closes every
     * lane (nothing is sent or opened after this returns) and stops the SDK's own threads.
     * Returns how many signals were given up. Restores the interrupt flag if interrupted (and
     * then gives up at once).
     */
    public long close(long deadlineMillis) {
        for (Dispatcher lane : lanes) {
            lane.beginClose(deadlineMillis);
        }
        long pending = unfinished();
        if (pending > 0) {
            // After beginClose (retries waiting for a backoff go now). Also initialises SLF4J, if no one has
            // yet, here while the delivery threads are busy rather than after them, on the way out of the JVM.
            log.get().debug("closing: delivering {} pending signal(s) to {}", pending, endpointNames());
        }
        boolean interrupted = false;
        try {
            for (Dispatcher lane : lanes) {
                lane.awaitIdle(deadlineMillis);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        long left = 0;
        VirtualMachineError fatal = null;
        for (Dispatcher lane : lanes) {
            left += lane.unfinished();
            lane.beginShutDown(); // nothing is sent from here on, on any lane
        }
        long sendsReturnBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Dispatcher.sendReturnWaitMillis());
        for (Dispatcher lane : lanes) {
            try {
                lane.finishShutDown(sendsReturnBy); // the lanes' waits overlap: one deadline for all
            } catch (VirtualMachineError e) {
                fatal = fatal != null ? fatal : e; // every lane still closes
            }
        }
        interrupted |= stopOwnedExecutors();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (fatal != null) {
            throw fatal;
        }
        return left;
    }

    /** Stops the SDK's own threads, together: at most one second in all. Returns true if interrupted. */
    private boolean stopOwnedExecutors() {
        for (ScheduledExecutorService executor : ownedExecutors) {
            executor.shutdown();
        }
        if (isDeliveryThread()) {
            return false; // close() called from a callback on our own thread; it ends when the callback returns
        }
        long endNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        try {
            for (ScheduledExecutorService executor : ownedExecutors) {
                if (!executor.awaitTermination(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    executor.shutdownNow();
                }
            }
            return false;
        } catch (InterruptedException e) {
            for (ScheduledExecutorService executor : ownedExecutors) {
                executor.shutdownNow();
            }
            return true;
        }
    }

    /** True when called from inside a delivery of this client. */
    public boolean isDeliveryThread() {
        for (Dispatcher lane : lanes) {
            if (lane.isDeliveryThread()) {
                return true;
            }
        }
        return false;
    }
}
