package io.github.heartbeatsdk.spring.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/** The application's health on Spring Boot 3: {@code org.springframework.boot.actuate.health}. */
public final class Boot3AppHealth implements AppHealth {
    private final ObjectProvider<HealthEndpoint> endpoint;

    public Boot3AppHealth(ObjectProvider<HealthEndpoint> endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String status() {
        HealthEndpoint health = endpoint.getIfAvailable();
        HealthComponent component = health == null ? null : health.health();
        if (component == null) {
            return null;
        }
        if (component instanceof CompositeHealth composite && composite.getComponents() != null) {
            Map<String, String> statuses = new LinkedHashMap<>();
            composite.getComponents().forEach((name, c) -> statuses.put(name, c.getStatus().getCode()));
            return AppHealth.worstOf(statuses);
        }
        return component.getStatus().getCode();
    }
}
