package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatProperties;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Masks the starter's endpoints in actuator's {@code env} and {@code configprops} endpoints,
 * even where an operator has them show values: a ping URL is a password. It masks the keys
 * ({@code heartbeat.endpoint}, {@code heartbeat.jobs.*.endpoint}, the API keys, in any of their
 * forms), and any other property whose value holds an endpoint's URL: the environment variable a
 * placeholder reads it from ({@code ${NIGHTLY_BACKUP_CHECK}}), or {@code SPRING_APPLICATION_JSON}.
 */
public final class EndpointSanitizer implements SanitizingFunction {
    /** Shorter values are not taken for secrets: "true" must not mask half the environment. */
    static final int MIN_SECRET_LENGTH = 8;

    private final Set<String> secrets = new LinkedHashSet<>();

    public EndpointSanitizer(HeartbeatProperties properties) {
        addSecret(properties.getEndpoint());
        properties.getJobs().values().forEach(job -> addSecret(job == null ? null : job.getEndpoint()));
    }

    private void addSecret(String endpoint) {
        if (endpoint == null || endpoint.trim().length() < MIN_SECRET_LENGTH) {
            return;
        }
        String uri = endpoint.trim();
        secrets.add(uri);
        int plus = uri.indexOf('+');
        if (plus > 0 && uri.indexOf("://") > plus) {
            secrets.add(uri.substring(plus + 1)); // the URL without its preset, as another property may hold it
        }
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey();
        if (key != null && isSecretKey(key.toLowerCase(Locale.ROOT).replace('_', '.'))) {
            return data.withValue(SanitizableData.SANITIZED_VALUE);
        }
        Object value = data.getValue();
        if (value != null) {
            String text = value.toString();
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    return data.withValue(SanitizableData.SANITIZED_VALUE);
                }
            }
        }
        return data;
    }

    private static boolean isSecretKey(String k) {
        return k.equals("heartbeat.endpoint") || k.startsWith("heartbeat.jobs.") && k.endsWith(".endpoint")
                || k.startsWith("heartbeat.monitors.") && (k.endsWith("api-key") || k.endsWith("api.key")
                || k.endsWith("apikey"));
    }
}
