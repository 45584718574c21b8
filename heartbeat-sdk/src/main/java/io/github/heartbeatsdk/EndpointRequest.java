package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.HttpUrls;
import io.github.heartbeatsdk.internal.Redactor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request an {@link Endpoint} wants sent: method, absolute URL, headers and body.
 *
 * <p>Immutable. The factories check the URL at once (absolute, http or https, with a host) and
 * {@link #withHeader} rejects CR and LF. {@link #toString()} never shows the URL's path or
 * query, nor a header value, because they are credentials.
 */
public final class EndpointRequest {
    private static final byte[] NO_BODY = new byte[0];

    private final HttpMethod method;
    private final String url;
    private final Map<String, String> headers;
    private final String contentType;
    private final byte[] body;

    private EndpointRequest(HttpMethod method, String url, Map<String, String> headers,
                            String contentType, byte[] body) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.contentType = contentType;
        this.body = body;
    }

    /** A GET of {@code url}. */
    public static EndpointRequest get(String url) {
        return of(HttpMethod.GET, url, null, null);
    }

    /** A HEAD of {@code url}. */
    public static EndpointRequest head(String url) {
        return of(HttpMethod.HEAD, url, null, null);
    }

    /** A POST of {@code body} (copied) with the given content type to {@code url}. */
    public static EndpointRequest post(String url, String contentType, byte[] body) {
        if (contentType == null) {
            throw new NullPointerException("contentType == null");
        }
        if (body == null) {
            throw new NullPointerException("body == null");
        }
        return of(HttpMethod.POST, url, contentType, body);
    }

    /**
     * A request with any method; {@code contentType} and {@code body} are used by POST and PUT only
     * and must be null for GET and HEAD. A POST or PUT without a body sends an empty one.
     */
    public static EndpointRequest of(HttpMethod method, String url, String contentType, byte[] body) {
        if (method == null) {
            throw new NullPointerException("method == null");
        }
        String checked = HttpUrls.requireHttpUrl("url", url);
        boolean hasBody = method == HttpMethod.POST || method == HttpMethod.PUT;
        if (!hasBody && (body != null || contentType != null)) {
            throw new IllegalArgumentException("a body needs method POST or PUT, got " + method);
        }
        byte[] copy = body == null ? NO_BODY : body.clone();
        String type = contentType == null && hasBody ? "text/plain; charset=utf-8" : contentType;
        return new EndpointRequest(method, checked, Collections.<String, String>emptyMap(), type, copy);
    }

    /** Returns a copy of this request with one more header (replacing one of the same name). */
    public EndpointRequest withHeader(String name, String value) {
        HttpUrls.requireHeader(name, value);
        Map<String, String> copy = new LinkedHashMap<String, String>(headers);
        copy.put(name, value);
        return new EndpointRequest(method, url, Collections.unmodifiableMap(copy), contentType, body);
    }

    /** Returns a copy of this request with all of {@code extra}'s headers added. */
    public EndpointRequest withHeaders(Map<String, String> extra) {
        EndpointRequest result = this;
        for (Map.Entry<String, String> header : extra.entrySet()) {
            result = result.withHeader(header.getKey(), header.getValue());
        }
        return result;
    }

    /** The HTTP method. */
    public HttpMethod method() {
        return method;
    }

    /** The absolute URL, secret included: never log it. */
    public String url() {
        return url;
    }

    /** Extra headers, in the order added (unmodifiable). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body's content type, or null when there is no body. */
    public String contentType() {
        return contentType;
    }

    /** A copy of the body; empty for GET and HEAD. */
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public String toString() {
        return method + " " + Redactor.url(url) + (headers.isEmpty() ? "" : " headers=" + headers.keySet())
                + (body.length == 0 ? "" : " body=" + body.length + " bytes");
    }
}
