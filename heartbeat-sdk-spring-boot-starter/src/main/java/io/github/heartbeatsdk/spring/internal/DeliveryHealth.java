package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.HeartbeatStats;
import io.github.heartbeatsdk.Signal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether the starter's clients are getting through, for the {@code heartbeat} health
 * contributor: DOWN once one client has failed {@code threshold} deliveries in a row (a delivery
 * resets its count), with that client's last error, which the SDK has already redacted. Versions
 * of Spring Boot differ only in the adapter that turns {@link #check()} into their Health type.
 */
public final class DeliveryHealth {
    /** The health of every client: UP or DOWN, and details by client name. */
    public record Check(boolean up, Map<String, Object> details) {
    }

    private final int threshold;
    private final Clock clock;
    private final Map<String, AtomicInteger> failuresInARow = new ConcurrentHashMap<>();
    private volatile Map<String, HeartbeatClient> clients = Map.of();

    DeliveryHealth(int threshold, Clock clock) {
        this.threshold = threshold;
        this.clock = clock;
    }

    /** The listener that counts {@code name}'s failures in a row; give it to that client's builder. */
    HeartbeatListener listenerFor(String name) {
        AtomicInteger count = failuresInARow.computeIfAbsent(name, n -> new AtomicInteger());
        return new HeartbeatListener() {
            @Override
            public void onSuccess(Signal signal, DeliveryResult result) {
                count.set(0);
            }

            @Override
            public void onFailure(Signal signal, DeliveryResult result) {
                if (result.outcome() == DeliveryResult.Outcome.FAILED
                        || result.outcome() == DeliveryResult.Outcome.REJECTED) {
                    count.incrementAndGet();
                }
            }
        };
    }

    void watch(Map<String, HeartbeatClient> byName) {
        this.clients = Map.copyOf(byName);
    }

    /** The current health; cheap, never blocks, never names a secret. */
    public Check check() {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, HeartbeatClient> entry : new TreeMap<>(clients).entrySet()) {
            HeartbeatClient client = entry.getValue();
            Map<String, Object> d = new LinkedHashMap<>();
            if (!client.isEnabled()) {
                d.put("status", "disabled");
                details.put(entry.getKey(), d);
                continue;
            }
            HeartbeatStats stats = client.stats();
            AtomicInteger count = failuresInARow.get(entry.getKey());
            if (count == null) {
                // The application's own HeartbeatClient bean: built without our listener, so its failures are not counted.
                d.put("status", "not watched (the application's own client)");
                d.put("delivered", stats.delivered());
                details.put(entry.getKey(), d);
                continue;
            }
            int inARow = count.get();
            boolean clientUp = inARow < threshold;
            up &= clientUp;
            d.put("status", clientUp ? "UP" : "DOWN");
            d.put("endpoint", client.endpointName());
            d.put("delivered", stats.delivered());
            d.put("failed", stats.failed() + stats.rejected());
            d.put("dropped", stats.dropped());
            d.put("pending", stats.pending());
            d.put("failuresInARow", inARow);
            if (stats.lastSuccessMillis() > 0) {
                d.put("lastSuccessAgoSeconds", Math.max(0, clock.millis() - stats.lastSuccessMillis()) / 1000);
            }
            if (stats.lastError() != null) {
                d.put("lastError", stats.lastError());
            }
            details.put(entry.getKey(), d);
        }
        return new Check(up, details);
    }
}
