package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.DeliveryStats;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The resolved, validated settings one client runs with; made by {@link HeartbeatClient.Builder#build()}. */
final class ClientSettings {
    final List<Endpoint> endpoints;
    final String endpointName;
    final Clock clock;
    final Duration retryDeadline;
    final Duration flushTimeout;
    final boolean shutdownHook;
    final Duration interval;
    final BeatFactory.Identity identity;
    final HeartbeatListener listener;
    final DeliveryStats stats = new DeliveryStats();

    ClientSettings(List<Endpoint> endpoints, Clock clock, Duration retryDeadline, Duration flushTimeout,
                   boolean shutdownHook, Duration interval, BeatFactory.Identity identity, HeartbeatListener listener) {
        this.endpoints = endpoints;
        this.endpointName = namesOf(endpoints);
        this.clock = clock;
        this.retryDeadline = retryDeadline;
        this.flushTimeout = flushTimeout;
        this.shutdownHook = shutdownHook;
        this.interval = interval;
        this.identity = identity;
        this.listener = listener;
    }

    /** The SDK's presets redact themselves in toString(); a user's endpoint might not, so only its class is shown. */
    static String nameOf(Object endpoint) {
        String type = endpoint.getClass().getName();
        boolean preset = type.startsWith("io.github.heartbeatsdk.") && type.endsWith("Endpoint") && type.indexOf('$') < 0;
        return preset ? endpoint.toString() : type;
    }

    /** Safe names of several endpoints: one name alone, or a list. */
    static String namesOf(List<?> endpoints) {
        if (endpoints.size() == 1) {
            return nameOf(endpoints.get(0));
        }
        StringBuilder names = new StringBuilder("[");
        for (Object endpoint : endpoints) {
            names.append(names.length() > 1 ? ", " : "").append(nameOf(endpoint));
        }
        return names.append(']').toString();
    }
}
