package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Takes a periodic beat at a fixed rate and hands it to the dispatcher.
 *
 * <p>Fixed rate ({@code scheduleAtFixedRate}) keeps beat n at {@code first + n * interval}, so
 * the schedule never drifts. A beat is taken only when the previous one has ended: while a slow
 * backend holds it, ticks are skipped and counted instead of queueing stale beats behind it,
 * and a beat is never retried past its own interval.
 */
public final class BeatScheduler {
    /** The first beat waits a random delay up to this (or the interval, if shorter). */
    public static final long MAX_FIRST_BEAT_JITTER_MILLIS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(BeatScheduler.class);

    /** Builds one beat; called on the delivery thread. */
    public interface BeatSource {
        Signal nextBeat(long nowMillis);
    }

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Dispatcher dispatcher;
    private final DeliveryStats stats;
    private final long intervalMillis;
    private final BeatSource source;
    private ScheduledFuture<?> schedule;
    private PendingSignal last;

    public BeatScheduler(ScheduledExecutorService executor, Clock clock, Dispatcher dispatcher, DeliveryStats stats,
                         long intervalMillis, BeatSource source) {
        this.executor = executor;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.stats = stats;
        this.intervalMillis = intervalMillis;
        this.source = source;
    }

    /** A random first delay in {@code [0, min(interval, 10 s)]}, so a fleet restarted together does not beat in lockstep. */
    public static long firstDelayMillis(long intervalMillis) {
        return ThreadLocalRandom.current().nextLong(Math.min(intervalMillis, MAX_FIRST_BEAT_JITTER_MILLIS) + 1);
    }

    /** Starts beating after a jittered first delay. */
    public synchronized void start() {
        schedule = executor.scheduleAtFixedRate(this::tick, firstDelayMillis(intervalMillis), intervalMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Stops beating; a beat already handed to the dispatcher is still delivered. */
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void tick() {
        try {
            PendingSignal previous = last;
            if (previous != null && !previous.isDone()) {
                stats.beatSkipped();
                log.debug("previous beat still being delivered; skipping this one");
                return;
            }
            long now = clock.millis();
            last = dispatcher.submit(source.nextBeat(now), now + intervalMillis);
        } catch (Throwable t) {
            // An exception would silently cancel a fixed-rate schedule: log it and keep beating.
            log.warn("heartbeat-sdk could not take a periodic beat; the schedule goes on", t);
        }
    }
}
