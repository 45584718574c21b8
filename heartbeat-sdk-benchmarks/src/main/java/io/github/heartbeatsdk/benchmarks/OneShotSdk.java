package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;

/**
 * Target 6: a whole process that builds a client with the default settings, pings once and
 * closes it (close() delivers the ping), the README's quick start. Launched by {@link BenchAll}.
 */
public final class OneShotSdk {
    private OneShotSdk() {
    }

    public static void main(String[] args) {
        try (HeartbeatClient heartbeat = HeartbeatClient.builder().endpoint(Endpoints.url(args[0])).build()) {
            heartbeat.ping();
        }
    }
}
