package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.BeatFactory;
import io.github.heartbeatsdk.internal.DeliveryStats;
import io.github.heartbeatsdk.internal.EndpointNames;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

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
    final BooleanSupplier beatCondition;
    final DeliveryStats stats = new DeliveryStats();

    ClientSettings(List<Endpoint> endpoints, Clock clock, Duration retryDeadline, Duration flushTimeout,
                   boolean shutdownHook, Duration interval, BeatFactory.Identity identity, HeartbeatListener listener,
                   BooleanSupplier beatCondition) {
        this.endpoints = endpoints;
        this.endpointName = EndpointNames.namesOf(endpoints);
        this.clock = clock;
        this.retryDeadline = retryDeadline;
        this.flushTimeout = flushTimeout;
        this.shutdownHook = shutdownHook;
        this.interval = interval;
        this.identity = identity;
        this.listener = listener;
        this.beatCondition = beatCondition;
    }
}
