package io.github.heartbeatsdk.spring.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/** The application's health on Spring Boot 4: {@code org.springframework.boot.health}. */
public final class Boot4AppHealth implements AppHealth {
    private final ObjectProvider<HealthEndpoint> endpoint;

    public Boot4AppHealth(ObjectProvider<HealthEndpoint> endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String status() {
        HealthEndpoint health = endpoint.getIfAvailable();
        HealthDescriptor descriptor = health == null ? null : health.health();
        if (descriptor == null) {
            return null;
        }
        if (descriptor instanceof CompositeHealthDescriptor composite && composite.getComponents() != null) {
            Map<String, String> statuses = new LinkedHashMap<>();
            composite.getComponents().forEach((name, c) -> statuses.put(name, c.getStatus().getCode()));
            return AppHealth.worstOf(statuses);
        }
        return descriptor.getStatus().getCode();
    }
}
