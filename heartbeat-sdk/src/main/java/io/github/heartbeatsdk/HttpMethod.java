package io.github.heartbeatsdk;

/** The HTTP methods a ping endpoint may use. */
public enum HttpMethod {
    /** The default for pings: the request has no body. */
    GET,
    /** Like GET, but the backend sends no response body. */
    HEAD,
    /** The request carries a body, such as log text or a JSON heartbeat. */
    POST,
    /** The request carries a body that replaces what the backend holds (a monitor definition). */
    PUT
}
