package io.github.heartbeatsdk;

/**
 * What a backend answered to one request, shown to {@link Endpoint#onResponse} so an endpoint
 * can learn from it (Healthchecks announces its body limit in a header, for example).
 */
public interface EndpointResponse {
    /** The HTTP status code. */
    int statusCode();

    /** The first value of the named response header, or null. */
    String header(String name);
}
