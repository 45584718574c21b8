package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;

import java.time.Duration;

/**
 * Run in a child JVM by {@link ShutdownHookOrderTest}: builds a client with the SDK's exit hook,
 * adds a shutdown hook of its own that pings after {@code args[1]} ms (as a Spring bean's
 * {@code @PreDestroy} would), then returns from main. Prints how the hook's ping ended.
 */
public final class HookOrderMain {
    private HookOrderMain() {
    }

    public static void main(String[] args) {
        final HeartbeatClient hb = HeartbeatClient.builder().endpoint(Endpoints.url(args[0]))
                .flushTimeout(Duration.ofSeconds(10)).build();
        final long delayMillis = Long.parseLong(args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            DeliveryResult result = hb.ping().toCompletableFuture().getNow(null);
            System.out.println("hook ping returned " + (result == null ? "pending" : result.outcome()));
        }, "application-hook"));
    }
}
