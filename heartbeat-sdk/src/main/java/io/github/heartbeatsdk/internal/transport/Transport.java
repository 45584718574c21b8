package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.Signal;

/**
 * Moves one signal to the backend. Called only from the client's delivery thread, one call at
 * a time; implementations must never throw and must bound every call with timeouts.
 */
public interface Transport {
    /** Sends {@code signal} once and says how it went. */
    Attempt send(Signal signal);

    /**
     * A drain has ended (the queue is empty, or a retry waits for its backoff): let go of anything
     * kept only to make the next send cheaper, so an idle client (of perhaps 10 000) holds none of
     * it. Called on the delivery thread.
     */
    void drained();

    /** Aborts the call in flight, if any, from another thread (used when close() runs out of time). */
    void cancel();

    /** Releases connections and threads the transport owns; never one the user owns. */
    void close();

    /**
     * True when a ping offered while an identical ping is still queued may join it instead of
     * making a request of its own: the backend hears the same "alive" either way. The test kit
     * says false, because a test counts the pings its code made.
     */
    default boolean coalescesPings() {
        return true;
    }
}
