package io.github.heartbeatsdk;

import java.util.Collections;

/** Factories for the backends the SDK speaks. */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * A plain ping URL (Xitoring and any "GET this secret URL" service): a GET per ping, no
     * headers, no body. Refine it with {@link UrlEndpoint#withMethod}, {@link UrlEndpoint#withHeader}
     * and {@link UrlEndpoint#withBody}.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http or https URL; the
     *     message shows the URL with its path and query masked
     */
    public static UrlEndpoint url(String url) {
        return new UrlEndpoint(url, HttpMethod.GET, Collections.<String, String>emptyMap(), null, null);
    }

    /**
     * A Sermant-style backend that speaks HTTP: each periodic beat is a POST of Sermant's
     * HeartbeatMessage JSON ({@code appName}, {@code service}, {@code instanceId}, {@code ip},
     * {@code pluginInfoMap}, ...) to {@code url}. Pings and job steps are skipped.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http or https URL
     */
    public static Endpoint sermantHttp(String url) {
        return new SermantHttpEndpoint(url);
    }
}
