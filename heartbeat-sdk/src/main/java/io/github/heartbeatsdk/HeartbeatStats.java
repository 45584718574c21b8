package io.github.heartbeatsdk;

/**
 * A snapshot of what one client has done since it was built. Immutable.
 *
 * <p>Every accepted signal ends in exactly one of delivered, skipped, rejected, failed or
 * dropped, so {@code enqueued == delivered + skipped + rejected + failed + dropped + pending}
 * once the client is quiet (each counter is exact; a snapshot taken while signals flow reads
 * them one after another). Pings that coalesced into an identical ping still queued
 * ({@link #coalesced()}) are counted apart, in none of those.
 */
public final class HeartbeatStats {
    private final long enqueued;
    private final long delivered;
    private final long skipped;
    private final long rejected;
    private final long failed;
    private final long dropped;
    private final long retried;
    private final long beatsSkipped;
    private final long coalesced;
    private final long pending;
    private final long lastSuccessMillis;
    private final String lastError;

    /** Creates a snapshot; the SDK builds these, users read them. */
    HeartbeatStats(long enqueued, long delivered, long skipped, long rejected, long failed, long dropped,
                          long retried, long beatsSkipped, long coalesced, long pending, long lastSuccessMillis,
                          String lastError) {
        this.enqueued = enqueued;
        this.delivered = delivered;
        this.skipped = skipped;
        this.rejected = rejected;
        this.failed = failed;
        this.dropped = dropped;
        this.retried = retried;
        this.beatsSkipped = beatsSkipped;
        this.coalesced = coalesced;
        this.pending = pending;
        this.lastSuccessMillis = lastSuccessMillis;
        this.lastError = lastError;
    }

    /** Signals accepted for delivery (including ones later dropped). */
    public long enqueued() {
        return enqueued;
    }

    /** Signals the backend accepted. */
    public long delivered() {
        return delivered;
    }

    /** Signals the endpoint had no request for. */
    public long skipped() {
        return skipped;
    }

    /** Signals the backend refused for good (non-retryable 4xx). */
    public long rejected() {
        return rejected;
    }

    /** Signals whose every attempt failed until their deadline or until close. */
    public long failed() {
        return failed;
    }

    /** Signals never attempted: queue overflow, offered after close, or given up at close. */
    public long dropped() {
        return dropped;
    }

    /** Attempts that were retried after a transient failure. */
    public long retried() {
        return retried;
    }

    /** Periodic beats not taken because the previous one was still being delivered. */
    public long beatsSkipped() {
        return beatsSkipped;
    }

    /**
     * Pings that joined an identical ping to the same endpoint still waiting in the queue, instead
     * of queueing a request of their own: each ended with that ping's result, so the backend heard
     * "alive" at or after the moment it was offered. Not counted in {@link #enqueued()} or in any
     * outcome. Only {@code ping()} coalesces; job signals, beats and pings with a body never do.
     */
    public long coalesced() {
        return coalesced;
    }

    /** Signals queued or being delivered right now: never more than the queue capacity plus one per endpoint and offering thread. */
    public long pending() {
        return pending;
    }

    /** When the last delivery succeeded, in epoch milliseconds, or 0 when none has. */
    public long lastSuccessMillis() {
        return lastSuccessMillis;
    }

    /** The last delivery error (of an attempt, also while it is being retried), redacted, or null. */
    public String lastError() {
        return lastError;
    }

    @Override
    public String toString() {
        return "HeartbeatStats{enqueued=" + enqueued + ", delivered=" + delivered + ", skipped=" + skipped
                + ", rejected=" + rejected + ", failed=" + failed + ", dropped=" + dropped + ", retried=" + retried
                + ", beatsSkipped=" + beatsSkipped + ", coalesced=" + coalesced + ", pending=" + pending + ", lastSuccessMillis=" + lastSuccessMillis
                + (lastError != null ? ", lastError=" + lastError : "") + "}";
    }
}
