package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.HeartbeatConfig;

import java.util.Locale;
import java.util.Map;

/**
 * Finds a management API's credential when it is needed, on the delivery thread: in the
 * client's configuration, else the JVM's system properties, else the environment
 * ({@code heartbeat.monitors.healthchecks.api-key} is {@code HEARTBEAT_MONITORS_HEALTHCHECKS_API_KEY}
 * there). Never in code: a key belongs with the deployment, like the ping URL's secret.
 */
public final class Credentials {
    /** Looks nothing up in any configuration of the client's own. */
    public static final Credentials NONE = new Credentials(null, System.getenv());

    private final HeartbeatConfig config;
    private final Map<String, String> environment;

    Credentials(HeartbeatConfig config, Map<String, String> environment) {
        this.config = config;
        this.environment = environment;
    }

    /** Reads from {@code config} (the user's, possibly null) first. */
    public static Credentials from(HeartbeatConfig config) {
        return new Credentials(config, System.getenv());
    }

    /** The environment variable that holds {@code key}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * The credential, or null when none is set anywhere.
     *
     * @throws RuntimeException what the user's configuration threw; the caller turns it into a refusal
     */
    String find(String key) {
        String value = config == null ? null : config.get(key);
        if (blank(value)) {
            value = System.getProperty(key);
        }
        if (blank(value)) {
            value = environment.get(environmentName(key));
        }
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.trim().isEmpty();
    }
}
