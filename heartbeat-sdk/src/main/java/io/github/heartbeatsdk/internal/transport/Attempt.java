package io.github.heartbeatsdk.internal.transport;

/** What one delivery attempt came to. Immutable. */
public final class Attempt {
    /** The ways an attempt can end. */
    public enum Kind { DELIVERED, SKIPPED, REJECTED, RETRYABLE, IN_PROGRESS }

    private static final Attempt SKIPPED = new Attempt(Kind.SKIPPED, 0, null, -1, false);

    final Kind kind;
    final int statusCode;
    final String error;
    final long retryAfterMillis;
    /** Whether anything went out; false when the transport declined to try (e.g. reconnect backoff). */
    final boolean sent;

    private Attempt(Kind kind, int statusCode, String error, long retryAfterMillis, boolean sent) {
        this.kind = kind;
        this.statusCode = statusCode;
        this.error = error;
        this.retryAfterMillis = retryAfterMillis;
        this.sent = sent;
    }

    public static Attempt delivered(int statusCode) {
        return new Attempt(Kind.DELIVERED, statusCode, null, -1, true);
    }

    public static Attempt skipped() {
        return SKIPPED;
    }

    /** A refusal not worth retrying; {@code error} must already be redacted. */
    public static Attempt rejected(int statusCode, String error) {
        return new Attempt(Kind.REJECTED, statusCode, error, -1, true);
    }

    /**
     * A transient failure; {@code error} must already be redacted.
     *
     * @param retryAfterMillis the server's requested wait, or -1 to use the backoff
     */
    public static Attempt retryable(int statusCode, String error, long retryAfterMillis) {
        return new Attempt(Kind.RETRYABLE, statusCode, error, retryAfterMillis, true);
    }

    /**
     * Nothing was sent because the transport knows it cannot be yet (its backend is down and the
     * reconnect backoff runs); try again after {@code retryAfterMillis}. Not counted as an attempt.
     */
    public static Attempt notYet(String error, long retryAfterMillis) {
        return new Attempt(Kind.RETRYABLE, 0, error, retryAfterMillis, false);
    }

    /**
     * Nothing is sent yet because the transport is still getting ready without blocking (a
     * connect under way); the dispatcher asks again after {@code pollMillis}, neither counting an
     * attempt nor a retry, until the signal's deadline.
     */
    public static Attempt inProgress(String what, long pollMillis) {
        return new Attempt(Kind.IN_PROGRESS, 0, what, pollMillis, false);
    }

    /** Whether anything went out; false when the transport declined to try (a reconnect backoff, a connect under way). */
    public boolean sent() {
        return sent;
    }

    public Kind kind() {
        return kind;
    }

    public int statusCode() {
        return statusCode;
    }

    public String error() {
        return error;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    @Override
    public String toString() {
        return "Attempt{" + kind + (statusCode > 0 ? ", status=" + statusCode : "")
                + (error != null ? ", " + error : "") + "}";
    }
}
