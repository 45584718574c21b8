package io.github.heartbeatsdk;

/**
 * What a {@link Signal} tells the backend.
 *
 * <p>The kinds also decide what is dropped first when the client's queue is full: periodic
 * {@link #BEAT}s go first, then one-shot signals, and the end of a job ({@link #SUCCESS},
 * {@link #FAIL}, {@link #EXIT}) last.
 */
public enum SignalKind {
    /** A periodic service heartbeat carrying instance metadata and ext info. */
    BEAT,
    /** A one-shot "I am alive" ping, typically at the end of a job. */
    PING,
    /** A job run has started. */
    START,
    /** A job run ended successfully. */
    SUCCESS,
    /** A job run failed. */
    FAIL,
    /** A job run ended with an exit status (0 is success). */
    EXIT,
    /** A log message for a job run, without a change of state. */
    LOG;

    /** Returns true for the signals that end a job run; they are the last to be dropped. */
    public boolean endsRun() {
        return this == SUCCESS || this == FAIL || this == EXIT;
    }
}
