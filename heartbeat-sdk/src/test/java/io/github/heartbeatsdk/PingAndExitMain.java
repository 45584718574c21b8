package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;

/**
 * Run in a child JVM by {@link ChildJvmTest}: pings the URL given as the first argument, then
 * either returns from main ("return") or calls System.exit(0) ("exit"), without closing the client.
 */
public final class PingAndExitMain {
    public static void main(String[] args) {
        HeartbeatClient hb = HeartbeatClient.builder().endpoint(Endpoints.url(args[0])).build();
        hb.ping();
        if ("exit".equals(args[1])) {
            System.exit(0);
        }
    }
}
