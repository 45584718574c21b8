package io.github.heartbeatsdk.demo;

import io.github.heartbeatsdk.SignalKind;

/**
 * One signal as the receiver got it, in the SDK's own vocabulary.
 *
 * @param atMillis the receiver's clock when it arrived
 * @param channel {@code "http"} or {@code "tcp"} (Sermant's native protocol)
 * @param kind what it said: a BEAT from a service, or PING, START, SUCCESS, FAIL, EXIT, LOG for a check
 * @param target the check's name, or {@code service/instanceId} for a beat
 * @param runId the {@code rid} of a job signal, or null
 * @param detail the exit status, failure message or log text, or a beat's plugins and ext info (shortened); or null
 */
public record ReceivedSignal(long atMillis, String channel, SignalKind kind, String target, String runId,
                             String detail) {
    /** Short text such as {@code "http START nightly-report"}, for logs and assertions. */
    @Override
    public String toString() {
        return channel + " " + kind + " " + target + (detail != null ? " (" + detail + ")" : "");
    }
}
