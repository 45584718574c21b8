package io.github.heartbeatsdk.spring.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Set;
import java.util.TreeSet;

/**
 * Finds {@code heartbeat.*} keys the starter does not know (a typo such as
 * {@code heartbeat.intervall} would otherwise do nothing, silently). One in a properties file,
 * YAML or a system property fails the start, naming the key and never its value; one in the
 * environment is only logged, since environment variables may belong to other tools.
 */
public final class UnknownKeys {
    /** Every leaf key under {@code heartbeat.}, besides {@code ext-info.<plugin>.<key>} and {@code jobs.<name>.endpoint}. */
    static final Set<String> KNOWN = Set.of("enabled", "endpoint", "interval", "service", "app-name", "app-type",
            "artifact", "instance-id", "connect-timeout", "read-timeout", "call-timeout", "retry-deadline",
            "flush-timeout", "queue-capacity", "max-queued-bytes", "beats.enabled", "beats.when-unhealthy",
            "beats.include-health", "beats.health-timeout", "health.failure-threshold", "monitors.upsert",
            "monitors.healthchecks.api-key", "monitors.cronitor.api-key");
    /** The keys under {@code heartbeat.jobs.<name>.}. */
    static final Set<String> JOB_KEYS = Set.of("endpoint", "schedule", "zone", "grace", "maxruntime");

    private static final Set<String> KNOWN_UNIFORM = KNOWN.stream().map(key -> key.replace("-", ""))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Logger log = LoggerFactory.getLogger(UnknownKeys.class);
    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("heartbeat");

    private UnknownKeys() {
    }

    /** @throws HeartbeatConfigurationException for an unknown key outside the environment variables */
    public static void check(Environment environment) {
        Set<String> fromEnvironment = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean envVars = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
            iterable.stream().filter(ROOT::isAncestorOf).filter(name -> !isKnown(name)).forEach(name -> {
                if (envVars) {
                    fromEnvironment.add(name.toString());
                } else {
                    throw unknown(name.toString());
                }
            });
        }
        if (!fromEnvironment.isEmpty()) {
            log.warn("heartbeat-sdk ignores environment variables that name no heartbeat.* property (shown here as the"
                    + " properties they would set): {}", fromEnvironment);
        }
    }

    private static HeartbeatConfigurationException unknown(String key) {
        if (key.equals("heartbeat.shutdown-hook")) {
            return new HeartbeatConfigurationException(key, key + " has no effect in Spring Boot: the starter closes"
                    + " its clients with the application context, after every other bean; remove it");
        }
        return new HeartbeatConfigurationException(key, key + " is not a heartbeat-sdk property (a typo?); the"
                + " Spring Boot page of the docs lists them all");
    }

    /** Compares in Spring's uniform form (lower case, no dashes), as binding does: appName, app-name and APP_NAME match. */
    static boolean isKnown(ConfigurationPropertyName name) {
        int n = name.getNumberOfElements();
        StringBuilder leaf = new StringBuilder();
        for (int i = 1; i < n; i++) {
            leaf.append(i > 1 ? "." : "").append(uniform(name, i));
        }
        String first = n > 1 ? uniform(name, 1) : "";
        if (first.equals("extinfo")) {
            return n >= 4;
        }
        if (first.equals("jobs")) {
            return n == 4 && JOB_KEYS.contains(uniform(name, 3));
        }
        return KNOWN_UNIFORM.contains(leaf.toString());
    }

    private static String uniform(ConfigurationPropertyName name, int element) {
        return name.getElement(element, ConfigurationPropertyName.Form.UNIFORM);
    }
}
