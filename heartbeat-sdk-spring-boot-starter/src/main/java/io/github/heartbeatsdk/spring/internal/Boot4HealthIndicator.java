package io.github.heartbeatsdk.spring.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code heartbeat} health contributor on Spring Boot 4. */
public final class Boot4HealthIndicator implements HealthIndicator {
    private final DeliveryHealth health;

    public Boot4HealthIndicator(DeliveryHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        DeliveryHealth.Check check = health.check();
        return (check.up() ? Health.up() : Health.down()).withDetails(check.details()).build();
    }
}
