package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.PingUrls;
import io.github.heartbeatsdk.internal.Redactor;
import io.github.heartbeatsdk.internal.TextTail;

/**
 * An Uptime Kuma push monitor, from {@code <base>/api/push/<push-token>}: a ping, beat, success
 * or exit 0 is {@code status=up}; a failure or non-zero exit {@code status=down} with
 * {@code msg} (its last {@value #MAX_MESSAGE_CHARS} characters). Ends carry {@code ping=<duration
 * in ms>}. Starts and logs are skipped: a push monitor only knows up and down.
 */
final class UptimeKumaEndpoint implements Endpoint {
    static final int MAX_MESSAGE_CHARS = 1000;

    private final String url;

    UptimeKumaEndpoint(String pushUrl) {
        this.url = PingUrls.presetBase(pushUrl);
        String[] segments = PingUrls.pathSegments(url);
        if (segments.length < 3 || !"push".equals(segments[segments.length - 2])
                || !"api".equals(segments[segments.length - 3])) {
            throw PingUrls.wrongShape("an Uptime Kuma push URL like <base>/api/push/<token>", pushUrl);
        }
    }

    @Override
    public EndpointRequest request(Signal signal) {
        boolean up;
        String message;
        switch (signal.kind()) {
            case START:
            case LOG:
            case BEAT: // a check's state comes from pings and runs, never from a service's beats
                return null;
            case FAIL:
                up = false;
                message = signal.message() == null ? "failed" : signal.message();
                break;
            case EXIT:
                up = signal.exitCode() == 0;
                message = up ? "OK" : "exit " + signal.exitCode();
                break;
            default:
                up = true;
                message = "OK";
        }
        return EndpointRequest.get(PingUrls.query(url,
                "status", up ? "up" : "down",
                "msg", TextTail.chars(message, MAX_MESSAGE_CHARS),
                "ping", RunDuration.millis(signal)));
    }

    @Override
    public String toString() {
        return "UptimeKumaEndpoint{" + Redactor.url(url) + "}";
    }
}
