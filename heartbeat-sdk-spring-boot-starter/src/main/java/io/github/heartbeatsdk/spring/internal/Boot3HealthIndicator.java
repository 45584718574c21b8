package io.github.heartbeatsdk.spring.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code heartbeat} health contributor on Spring Boot 3. */
public final class Boot3HealthIndicator implements HealthIndicator {
    private final DeliveryHealth health;

    public Boot3HealthIndicator(DeliveryHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        DeliveryHealth.Check check = health.check();
        return (check.up() ? Health.up() : Health.down()).withDetails(check.details()).build();
    }
}
