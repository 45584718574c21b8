package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;

/**
 * Run in a child JVM by {@link IncompatibleKotlinTest}: builds a client for the endpoint URI
 * {@code args[0]} and prints {@code built} or the {@code IllegalStateException} build() threw, on one line.
 */
public final class BuildOnlyMain {
    private BuildOnlyMain() {
    }

    public static void main(String[] args) {
        try {
            HeartbeatClient hb = HeartbeatClient.builder().endpoint(Endpoints.parse(args[0])).shutdownHook(false).build();
            System.out.println("RESULT built");
            hb.close();
        } catch (IllegalStateException e) {
            System.out.println("RESULT " + e.getMessage());
        }
    }
}
