package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by {@link MissingLibraryTest} with a library left off the class path: pings
 * {@code args[0]} once and prints how it ended, {@code outcome=... error=...}.
 */
public final class MissingLibraryMain {
    private MissingLibraryMain() {
    }

    public static void main(String[] args) throws Exception {
        HeartbeatClient hb = HeartbeatClient.builder().endpoint(Endpoints.url(args[0])).shutdownHook(false)
                .retryDeadline(Duration.ofSeconds(2)).flushTimeout(Duration.ofSeconds(1)).build();
        DeliveryResult result = hb.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.out.println("outcome=" + result.outcome() + " error=" + result.error());
        hb.close();
    }
}
