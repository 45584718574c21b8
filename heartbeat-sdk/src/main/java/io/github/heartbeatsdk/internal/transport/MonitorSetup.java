package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.EndpointRequest;

/**
 * An endpoint whose check is created or updated from code before its first signal is sent
 * (monitors as code). {@link HttpTransport} sends {@link #upsertRequest} once per client, on the
 * delivery thread, ahead of the first signal, and again before the next signal after a failure
 * that may heal (a 5xx, no connection); a refusal (401, 403, any other 4xx) ends that signal and
 * every later one REJECTED, with the same reason.
 */
public interface MonitorSetup {
    /** False for an endpoint with no monitor definition: then nothing is sent first. */
    boolean hasMonitor();

    /** The backend's name for messages: {@code Healthchecks}. */
    String backend();

    /**
     * The configuration key of the management API's credential
     * ({@code heartbeat.monitors.healthchecks.api-key}), or null when the backend needs none.
     */
    String credentialKey();

    /** The request that creates or updates the check; {@code credential} is null only when none is needed. */
    EndpointRequest upsertRequest(String credential);

    /** The parts of the check's ping URL that are secrets (a UUID, a slug, a key), masked should the API echo them. */
    String[] secrets();
}
