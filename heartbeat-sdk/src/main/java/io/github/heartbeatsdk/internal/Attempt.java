package io.github.heartbeatsdk.internal;

/** What one delivery attempt came to. Immutable. */
public final class Attempt {
    /** The ways an attempt can end. */
    public enum Kind { DELIVERED, SKIPPED, REJECTED, RETRYABLE }

    private static final Attempt SKIPPED = new Attempt(Kind.SKIPPED, 0, null, -1);

    final Kind kind;
    final int statusCode;
    final String error;
    final long retryAfterMillis;

    private Attempt(Kind kind, int statusCode, String error, long retryAfterMillis) {
        this.kind = kind;
        this.statusCode = statusCode;
        this.error = error;
        this.retryAfterMillis = retryAfterMillis;
    }

    public static Attempt delivered(int statusCode) {
        return new Attempt(Kind.DELIVERED, statusCode, null, -1);
    }

    public static Attempt skipped() {
        return SKIPPED;
    }

    /** A refusal not worth retrying; {@code error} must already be redacted. */
    public static Attempt rejected(int statusCode, String error) {
        return new Attempt(Kind.REJECTED, statusCode, error, -1);
    }

    /**
     * A transient failure; {@code error} must already be redacted.
     *
     * @param retryAfterMillis the server's requested wait, or -1 to use the backoff
     */
    public static Attempt retryable(int statusCode, String error, long retryAfterMillis) {
        return new Attempt(Kind.RETRYABLE, statusCode, error, retryAfterMillis);
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
