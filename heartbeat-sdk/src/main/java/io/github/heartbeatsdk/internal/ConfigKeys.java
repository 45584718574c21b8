package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.HeartbeatConfig;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration keys, their Sermant aliases, and parsing that names the key, the value and
 * what is accepted in every error. An endpoint value is never echoed: it may hold a secret.
 */
public final class ConfigKeys {
    public static final String ENABLED = "heartbeat.enabled";
    public static final String ENDPOINT = "heartbeat.endpoint";
    public static final String INTERVAL = "heartbeat.interval";
    public static final String SERVICE = "heartbeat.service";
    public static final String APP_NAME = "heartbeat.app-name";
    public static final String APP_TYPE = "heartbeat.app-type";
    public static final String ARTIFACT = "heartbeat.artifact";
    public static final String INSTANCE_ID = "heartbeat.instance-id";
    public static final String CONNECT_TIMEOUT = "heartbeat.connect-timeout";
    public static final String READ_TIMEOUT = "heartbeat.read-timeout";
    public static final String CALL_TIMEOUT = "heartbeat.call-timeout";
    public static final String RETRY_DEADLINE = "heartbeat.retry-deadline";
    public static final String FLUSH_TIMEOUT = "heartbeat.flush-timeout";
    public static final String QUEUE_CAPACITY = "heartbeat.queue-capacity";
    public static final String MAX_QUEUED_BYTES = "heartbeat.max-queued-bytes";
    public static final String SHUTDOWN_HOOK = "heartbeat.shutdown-hook";
    public static final String EXT_INFO_PREFIX = "heartbeat.ext-info.";
    /** Credentials of the management APIs that create checks from code: secrets, never shown. */
    public static final String MONITORS_HEALTHCHECKS_API_KEY = "heartbeat.monitors.healthchecks.api-key";
    public static final String MONITORS_CRONITOR_API_KEY = "heartbeat.monitors.cronitor.api-key";

    /** Sermant's keys with the same meaning. */
    public static final String SERMANT_ENABLE = "agent.service.heartbeat.enable";
    public static final String SERMANT_IP = "gateway.nettyIp";
    public static final String SERMANT_PORT = "gateway.nettyPort";
    public static final String SERMANT_CONNECT_TIMEOUT = "gateway.nettyConnectTimeout";

    /**
     * Keys that say the same thing: in layered configuration the highest layer that sets any key
     * of a group decides the whole group, so {@code -Dagent.service.heartbeat.enable=false} beats
     * {@code heartbeat.enabled=true} in a file.
     */
    static final List<List<String>> ALIAS_GROUPS = Collections.unmodifiableList(Arrays.asList(
            Arrays.asList(ENABLED, SERMANT_ENABLE),
            Arrays.asList(CONNECT_TIMEOUT, SERMANT_CONNECT_TIMEOUT),
            Arrays.asList(ENDPOINT, SERMANT_IP, SERMANT_PORT)));

    /** The alias group {@code key} belongs to, or null. */
    static List<String> aliasGroup(String key) {
        for (List<String> group : ALIAS_GROUPS) {
            if (group.contains(key)) {
                return group;
            }
        }
        return null;
    }

    /** Every known {@code heartbeat.*} key. */
    public static final List<String> KNOWN = Collections.unmodifiableList(Arrays.asList(ENABLED, ENDPOINT, INTERVAL,
            SERVICE, APP_NAME, APP_TYPE, ARTIFACT, INSTANCE_ID, CONNECT_TIMEOUT, READ_TIMEOUT, CALL_TIMEOUT,
            RETRY_DEADLINE, FLUSH_TIMEOUT, QUEUE_CAPACITY, MAX_QUEUED_BYTES, SHUTDOWN_HOOK,
            MONITORS_HEALTHCHECKS_API_KEY, MONITORS_CRONITOR_API_KEY));

    private static final LazyLogger log = new LazyLogger(ConfigKeys.class);

    private ConfigKeys() {
    }

    /**
     * Reports every unknown {@code heartbeat.*} key at once, with a suggestion for near misses. An
     * unknown {@code HEARTBEAT_*} environment variable is only logged at WARN: environments carry
     * variables nobody chose (Kubernetes adds {@code HEARTBEAT_SERVICE_HOST} for a service named
     * "heartbeat"), and they must not stop an application from starting.
     */
    public static void requireKnownKeys(HeartbeatConfig config) {
        List<String> problems = new ArrayList<String>();
        for (String key : config.keys()) {
            String lower = key.toLowerCase(Locale.ROOT);
            boolean ours = lower.startsWith("heartbeat.") || lower.startsWith("heartbeat_");
            if (!ours || KNOWN.contains(key) || (key.startsWith(EXT_INFO_PREFIX) && validExtInfoKey(key))) {
                continue;
            }
            String hint = closest(key);
            String problem = key + (hint != null ? " (did you mean " + hint + "?)" : "");
            if (extendsKnownKey(key)) {
                // Another library's key in a shared file, such as Kafka's heartbeat.interval.ms.
                log.get().warn("ignoring configuration key {}: not a heartbeat-sdk key", key);
            } else if (key.startsWith("HEARTBEAT_") && key.equals(key.toUpperCase(Locale.ROOT))) {
                log.get().warn("unknown heartbeat environment variable {}; ignored", problem);
            } else {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("unknown heartbeat configuration key" + (problems.size() > 1 ? "s: " : ": ")
                    + String.join(", ", problems) + "; known keys: " + String.join(", ", KNOWN) + ", "
                    + EXT_INFO_PREFIX + "<plugin>.<key>");
        }
    }

    /** The key actually set for {@code key} (itself, or its Sermant alias when only that is set), or null. */
    private static String keySet(HeartbeatConfig config, String key) {
        if (config.get(key) != null) {
            return key;
        }
        String alias = ENABLED.equals(key) ? SERMANT_ENABLE : CONNECT_TIMEOUT.equals(key) ? SERMANT_CONNECT_TIMEOUT : null;
        return alias != null && config.get(alias) != null ? alias : null;
    }

    public static boolean bool(HeartbeatConfig config, String key, boolean fallback) {
        String name = keySet(config, key);
        if (name == null) {
            return fallback;
        }
        String value = config.get(name);
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        if ("true".equals(trimmed) || "false".equals(trimmed)) {
            return Boolean.parseBoolean(trimmed);
        }
        throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
    }

    public static String text(HeartbeatConfig config, String key, String fallback) {
        String value = config.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.trim().isEmpty()) {
            throw new IllegalArgumentException(key + " must not be blank, got '" + value + "'");
        }
        return value.trim();
    }

