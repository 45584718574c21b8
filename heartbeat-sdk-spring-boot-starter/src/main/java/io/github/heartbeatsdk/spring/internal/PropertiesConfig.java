package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.HeartbeatConfig;
import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatProperties;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bound {@code heartbeat.*} properties as a {@link HeartbeatConfig}, so the SDK checks every
 * value and names its key, exactly as for a properties file. Only what is set is answered.
 */
final class PropertiesConfig implements HeartbeatConfig {
    private final Map<String, String> values;

    private PropertiesConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @param endpoint the endpoint this client uses, or null for none (a job client gets its own)
     * @param enabled whether this client sends anything
     * @param service the service name, already defaulted
     */
    static PropertiesConfig of(HeartbeatProperties p, String endpoint, boolean enabled, String service) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("heartbeat.enabled", String.valueOf(enabled));
        put(v, "heartbeat.endpoint", endpoint);
        put(v, "heartbeat.interval", p.getInterval());
        put(v, "heartbeat.service", service);
        put(v, "heartbeat.app-name", p.getAppName());
        put(v, "heartbeat.app-type", p.getAppType());
        put(v, "heartbeat.artifact", p.getArtifact());
        put(v, "heartbeat.instance-id", p.getInstanceId());
        put(v, "heartbeat.connect-timeout", p.getConnectTimeout());
        put(v, "heartbeat.read-timeout", p.getReadTimeout());
        put(v, "heartbeat.call-timeout", p.getCallTimeout());
        put(v, "heartbeat.retry-deadline", p.getRetryDeadline());
        put(v, "heartbeat.flush-timeout", p.getFlushTimeout());
        v.put("heartbeat.queue-capacity", String.valueOf(p.getQueueCapacity()));
        v.put("heartbeat.max-queued-bytes", String.valueOf(p.getMaxQueuedBytes()));
        // Where the SDK looks for a management API's key, on the delivery thread, when a monitor needs it.
        put(v, "heartbeat.monitors.healthchecks.api-key", p.getMonitors().getHealthchecks().getApiKey());
        put(v, "heartbeat.monitors.cronitor.api-key", p.getMonitors().getCronitor().getApiKey());
        // The starter closes its clients itself, after the context's other beans: no JVM hook.
        v.put("heartbeat.shutdown-hook", "false");
        for (Map.Entry<String, Map<String, String>> plugin : p.getExtInfo().entrySet()) {
            for (Map.Entry<String, String> entry : plugin.getValue().entrySet()) {
                put(v, "heartbeat.ext-info." + plugin.getKey() + "." + entry.getKey(), entry.getValue());
            }
        }
        return new PropertiesConfig(v);
    }

    private static void put(Map<String, String> values, String key, Object value) {
        if (value instanceof Duration) {
            values.put(key, value.toString()); // ISO-8601, which HeartbeatConfig reads
        } else if (value != null) {
            values.put(key, value.toString());
        }
    }

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    /** Names the keys it holds, never their values (an endpoint is a secret). */
    @Override
    public String toString() {
        return "PropertiesConfig" + values.keySet();
    }
}
