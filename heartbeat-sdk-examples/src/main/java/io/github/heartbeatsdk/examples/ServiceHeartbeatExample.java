package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sermant's template plugin, in any Java service: periodic beats carrying the application's ext
 * info ({@code status=started}, as in Sermant's heartbeat guide) and a second plugin whose ext
 * info changes while the service works. The backend lists the instance with both plugins, and
 * marks it lost once the beats stop.
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-examples -am compile exec:java \
 *     -Dexec.mainClass=io.github.heartbeatsdk.examples.ServiceHeartbeatExample \
 *     -Dexec.args="sermant://127.0.0.1:6888 5"
 * </pre>
 *
 * Arguments: the endpoint in any form {@code Endpoints.parse} takes (none or {@code -}: the local
 * demo receiver's {@code sermant://127.0.0.1:6888}; or its JSON route
 * {@code sermant-http+http://127.0.0.1:8900/sermant/heartbeat}), then how many beats to send
 * before stopping (default 5).
 */
public final class ServiceHeartbeatExample {
    private ServiceHeartbeatExample() {
    }

    public static void main(String[] args) throws Exception {
        int beats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        AtomicInteger ordersProcessed = new AtomicInteger();
        try (ExampleTarget target = ExampleTarget.endpoint(args, "sermant://127.0.0.1:6888");
             HeartbeatClient service = HeartbeatClient.builder()
                     .endpoint(Endpoints.parse(target.value()))
                     .service("order-service").appName("shop")
                     .interval(Duration.ofSeconds(1)) // Sermant ships 30 s; 1 s to watch it move
                     .build()) {
            // The application's own ext info, as Sermant's template plugin sets it.
            service.setExtInfo(() -> Collections.singletonMap("status", "started"));
            // A second plugin. Its provider is asked afresh for every beat, so the backend sees the numbers move.
            service.extInfo().register("order-stats", "1.0.0", () -> Map.of(
                    "processed", ordersProcessed.get(),
                    "state", ordersProcessed.get() < 10 ? "warming-up" : "busy"));
            service.start(); // the first beat within a second, then one every second

            // The service's work. A real service runs until it is stopped; this one until it has sent `beats` beats.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(beats + 30L);
            while (service.stats().delivered() < beats && System.nanoTime() < deadline) {
                ordersProcessed.incrementAndGet();
                Thread.sleep(250);
            }
            System.out.println("order-service processed " + ordersProcessed.get() + " orders; " + service.stats());
        } // close() stops the beats: the backend marks the instance lost after its effective time
    }
}