    /** The endpoint URI, or {@code sermant://<gateway.nettyIp>:<gateway.nettyPort>} from Sermant's keys. */
    public static String endpoint(HeartbeatConfig config) {
        String uri = config.get(ENDPOINT);
        if (uri != null) {
            if (uri.trim().isEmpty()) {
                throw new IllegalArgumentException(ENDPOINT + " must not be blank");
            }
            return uri.trim();
        }
        String ip = config.get(SERMANT_IP);
        String port = config.get(SERMANT_PORT);
        if (ip == null && port == null) {
            return null;
        }
        if (port != null && !port.trim().matches("\\d{1,5}")) {
            throw new IllegalArgumentException(SERMANT_PORT + " must be a port number in 1..65535, got '" + port + "'");
        }
        return "sermant://" + (ip == null ? "127.0.0.1" : ip.trim()) + ":" + (port == null ? "6888" : port.trim());
    }

    /** Milliseconds (a plain number, like Sermant) or an ISO-8601 duration such as {@code PT30S}; zero allowed. */
    public static Duration duration(HeartbeatConfig config, String key, Duration fallback) {
        String name = keySet(config, key);
        if (name == null) {
            return fallback;
        }
        String value = config.get(name);
        String trimmed = value.trim();
        try {
            Duration parsed = trimmed.matches("\\d+") ? Duration.ofMillis(Long.parseLong(trimmed)) : Duration.parse(trimmed);
            if (parsed.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got '" + value + "'");
            }
            if (parsed.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException(name + " must be at most 7 days (PT168H), got '" + value + "'");
            }
            return parsed;
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be milliseconds or an ISO-8601 duration such as PT30S, got '"
                    + value + "'");
        }
    }

    /** A {@link #duration} of at least 1 ms, checked as the builder checks it ({@link Durations#positiveMillis}). */
    public static Duration positive(HeartbeatConfig config, String key, Duration fallback) {
        String name = keySet(config, key);
        Duration value = duration(config, key, fallback);
        return name == null ? value : Durations.positiveMillis(name, value, "'" + config.get(name) + "'");
    }

    public static Duration interval(HeartbeatConfig config) {
        Duration value = duration(config, INTERVAL, Duration.ofSeconds(30));
        if (value.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(INTERVAL + " must be at least 1000 ms (PT1S), got '" + config.get(INTERVAL) + "'");
        }
        return value;
    }

    public static int positiveInt(HeartbeatConfig config, String key, int fallback) {
        String value = config.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number >= 1, got '" + value + "'");
    }

    /** A whole number of bytes, at least {@code min}, or {@code fallback} when the key is not set. */
    public static long bytesAtLeast(HeartbeatConfig config, String key, long min, long fallback) {
        String value = config.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number of bytes >= " + min + ", got '" + value + "'");
    }

    /** {@code heartbeat.ext-info.<plugin>.<key>} entries by plugin, then key; both sorted. */
    public static Map<String, Map<String, String>> extInfo(HeartbeatConfig config) {
        Map<String, Map<String, String>> byPlugin = new TreeMap<String, Map<String, String>>();
        for (String key : config.keys()) {
            if (!key.startsWith(EXT_INFO_PREFIX) || !validExtInfoKey(key)) {
                continue;
            }
            String rest = key.substring(EXT_INFO_PREFIX.length());
            int dot = rest.indexOf('.');
            String plugin = rest.substring(0, dot);
            Map<String, String> entries = byPlugin.get(plugin);
            if (entries == null) {
                entries = new TreeMap<String, String>();
                byPlugin.put(plugin, entries);
            }
            entries.put(rest.substring(dot + 1), config.get(key));
        }
        return byPlugin;
    }

    private static boolean extendsKnownKey(String key) {
        for (String known : KNOWN) {
            if (key.startsWith(known + ".")) {
                return true;
            }
        }
        return false;
    }

    /** A plugin name and a key after the prefix, the name not blank: ext info registers under it. */
    private static boolean validExtInfoKey(String key) {
        String rest = key.substring(EXT_INFO_PREFIX.length());
        int dot = rest.indexOf('.');
        return dot > 0 && dot < rest.length() - 1 && !rest.substring(0, dot).trim().isEmpty();
    }

    /** The known key within two edits of {@code key}, if any. */
    private static String closest(String key) {
        Set<String> candidates = new LinkedHashSet<String>(KNOWN);
        candidates.add(EXT_INFO_PREFIX + "<plugin>.<key>");
        String best = null;
        int bestDistance = 3;
        for (String known : candidates) {
            int distance = distance(key.toLowerCase(Locale.ROOT).replace('_', '.'), known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
