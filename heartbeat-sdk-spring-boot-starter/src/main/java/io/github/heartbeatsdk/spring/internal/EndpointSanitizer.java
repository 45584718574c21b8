package io.github.heartbeatsdk.spring.internal;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

import java.util.Locale;

/**
 * Masks {@code heartbeat.endpoint} and {@code heartbeat.jobs.*.endpoint} in actuator's
 * {@code env} and {@code configprops} endpoints (both name properties by their full key), even
 * where an operator has them show values: a ping URL is a password. The environment-variable
 * forms ({@code HEARTBEAT_ENDPOINT}) are masked too.
 */
public final class EndpointSanitizer implements SanitizingFunction {
    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey();
        if (key == null) {
            return data;
        }
        String k = key.toLowerCase(Locale.ROOT).replace('_', '.');
        boolean secret = k.equals("heartbeat.endpoint") || k.startsWith("heartbeat.jobs.") && k.endsWith(".endpoint");
        return secret ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }
}
