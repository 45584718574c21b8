package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.Signal;

/**
 * Moves one signal to the backend. Called only from the client's delivery thread, one call at
 * a time; implementations must never throw and must bound every call with timeouts.
 */
public interface Transport {
    /** Sends {@code signal} once and says how it went. */
    Attempt send(Signal signal);

    /** Aborts the call in flight, if any, from another thread (used when close() runs out of time). */
    void cancel();

    /** Releases connections and threads the transport owns; never one the user owns. */
    void close();
}
