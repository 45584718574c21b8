package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.PingUrls;
import io.github.heartbeatsdk.internal.Redactor;
import io.github.heartbeatsdk.internal.TextTail;

/**
 * Better Stack heartbeats, from {@code https://uptime.betterstack.com/api/v1/heartbeat/<token>}:
 * a ping, beat or success is a GET of the URL; a failure a POST to {@code /fail} with its
 * message as body (kept as context; its last {@value #MAX_BODY_BYTES} bytes); an exit status a
 * request to {@code /<status>}. Starts and logs are skipped: Better Stack has no such events.
 */
final class BetterStackEndpoint implements Endpoint {
    static final int MAX_BODY_BYTES = 10_000;

    private final String url;

    BetterStackEndpoint(String heartbeatUrl) {
        this.url = PingUrls.presetBase(heartbeatUrl);
        if (PingUrls.pathSegments(url).length < 1) {
            throw PingUrls.wrongShape("a Better Stack heartbeat URL ending in /<token>", heartbeatUrl);
        }
    }

    @Override
    public EndpointRequest request(Signal signal) {
        switch (signal.kind()) {
            case START:
            case LOG:
            case BEAT: // a check's state comes from pings and runs, never from a service's beats
                return null;
            case FAIL:
                String failUrl = PingUrls.segment(url, "fail");
                return signal.message() == null ? EndpointRequest.get(failUrl)
                        : EndpointRequest.post(failUrl, "text/plain; charset=utf-8",
                        TextTail.utf8(signal.message(), MAX_BODY_BYTES));
            case EXIT:
                return EndpointRequest.get(PingUrls.segment(url, Integer.toString(signal.exitCode())));
            default:
                return EndpointRequest.get(url);
        }
    }

    @Override
    public String toString() {
        return "BetterStackEndpoint{" + Redactor.url(url) + "}";
    }
}
