package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.HeartbeatConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The agent's and the wrapper's settings: the SDK's {@link HeartbeatConfig} keys (Sermant's names
 * included) plus a few of the agent's own, from, highest first, the options given on the command
 * line, system properties, environment variables, a properties file, and the agent's defaults.
 *
 * <p>Options are {@code key=value} pairs separated by commas, as Sermant's agent takes them:
 * {@code endpoint=sermant://10.0.0.5:6888,service=orders}. A short key means {@code heartbeat.<key>};
 * keys starting with {@code heartbeat.}, {@code agent.} or {@code gateway.} are taken as they are.
 * Values never appear in an error message: an endpoint holds a secret.
 */
final class AgentSettings {
    /** The agent's own keys; the SDK never sees them. */
    static final String OWN_PREFIX = "heartbeat.agent.";
    static final String LOG_LEVEL = "heartbeat.agent.log-level";
    static final String JVM_INFO = "heartbeat.agent.jvm-info";
    static final String CONFIG = "heartbeat.agent.config";
    static final List<String> OWN_KEYS = Collections.unmodifiableList(Arrays.asList(LOG_LEVEL, JVM_INFO, CONFIG));
    /** Option names that stand for the agent's own keys, such as {@code log-level=debug}. */
    private static final List<String> OWN_SHORT = Arrays.asList("log-level", "jvm-info", "config");

    private final HeartbeatConfig layers;
    private final HeartbeatConfig sdkView;
    private final List<String> ignored = new ArrayList<String>();

    private AgentSettings(HeartbeatConfig layers) {
        this.layers = layers;
        this.sdkView = new WithoutOwnKeys(layers);
    }

    /**
     * Splits {@code key=value,key=value} into a map of full key names (see the class doc). Blank
     * or null options are none; a value may hold {@code =} but not {@code ,}.
     *
     * @throws IllegalArgumentException for an item without {@code =} or with an empty key, by its position
     */
    static Map<String, String> parseOptions(String options) {
        Map<String, String> parsed = new LinkedHashMap<String, String>();
        if (options == null || options.trim().isEmpty()) {
            return parsed;
        }
        String[] items = options.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            int eq = item.indexOf('=');
            // A key is a name: text such as "https://host/SECRET?status" before an '=' is a value given without its key.
            if (eq <= 0 || !item.substring(0, eq).trim().matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("agent option " + (i + 1) + " of " + items.length
                        + " must be key=value (options are separated by ',')");
            }
            parsed.put(fullKey(item.substring(0, eq).trim()), item.substring(eq + 1).trim());
        }
        return parsed;
    }

    /** {@code service} is {@code heartbeat.service}; {@code log-level} is {@code heartbeat.agent.log-level}. */
    static String fullKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("heartbeat.") || lower.startsWith("agent.") || lower.startsWith("gateway.")) {
            return key;
        }
        return (OWN_SHORT.contains(key) ? OWN_PREFIX : "heartbeat.") + key;
    }

    /**
     * The layers for {@code options} (full key names), this JVM's system properties and
     * {@code environment}, the file named by {@code heartbeat.agent.config} in any of them, and
     * {@code defaults} (full key names; may be empty).
     *
     * @throws IllegalArgumentException for an unknown {@code heartbeat.agent.*} key or a file that
     *     cannot be read, naming it
     */
    static AgentSettings load(Map<String, String> options, Properties systemProperties, Map<String, String> environment,
                              Map<String, String> defaults) {
        List<HeartbeatConfig> layers = new ArrayList<HeartbeatConfig>();
        layers.add(HeartbeatConfig.fromProperties(properties(options)));
        layers.add(HeartbeatConfig.fromProperties(systemProperties));
        layers.add(HeartbeatConfig.fromEnvironment(environment));
        String file = HeartbeatConfig.layered(layers.toArray(new HeartbeatConfig[0])).get(CONFIG);
        if (file != null && !file.trim().isEmpty()) {
            layers.add(file(Paths.get(file.trim())));
        }
        layers.add(HeartbeatConfig.fromProperties(properties(defaults)));
        HeartbeatConfig all = HeartbeatConfig.layered(layers.toArray(new HeartbeatConfig[0]));
        AgentSettings settings = new AgentSettings(all);
        settings.requireKnownOwnKeys(all);
        return settings;
    }

    /** The most a configuration file may hold: config= naming a device or a log by mistake must not fill the heap. */
    static final int MAX_FILE_BYTES = 1 << 20;

    /**
     * The properties file {@code path} (UTF-8), read at most {@link #MAX_FILE_BYTES} bytes.
     *
     * @throws IllegalArgumentException naming the file, when it cannot be read, is larger or is not a properties file
     */
    static HeartbeatConfig file(Path path) {
        String prefix = "cannot read heartbeat configuration file " + path + ": ";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                bytes.write(chunk, 0, n);
                if (bytes.size() > MAX_FILE_BYTES) {
                    throw new IllegalArgumentException(prefix + "larger than " + MAX_FILE_BYTES + " bytes");
                }
            }
            Properties properties = new Properties();
            properties.load(new StringReader(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString()));
            return HeartbeatConfig.fromProperties(properties);
        } catch (IOException e) {
            throw new IllegalArgumentException(prefix + e, e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(prefix)) {
                throw e;
            }
            throw new IllegalArgumentException(prefix + e.getMessage(), e); // Properties: a malformed backslash-u escape
        }
    }

    /** What the SDK is built from: every layer without the agent's own keys. */
    HeartbeatConfig sdkConfig() {
        return sdkView;
    }

    /** {@code heartbeat.agent.log-level}, or {@code fallback}. */
    String logLevel(String fallback) {
        String level = layers.get(LOG_LEVEL);
        return level == null || level.trim().isEmpty() ? fallback : level.trim();
    }

    /**
     * {@code heartbeat.agent.jvm-info}: whether beats carry the {@code jvm} ext-info entry.
     *
     * @throws IllegalArgumentException unless true or false
     */
    boolean jvmInfo() {
        String value = layers.get(JVM_INFO);
        if (value == null || value.trim().isEmpty()) {
            return false;
        }
        String trimmed = value.trim();
        if ("true".equalsIgnoreCase(trimmed) || "false".equalsIgnoreCase(trimmed)) {
            return Boolean.parseBoolean(trimmed);
        }
        throw new IllegalArgumentException(JVM_INFO + " must be true or false, got '" + trimmed + "'");
    }

    /**
     * An unknown {@code heartbeat.agent.*} key is a mistake someone wrote: it fails. An unknown
     * {@code HEARTBEAT_AGENT_*} environment variable is only noted ({@link #ignoredVariables()}),
     * as the SDK does for {@code HEARTBEAT_*}: environments carry variables nobody chose for us.
     */
    private void requireKnownOwnKeys(HeartbeatConfig config) {
        for (String key : config.keys()) {
            if (isOwn(key) && !OWN_KEYS.contains(dotted(key))) {
                if (key.startsWith("HEARTBEAT_AGENT_")) {
                    ignored.add(key);
                } else {
                    throw new IllegalArgumentException("unknown agent setting " + key + "; known: "
                            + String.join(", ", OWN_KEYS));
                }
            }
        }
    }

    /** The unknown {@code HEARTBEAT_AGENT_*} environment variables, which are ignored. */
    List<String> ignoredVariables() {
        return Collections.unmodifiableList(ignored);
    }

    /** True for {@code heartbeat.agent.*} and {@code HEARTBEAT_AGENT_*}. */
    static boolean isOwn(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith(OWN_PREFIX) || key.startsWith("HEARTBEAT_AGENT_");
    }

    private static String dotted(String key) {
        if (!key.startsWith("HEARTBEAT_AGENT_")) {
            return key;
        }
        for (String own : OWN_KEYS) {
            if (own.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_').equals(key)) {
                return own;
            }
        }
        return key;
    }

    private static Properties properties(Map<String, String> values) {
        Properties properties = new Properties();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            properties.setProperty(entry.getKey(), entry.getValue());
        }
        return properties;
    }

    /** The layers as the SDK sees them: its unknown-key check never meets the agent's keys. */
    private static final class WithoutOwnKeys implements HeartbeatConfig {
        private final HeartbeatConfig all;

        WithoutOwnKeys(HeartbeatConfig all) {
            this.all = all;
        }

        @Override
        public String get(String key) {
            return isOwn(key) ? null : all.get(key);
        }

        @Override
        public Set<String> keys() {
            Set<String> keys = new LinkedHashSet<String>();
            for (String key : all.keys()) {
                if (!isOwn(key)) {
                    keys.add(key);
                }
            }
            return keys;
        }

        @Override
        public String toString() {
            return "HeartbeatConfig{agent}";
        }
    }
}
