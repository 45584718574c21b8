package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.DeliveryStats;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** The resolved, validated settings one client runs with; made by {@link HeartbeatClient.Builder#build()}. */
final class ClientSettings {
    final Endpoint endpoint;
    final String endpointName;
    final Clock clock;
    final ScheduledExecutorService executor;
    final boolean ownsExecutor;
    final Duration retryDeadline;
    final Duration flushTimeout;
    final boolean shutdownHook;
    final Duration interval;
    final BeatFactory.Identity identity;
    final DeliveryStats stats = new DeliveryStats();

    ClientSettings(Endpoint endpoint, Clock clock, ScheduledExecutorService executor, boolean ownsExecutor,
                   Duration retryDeadline, Duration flushTimeout, boolean shutdownHook, Duration interval,
                   BeatFactory.Identity identity) {
        this.endpoint = endpoint;
        this.endpointName = nameOf(endpoint);
        this.clock = clock;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
        this.retryDeadline = retryDeadline;
        this.flushTimeout = flushTimeout;
        this.shutdownHook = shutdownHook;
        this.interval = interval;
        this.identity = identity;
    }

    /** The SDK's presets redact themselves in toString(); a user's endpoint might not, so only its class is shown. */
    static String nameOf(Endpoint endpoint) {
        String type = endpoint.getClass().getName();
        boolean preset = type.startsWith("io.github.heartbeatsdk.") && type.endsWith("Endpoint") && type.indexOf('$') < 0;
        return preset ? endpoint.toString() : type;
    }
}
