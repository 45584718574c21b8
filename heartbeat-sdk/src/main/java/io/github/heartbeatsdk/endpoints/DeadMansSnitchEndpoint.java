package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.PingUrls;
import io.github.heartbeatsdk.internal.Redactor;
import io.github.heartbeatsdk.internal.TextTail;

/**
 * Dead Man's Snitch, from {@code https://nosnch.in/<token>}: every report is a check-in GET; a
 * job's end carries its exit status {@code s} (0 for success, 1 for a failure, the status for an
 * exit) and a failure its message {@code m} (its last {@value #MAX_MESSAGE_CHARS} characters: the
 * API wants it short). Starts and logs are skipped: a snitch only counts check-ins.
 */
final class DeadMansSnitchEndpoint implements Endpoint {
    static final int MAX_MESSAGE_CHARS = 250;

    private final String url;

    DeadMansSnitchEndpoint(String snitchUrl) {
        this.url = PingUrls.presetBase(snitchUrl);
        if (PingUrls.pathSegments(url).length < 1) {
            throw PingUrls.wrongShape("a Dead Man's Snitch URL like https://nosnch.in/<token>", snitchUrl);
        }
    }

    @Override
    public EndpointRequest request(Signal signal) {
        String status;
        switch (signal.kind()) {
            case START:
            case LOG:
            case BEAT: // a check's state comes from pings and runs, never from a service's beats
                return null;
            case SUCCESS:
                status = "0";
                break;
            case FAIL:
                status = "1";
                break;
            case EXIT:
                status = Integer.toString(signal.exitCode());
                break;
            default:
                status = null;
        }
        String message = signal.message() == null ? null : TextTail.chars(signal.message(), MAX_MESSAGE_CHARS);
        return EndpointRequest.get(PingUrls.query(url, "s", status, "m", message));
    }

    @Override
    public String toString() {
        return "DeadMansSnitchEndpoint{" + Redactor.url(url) + "}";
    }
}
