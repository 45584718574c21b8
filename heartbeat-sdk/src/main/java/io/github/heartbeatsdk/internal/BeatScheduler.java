package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.Signal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;

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

    private static final LazyLogger log = new LazyLogger(BeatScheduler.class);

    /** Builds one beat; called on the delivery thread. */
    public interface BeatSource {
        /** @param lastBeatMillis this endpoint's previous beat, or 0 before its first */
        Signal nextBeat(long nowMillis, long lastBeatMillis);
    }

    private final Clock clock;
    private final List<Dispatcher> lanes;
    /** Per endpoint: 1 while its last beat is being delivered. A flag, not the beat: an idle client keeps no beat alive. */
    private final AtomicIntegerArray inFlight;
    private final Runnable[] landed;
    /** Per endpoint: when its last beat was taken, for the next one's lastHeartbeatTime. Only its own tick touches it. */
    private final long[] lastBeat;
    private final DeliveryStats stats;
    private final long intervalMillis;
    private final BeatSource source;
    private final BooleanSupplier condition;
    private final RateLimitedLog conditionFailures;
    private ScheduledFuture<?>[] schedules;

    /**
     * @param lanes one dispatcher per endpoint; each gets its own schedule on its own executor
     */
    public BeatScheduler(Clock clock, List<Dispatcher> lanes, DeliveryStats stats, long intervalMillis,
                         BeatSource source) {
        this(clock, lanes, stats, intervalMillis, source, null);
    }

    /**
     * @param condition asked before each beat (user code); false skips that beat; null beats always
     */
    public BeatScheduler(Clock clock, List<Dispatcher> lanes, DeliveryStats stats, long intervalMillis,
                         BeatSource source, BooleanSupplier condition) {
        this.clock = clock;
        this.lanes = lanes;
        this.inFlight = new AtomicIntegerArray(lanes.size());
        this.landed = new Runnable[lanes.size()];
        this.lastBeat = new long[lanes.size()];
        for (int i = 0; i < landed.length; i++) {
            final int lane = i;
            landed[i] = new Runnable() {
                @Override
                public void run() {
                    inFlight.set(lane, 0);
                }
            };
        }
        this.stats = stats;
        this.intervalMillis = intervalMillis;
        this.source = source;
        this.condition = condition;
        this.conditionFailures = new RateLimitedLog(log, clock, 60_000);
    }

    /** A random first delay in {@code [0, min(interval, 10 s)]}, so a fleet restarted together does not beat in lockstep. */
    public static long firstDelayMillis(long intervalMillis) {
        return ThreadLocalRandom.current().nextLong(Math.min(intervalMillis, MAX_FIRST_BEAT_JITTER_MILLIS) + 1);
    }

    /**
     * Starts beating after a jittered first delay: one schedule per endpoint, each on that
     * endpoint's own executor, so a slow backend never delays the beats of another.
     *
     * @throws IllegalStateException when an executor refuses the schedule (it was shut down)
     */
    public synchronized void start() {
        schedules = new ScheduledFuture<?>[lanes.size()];
        for (int i = 0; i < schedules.length; i++) {
            final int lane = i;
            try {
                schedules[i] = lanes.get(i).executor().scheduleAtFixedRate(new Runnable() {
                    @Override
                    public void run() {
                        tick(lane);
                    }
                }, firstDelayMillis(intervalMillis), intervalMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                stop();
                throw new IllegalStateException("start(): the executor given to executor(...) is shut down");
            }
        }
    }

    /** Stops beating; a beat already handed to a dispatcher is still delivered. */
    public synchronized void stop() {
        if (schedules != null) {
            for (int i = 0; i < schedules.length; i++) {
                if (schedules[i] != null) {
                    Tasks.cancel(lanes.get(i).executor(), schedules[i]);
                }
            }
        }
    }

    /** The user's condition; one that throws lets the beat go (a broken check must not silence a live app). */
    private boolean conditionHolds() {
        if (condition == null) {
            return true;
        }
        try {
            return condition.getAsBoolean();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            conditionFailures.warn("heartbeat-sdk: the beatsWhen condition threw {}; beating anyway", Failures.ofUserCode(t));
            return true;
        }
    }

    private void tick(int lane) {
        try {
            if (inFlight.get(lane) != 0) {
                stats.beatSkipped();
                log.get().debug("previous beat still being delivered to endpoint {}; skipping this one", lane);
                return;
            }
            if (!conditionHolds()) {
                stats.beatSkipped();
                log.get().debug("the beat condition is false; skipping this beat to endpoint {}", lane);
                return;
            }
            long now = clock.millis();
            Signal beat = source.nextBeat(now, lastBeat[lane]); // may throw: no flag taken, the next tick tries again
            lastBeat[lane] = now;
            inFlight.set(lane, 1);
            lanes.get(lane).submit(beat, now + intervalMillis).thenRun(landed[lane]);
        } catch (Throwable t) {
            // An exception would silently cancel a fixed-rate schedule: log it and keep beating.
            log.get().warn("heartbeat-sdk could not take a periodic beat ({}); the schedule goes on", t.toString());
        }
    }
}
