package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.ApiAccess;

/**
 * How the delivery of one signal ended. Immutable.
 *
 * <p>A result is never an exception: network and backend trouble show up here (and in
 * {@link HeartbeatClient#stats()}), never as a throw in the caller's thread.
 */
public final class DeliveryResult {
    /** The ways a delivery can end. */
    public enum Outcome {
        /** The backend accepted the signal (a 2xx answer, or written to a healthy socket). */
        DELIVERED,
        /** The endpoint has no way to report this kind of signal, so nothing was sent. */
        SKIPPED,
        /** The backend refused it for good (a 4xx such as 404 unknown check); not retried. */
        REJECTED,
        /** Every attempt failed until the signal's deadline, or the client closed first. */
        FAILED,
        /** Never attempted: the queue was full, or the client was closed before or while it waited. */
        DROPPED
    }

    static {
        ApiAccess.set(new Access()); // the engine makes results through it: the constructors are not API
    }

    private final Outcome outcome;
    private final int statusCode;
    private final int attempts;
    private final String error;
    private final String endpoint;

    /**
     * @param statusCode the last HTTP status, or 0 when no answer came
     * @param attempts how many times the request was sent
     * @param error the last error, already redacted, or null
     */
    DeliveryResult(Outcome outcome, int statusCode, int attempts, String error) {
        this(outcome, statusCode, attempts, error, null);
    }

    /**
     * @param endpoint the endpoint's redacted name, or null when the result concerns no endpoint
     */
    DeliveryResult(Outcome outcome, int statusCode, int attempts, String error, String endpoint) {
        if (outcome == null) {
            throw new NullPointerException("outcome == null");
        }
        this.outcome = outcome;
        this.statusCode = statusCode;
        this.attempts = attempts;
        this.error = error;
        this.endpoint = endpoint;
    }

    /** How the delivery ended. */
    public Outcome outcome() {
        return outcome;
    }

    /** True when the backend accepted the signal. */
    public boolean isDelivered() {
        return outcome == Outcome.DELIVERED;
    }

    /** The last HTTP status received, or 0 when none was (network error, not attempted, TCP). */
    public int statusCode() {
        return statusCode;
    }

    /** How many times the request was sent; 0 when it never was. */
    public int attempts() {
        return attempts;
    }

    /** The last error with every secret masked, or null when there was none. */
    public String error() {
        return error;
    }

    /** Which endpoint this result is from, with its secret masked; null when none (a closed client). */
    public String endpoint() {
        return endpoint;
    }

    @Override
    public String toString() {
        return "DeliveryResult{" + outcome + (statusCode > 0 ? ", status=" + statusCode : "")
                + ", attempts=" + attempts + (error != null ? ", error=" + error : "") + "}";
    }
}
