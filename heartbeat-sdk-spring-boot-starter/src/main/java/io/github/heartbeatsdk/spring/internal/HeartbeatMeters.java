package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatStats;
import io.github.heartbeatsdk.spring.HeartbeatClients;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for each of the starter's clients, tagged {@code client} with its name
 * ({@value HeartbeatClients#SERVICE} or the job's), read from {@link HeartbeatClient#stats()}:
 * <ul>
 *   <li>{@code heartbeat.signals} (counter), tagged {@code outcome}: delivered, skipped, rejected, failed, dropped;</li>
 *   <li>{@code heartbeat.retries}, {@code heartbeat.beats.skipped} and {@code heartbeat.pings.coalesced} (counters);</li>
 *   <li>{@code heartbeat.pending} (gauge): signals not yet ended;</li>
 *   <li>{@code heartbeat.last.success.age} (time gauge, seconds): since the last delivery; NaN before the first.</li>
 * </ul>
 * No tag holds an endpoint: it is a secret.
 */
public final class HeartbeatMeters implements MeterBinder {
    private final HeartbeatClients clients;
    private final Clock clock;

    public HeartbeatMeters(HeartbeatClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Map.Entry<String, HeartbeatClient> entry : clients.all().entrySet()) {
            String name = entry.getKey();
            HeartbeatClient client = entry.getValue();
            outcome(registry, name, client, "delivered", HeartbeatStats::delivered);
            outcome(registry, name, client, "skipped", HeartbeatStats::skipped);
            outcome(registry, name, client, "rejected", HeartbeatStats::rejected);
            outcome(registry, name, client, "failed", HeartbeatStats::failed);
            outcome(registry, name, client, "dropped", HeartbeatStats::dropped);
            FunctionCounter.builder("heartbeat.retries", client, c -> c.stats().retried())
                    .description("Delivery attempts retried").tag("client", name).register(registry);
            FunctionCounter.builder("heartbeat.beats.skipped", client, c -> c.stats().beatsSkipped())
                    .description("Periodic beats skipped: the last one still in flight, or the application unhealthy")
                    .tag("client", name).register(registry);
            FunctionCounter.builder("heartbeat.pings.coalesced", client, c -> c.stats().coalesced())
                    .description("Pings that joined an identical ping still queued, answered by its request")
                    .tag("client", name).register(registry);
            Gauge.builder("heartbeat.pending", client, c -> c.stats().pending())
                    .description("Signals accepted and not yet ended").tag("client", name).register(registry);
            TimeGauge.builder("heartbeat.last.success.age", client, TimeUnit.MILLISECONDS, this::lastSuccessAge)
                    .description("Time since the last delivered signal").tag("client", name).register(registry);
        }
    }

    private static void outcome(MeterRegistry registry, String name, HeartbeatClient client, String outcome,
                                ToDoubleFunction<HeartbeatStats> count) {
        FunctionCounter.builder("heartbeat.signals", client, c -> count.applyAsDouble(c.stats()))
                .description("Signals ended, by outcome").tag("client", name).tag("outcome", outcome)
                .register(registry);
    }

    private double lastSuccessAge(HeartbeatClient client) {
        long last = client.stats().lastSuccessMillis();
        return last <= 0 ? Double.NaN : Math.max(0, clock.millis() - last);
    }
}
