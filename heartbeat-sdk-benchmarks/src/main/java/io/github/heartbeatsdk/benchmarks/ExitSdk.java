package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;

/**
 * Target 5: a process that pings and then exits without closing the client, either by
 * {@code System.exit(0)} ({@code exit}) or by returning from main ({@code return}). The shutdown
 * hook must deliver the ping. Launched by {@link BenchAll}, which counts what arrived.
 */
public final class ExitSdk {
    private ExitSdk() {
    }

    public static void main(String[] args) {
        HeartbeatClient heartbeat = HeartbeatClient.builder().endpoint(Endpoints.url(args[0])).build();
        heartbeat.ping();
        if ("exit".equals(args[1])) {
            System.exit(0);
        }
    }
}
