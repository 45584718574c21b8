package io.github.heartbeatsdk;

/**
 * Knows one backend's wire format: turns a {@link Signal} into the HTTP request that reports it.
 *
 * <p>Presets live in {@link io.github.heartbeatsdk.endpoints.Endpoints}. Writing your own is a few lines:
 * <pre>{@code
 * Endpoint mine = signal -> signal.kind() == SignalKind.FAIL
 *         ? EndpointRequest.get("https://monitor.example/fail/" + token)
 *         : EndpointRequest.get("https://monitor.example/ok/" + token);
 * }</pre>
 *
 * <p>Called on the client's delivery thread, once per delivery attempt; it must be fast, must
 * not block and should be stateless. The client redacts the URL's path and query wherever it
 * reports a request, so an endpoint need not hide its secret itself.
 */
@FunctionalInterface
public interface Endpoint {
    /**
     * Returns the request that reports {@code signal}, or {@code null} when this backend has no
     * way to say it (a plain ping URL, for example, cannot report a failed job). A signal without
     * a request completes as {@link DeliveryResult.Outcome#SKIPPED}.
     */
    EndpointRequest request(Signal signal);

    /**
     * Called on the delivery thread with every HTTP answer to this endpoint's requests. The
     * default does nothing; an exception thrown here is logged and ignored.
     */
    default void onResponse(EndpointResponse response) {
    }
}
