package io.github.heartbeatsdk;

/**
 * Hears how each signal's delivery ended, for metrics or alerts of your own. Exactly one of the
 * two methods is called per signal and endpoint, except for {@link DeliveryResult.Outcome#SKIPPED}
 * signals (nothing was sent), which call neither, and for pings that joined an identical ping
 * still queued ({@link HeartbeatStats#coalesced()}): the listener hears once of that one request,
 * with the first ping's {@link Signal}.
 *
 * <p>Called on the delivery thread (for a signal dropped because the queue was full, or offered
 * after close, on the thread that offered it), so it must be quick. A listener that throws
 * anything, Errors and sneaky checked exceptions included, is logged at WARN and otherwise
 * ignored: the signal still ends and delivery goes on. Only a {@link VirtualMachineError} is
 * rethrown, after the signal has ended. The signal's stage completes after the listener returns
 * (so whoever waits on it sees the listener done): a listener that blocks holds that stage and its
 * endpoint's delivery thread until it returns, though {@code close()} still returns within its
 * flush timeout plus a few seconds.
 */
public interface HeartbeatListener {
    /** {@code signal} was delivered; {@code result.endpoint()} says where. */
    default void onSuccess(Signal signal, DeliveryResult result) {
    }

    /** {@code signal} was rejected, failed for good or dropped; {@code result.error()} says why (redacted). */
    default void onFailure(Signal signal, DeliveryResult result) {
    }
}
