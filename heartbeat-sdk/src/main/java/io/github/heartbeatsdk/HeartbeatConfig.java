package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.ConfigKeys;
import io.github.heartbeatsdk.internal.ConfigSources;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Heartbeat settings from outside the code: properties files, environment variables, system
 * properties, in layers. Operators switch a service's heartbeat on, point it at a backend or
 * change its interval without touching code, as Sermant users do with {@code config.properties}.
 *
 * <p>Like Micrometer's {@code PushRegistryConfig}: an implementation only answers
 * {@link #get(String)}; every setting is a default method that reads its key and falls back to
 * the documented default. {@link HeartbeatClient#fromConfig} and
 * {@link HeartbeatClient.Builder#config} check every value, and report unknown
 * {@code heartbeat.*} keys (see {@link #keys()}), when the client is built.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code heartbeat.enabled}</td><td>true</td><td>false: a client that does nothing and starts no thread (alias {@code agent.service.heartbeat.enable})</td></tr>
 * <tr><td>{@code heartbeat.endpoint}</td><td>none</td><td>a URI as {@link io.github.heartbeatsdk.endpoints.Endpoints#parse}; or {@code gateway.nettyIp} / {@code gateway.nettyPort} for {@code sermant://ip:port}</td></tr>
 * <tr><td>{@code heartbeat.interval}</td><td>30000</td><td>ms between beats, or ISO-8601 ({@code PT30S})</td></tr>
 * <tr><td>{@code heartbeat.service}, {@code heartbeat.app-name}, {@code heartbeat.app-type}, {@code heartbeat.artifact}, {@code heartbeat.instance-id}</td><td>as the builder</td><td>instance metadata</td></tr>
 * <tr><td>{@code heartbeat.connect-timeout}</td><td>5000</td><td>ms or ISO-8601 (alias {@code gateway.nettyConnectTimeout}, ms)</td></tr>
 * <tr><td>{@code heartbeat.read-timeout}, {@code heartbeat.call-timeout}</td><td>10000, 15000</td><td>ms or ISO-8601</td></tr>
 * <tr><td>{@code heartbeat.retry-deadline}, {@code heartbeat.flush-timeout}</td><td>60000, 5000</td><td>ms or ISO-8601</td></tr>
 * <tr><td>{@code heartbeat.queue-capacity}</td><td>10000</td><td>pending signals</td></tr>
 * <tr><td>{@code heartbeat.max-queued-bytes}</td><td>8388608</td><td>bytes pending signals may keep, per endpoint; at least 1048576</td></tr>
 * <tr><td>{@code heartbeat.shutdown-hook}</td><td>true</td><td>flush at JVM exit</td></tr>
 * <tr><td>{@code heartbeat.ext-info.<plugin>.<key>}</td><td>none</td><td>static ext info, one entry per plugin</td></tr>
 * <tr><td>{@code heartbeat.monitors.healthchecks.api-key}, {@code heartbeat.monitors.cronitor.api-key}</td><td>none</td><td>the management API key a {@code withMonitor} endpoint creates or updates its check with; a secret</td></tr>
 * </table>
 * Environment variables use the usual mapping: upper case, {@code .} and {@code -} as {@code _}
 * ({@code HEARTBEAT_INTERVAL}, {@code HEARTBEAT_APP_NAME}); static ext info is not read from the
 * environment, where plugin and key names could not be told apart.
 */
public interface HeartbeatConfig {
    /** The value of {@code key} (a dotted name such as {@code heartbeat.interval}), or null when unset. */
    String get(String key);

    /**
     * The dotted keys this source holds, so that an unknown {@code heartbeat.*} key (a typo) is
     * reported instead of silently doing nothing. The default, an empty set, skips that check.
     */
    default Set<String> keys() {
        return Collections.emptySet();
    }

    /** {@code heartbeat.enabled} (or Sermant's {@code agent.service.heartbeat.enable}); default true. */
    default boolean enabled() {
        return ConfigKeys.bool(this, ConfigKeys.ENABLED, true);
    }

    /** {@code heartbeat.endpoint}, or {@code sermant://gateway.nettyIp:gateway.nettyPort}; null when neither is set. */
    default String endpoint() {
        return ConfigKeys.endpoint(this);
    }

    /** {@code heartbeat.interval}: milliseconds like Sermant, or ISO-8601; default 30 s. */
    default Duration interval() {
        return ConfigKeys.interval(this);
    }

    /** {@code heartbeat.service}; default {@code "default"}. */
    default String service() {
        return ConfigKeys.text(this, ConfigKeys.SERVICE, HeartbeatClient.Builder.DEFAULT_NAME);
    }

    /** {@code heartbeat.app-name}; default {@code "default"}. */
    default String appName() {
        return ConfigKeys.text(this, ConfigKeys.APP_NAME, HeartbeatClient.Builder.DEFAULT_NAME);
    }

    /** {@code heartbeat.app-type}; default {@code "default"}. */
    default String appType() {
        return ConfigKeys.text(this, ConfigKeys.APP_TYPE, HeartbeatClient.Builder.DEFAULT_NAME);
    }

    /** {@code heartbeat.artifact}; default {@code "default"}. */
    default String artifact() {
        return ConfigKeys.text(this, ConfigKeys.ARTIFACT, HeartbeatClient.Builder.DEFAULT_NAME);
    }

    /** {@code heartbeat.instance-id}; null (a random UUID per client) when unset. */
    default String instanceId() {
        return ConfigKeys.text(this, ConfigKeys.INSTANCE_ID, null);
    }

    /** {@code heartbeat.connect-timeout} (or Sermant's {@code gateway.nettyConnectTimeout}, ms); default 5 s. */
    default Duration connectTimeout() {
        return ConfigKeys.positive(this, ConfigKeys.CONNECT_TIMEOUT, HeartbeatClient.Builder.DEFAULT_CONNECT_TIMEOUT);
    }

    /** {@code heartbeat.read-timeout}; default 10 s. */
    default Duration readTimeout() {
        return ConfigKeys.positive(this, ConfigKeys.READ_TIMEOUT, HeartbeatClient.Builder.DEFAULT_READ_TIMEOUT);
    }

    /** {@code heartbeat.call-timeout}; default 15 s. */
    default Duration callTimeout() {
        return ConfigKeys.positive(this, ConfigKeys.CALL_TIMEOUT, HeartbeatClient.Builder.DEFAULT_CALL_TIMEOUT);
    }

    /** {@code heartbeat.retry-deadline}; default 60 s. */
    default Duration retryDeadline() {
        return ConfigKeys.positive(this, ConfigKeys.RETRY_DEADLINE, HeartbeatClient.Builder.DEFAULT_RETRY_DEADLINE);
    }

    /** {@code heartbeat.flush-timeout}; default 5 s; 0 means do not wait. */
    default Duration flushTimeout() {
        return ConfigKeys.duration(this, ConfigKeys.FLUSH_TIMEOUT, HeartbeatClient.Builder.DEFAULT_FLUSH_TIMEOUT);
    }

    /** {@code heartbeat.queue-capacity}; default 10 000. */
    default int queueCapacity() {
        return ConfigKeys.positiveInt(this, ConfigKeys.QUEUE_CAPACITY, HeartbeatClient.Builder.DEFAULT_QUEUE_CAPACITY);
    }

    /** {@code heartbeat.max-queued-bytes}; default 8 MiB per endpoint; at least 1 MiB. */
    default long maxQueuedBytes() {
        return ConfigKeys.bytesAtLeast(this, ConfigKeys.MAX_QUEUED_BYTES, HeartbeatClient.Builder.MIN_MAX_QUEUED_BYTES,
                HeartbeatClient.Builder.DEFAULT_MAX_QUEUED_BYTES);
    }

    /** {@code heartbeat.shutdown-hook}; default true. */
    default boolean shutdownHook() {
        return ConfigKeys.bool(this, ConfigKeys.SHUTDOWN_HOOK, true);
    }

    /** {@code heartbeat.ext-info.<plugin>.<key>=<value>}: static ext info by plugin name, then key. */
    default Map<String, Map<String, String>> extInfo() {
        return ConfigKeys.extInfo(this);
    }

    /** Reads {@code properties} (their dotted keys as they are). */
    static HeartbeatConfig fromProperties(Properties properties) {
        return ConfigSources.properties(properties, "properties");
    }

    /**
     * Reads a properties file, such as Sermant's {@code config.properties}.
     *
     * @throws IllegalArgumentException when the file cannot be read, naming it
     */
    static HeartbeatConfig fromFile(Path file) {
        return ConfigSources.file(file);
    }

    /**
     * Reads a properties resource from the class path (for example {@code "heartbeat.properties"}).
     *
     * @throws IllegalArgumentException when there is no such resource
     */
    static HeartbeatConfig fromClasspath(String resource) {
        return ConfigSources.classpath(resource);
    }

    /** Reads this process's environment variables ({@code HEARTBEAT_INTERVAL} for {@code heartbeat.interval}). */
    static HeartbeatConfig fromEnvironment() {
        return ConfigSources.environment(System.getenv());
    }

    /** Reads the given environment map; for tests and for embedding. */
    static HeartbeatConfig fromEnvironment(Map<String, String> environment) {
        return ConfigSources.environment(environment);
    }

    /** Reads the JVM's system properties ({@code -Dheartbeat.interval=10000}). */
    static HeartbeatConfig fromSystemProperties() {
        return ConfigSources.properties(System.getProperties(), "system properties");
    }

    /** Layers sources: for each key, the first source (highest priority first) that has it wins. */
    static HeartbeatConfig layered(HeartbeatConfig... highestFirst) {
        return ConfigSources.layered(highestFirst);
    }

    /**
     * The usual layers: system properties, then environment variables, then {@code file} (may be
     * null for none), then the defaults.
     */
    static HeartbeatConfig standard(Path file) {
        return file == null ? layered(fromSystemProperties(), fromEnvironment())
                : layered(fromSystemProperties(), fromEnvironment(), fromFile(file));
    }
}
