package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import io.github.heartbeatsdk.spring.internal.DeliveryHealth;
import io.github.heartbeatsdk.spring.internal.Wiring;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The heartbeat health contributor: DOWN after N failed deliveries in a row, UP again after one success. */
class DeliveryHealthTest {
    static final String SECRET = "0b9e-health-secret";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void downAfterTheThresholdWithTheRedactedErrorAndUpAfterADelivery() {
        AtomicInteger status = new AtomicInteger(404); // a 404 is REJECTED at once, no retry: one failure per ping
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(status.get()).body("no such check").build();
            }
        });
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withPropertyValues("heartbeat.endpoint=" + server.url("/" + SECRET),
                        "heartbeat.health.failure-threshold=2").run(context -> {
                    HeartbeatClients clients = context.getBean(HeartbeatClients.class);
                    DeliveryHealth health = context.getBean(Wiring.class).deliveryHealth();
                    assertThat(health.check().up()).as("nothing sent yet").isTrue();

                    assertThat(ping(clients)).isEqualTo(DeliveryResult.Outcome.REJECTED);
                    assertThat(health.check().up()).as("one failure is under the threshold").isTrue();
                    assertThat(ping(clients)).isEqualTo(DeliveryResult.Outcome.REJECTED);
                    DeliveryHealth.Check down = health.check();
                    assertThat(down.up()).isFalse();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> service = (Map<String, Object>) down.details().get(HeartbeatClients.SERVICE);
                    assertThat(service).containsEntry("status", "DOWN").containsEntry("failuresInARow", 2)
                            .containsKey("lastError");
                    assertThat(down.details().toString()).contains("404").doesNotContain(SECRET);

                    status.set(200);
                    assertThat(ping(clients)).isEqualTo(DeliveryResult.Outcome.DELIVERED);
                    assertThat(health.check().up()).isTrue();
                });
    }

    @Test
    void aDisabledClientIsNeitherUpNorDown() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .run(context -> {
                    DeliveryHealth.Check check = context.getBean(Wiring.class).deliveryHealth().check();
                    assertThat(check.up()).isTrue();
                    assertThat(check.details()).containsEntry(HeartbeatClients.SERVICE, Map.of("status", "disabled"));
                });
    }

    private static DeliveryResult.Outcome ping(HeartbeatClients clients) throws Exception {
        return clients.service().ping().toCompletableFuture().get(30, TimeUnit.SECONDS).outcome();
    }
}
