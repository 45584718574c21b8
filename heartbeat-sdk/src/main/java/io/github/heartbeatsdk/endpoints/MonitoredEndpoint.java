package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.EndpointResponse;
import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.transport.MonitorSetup;

/**
 * An endpoint whose check the client creates or updates through the backend's management API
 * before its first signal; its signals are the wrapped endpoint's. Package-private, so the
 * setup's methods never become API: {@code withMonitor} returns it as an {@link Endpoint}.
 */
final class MonitoredEndpoint implements Endpoint, MonitorSetup {
    /** Builds the upsert request with the API key. */
    interface Upsert {
        EndpointRequest request(String credential);
    }

    private final Endpoint signals;
    private final Schedule schedule;
    private final String backend;
    private final String credentialKey;
    private final Upsert upsert;
    private final String[] secrets;

    MonitoredEndpoint(Endpoint signals, Schedule schedule, String backend, String credentialKey, Upsert upsert,
                      String... secrets) {
        this.secrets = secrets.clone();
        this.signals = signals;
        this.schedule = schedule;
        this.backend = backend;
        this.credentialKey = credentialKey;
        this.upsert = upsert;
    }

    @Override
    public EndpointRequest request(Signal signal) {
        return signals.request(signal);
    }

    @Override
    public void onResponse(EndpointResponse response) {
        signals.onResponse(response);
    }

    @Override
    public boolean hasMonitor() {
        return true;
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public String credentialKey() {
        return credentialKey;
    }

    @Override
    public EndpointRequest upsertRequest(String credential) {
        return upsert.request(credential);
    }

    @Override
    public String[] secrets() {
        return secrets.clone();
    }

    /** The wrapped endpoint's name (its secret masked) and the schedule; never the API key. */
    @Override
    public String toString() {
        return signals + " with monitor " + schedule;
    }
}
