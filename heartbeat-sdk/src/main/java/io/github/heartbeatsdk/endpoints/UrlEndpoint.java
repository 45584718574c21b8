package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.HttpMethod;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.HttpUrls;
import io.github.heartbeatsdk.internal.Redactor;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain ping URL, the Xitoring style: every "I am alive" is one request to a secret URL.
 *
 * <p>Such a URL can only say "alive", so this endpoint reports pings, beats, successes and exit
 * status 0; it sends nothing for a job's start, failure, non-zero exit or log
 * ({@link io.github.heartbeatsdk.DeliveryResult.Outcome#SKIPPED}). A failed job therefore simply does not ping, and the
 * server raises its incident when the fault tolerance passes.
 *
 * <p>Immutable: each {@code with…} method returns a new endpoint. Create one with
 * {@link Endpoints#url(String)}.
 */
public final class UrlEndpoint implements Endpoint {
    private final String url;
    private final HttpMethod method;
    private final Map<String, String> headers;
    private final String contentType;
    private final byte[] body;
    /** Every "alive" signal sends this same immutable request, so it is built and checked once. */
    private final EndpointRequest alive;

    UrlEndpoint(String url, HttpMethod method, Map<String, String> headers, String contentType, byte[] body) {
        this.url = HttpUrls.requireHttpUrl("url", url);
        this.method = method;
        this.headers = headers;
        this.contentType = contentType;
        this.body = body;
        this.alive = EndpointRequest.of(method, this.url, contentType, body).withHeaders(headers);
    }

    /** Returns this endpoint using {@code method} (default GET); a body set earlier needs POST. */
    public UrlEndpoint withMethod(HttpMethod method) {
        if (method == null) {
            throw new NullPointerException("method == null");
        }
        if (body != null && method != HttpMethod.POST) {
            throw new IllegalArgumentException("method must be POST when a body is set, got " + method);
        }
        return new UrlEndpoint(url, method, headers, contentType, body);
    }

    /** Returns this endpoint with one more header on every request, such as an auth token. */
    public UrlEndpoint withHeader(String name, String value) {
        HttpUrls.requireHeader(name, value);
        Map<String, String> copy = new LinkedHashMap<String, String>(headers);
        copy.put(name, value);
        return new UrlEndpoint(url, method, Collections.unmodifiableMap(copy), contentType, body);
    }

    /** Returns this endpoint sending {@code body} (UTF-8) by POST with the given content type. */
    public UrlEndpoint withBody(String contentType, String body) {
        if (contentType == null) {
            throw new NullPointerException("contentType == null");
        }
        if (body == null) {
            throw new NullPointerException("body == null");
        }
        return new UrlEndpoint(url, HttpMethod.POST, headers, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public EndpointRequest request(Signal signal) {
        switch (signal.kind()) {
            case PING:
            case BEAT:
            case SUCCESS:
                break;
            case EXIT:
                if (signal.exitCode() != 0) {
                    return null;
                }
                break;
            default:
                return null;
        }
        return alive;
    }

    @Override
    public String toString() {
        return "UrlEndpoint{" + method + " " + Redactor.url(url) + "}";
    }
}
