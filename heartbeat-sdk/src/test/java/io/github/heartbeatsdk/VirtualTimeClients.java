package io.github.heartbeatsdk;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients on virtual time for a test class: one {@link FakeClock}, one {@link ManualScheduler}
 * that runs deliveries on the test's thread only when asked, and every client closed after each
 * test. Register with {@code @RegisterExtension final VirtualTimeClients clients = new VirtualTimeClients();}.
 */
public final class VirtualTimeClients implements AfterEachCallback {
    public final FakeClock clock = new FakeClock();
    public final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<HeartbeatClient> built = new ArrayList<>();

    /** A builder on virtual time, without shutdown hook and without waiting at close. */
    public HeartbeatClient.Builder builder(Endpoint endpoint) {
        return HeartbeatClient.builder().endpoint(endpoint).executor(scheduler).clock(clock).shutdownHook(false)
                .flushTimeout(Duration.ZERO);
    }

    /** A client from {@link #builder(Endpoint)}, closed after the test. */
    public HeartbeatClient client(Endpoint endpoint) {
        return track(builder(endpoint).build());
    }

    /** Closes {@code client} after the test. */
    public HeartbeatClient track(HeartbeatClient client) {
        built.add(client);
        return client;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        built.forEach(HeartbeatClient::close);
        built.clear();
    }
}
