package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.HeartbeatConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The sources behind {@link HeartbeatConfig}'s factories. */
public final class ConfigSources {
    private ConfigSources() {
    }

    /** A snapshot of {@code properties}, taken now. */
    public static HeartbeatConfig properties(Properties properties, String origin) {
        if (properties == null) {
            throw new NullPointerException(origin + " == null");
        }
        final Map<String, String> values = new HashMap<String, String>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return new MapConfig(values, origin);
    }

    public static HeartbeatConfig file(Path file) {
        if (file == null) {
            throw new NullPointerException("file == null");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties(properties, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read heartbeat configuration file " + file + ": " + e, e);
        } catch (IllegalArgumentException e) { // Properties.load on a malformed unicode escape, such as a Windows path
            throw new IllegalArgumentException("cannot read heartbeat configuration file " + file + ": " + e.getMessage()
                    + " (a backslash starts an escape in a properties file: write C:\\\\dir or C:/dir)", e);
        }
    }

    public static HeartbeatConfig classpath(String resource) {
        if (resource == null) {
            throw new NullPointerException("resource == null");
        }
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : ConfigSources.class.getClassLoader()).getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no class path resource " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties(properties, "classpath:" + name);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read class path resource " + name + ": " + e, e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("no class path resource")) {
                throw e;
            }
            throw new IllegalArgumentException("cannot read class path resource " + name + ": " + e.getMessage(), e);
        }
    }

    /** Environment variables: {@code heartbeat.app-name} is {@code HEARTBEAT_APP_NAME}. */
    public static HeartbeatConfig environment(final Map<String, String> environment) {
        if (environment == null) {
            throw new NullPointerException("environment == null");
        }
        final Map<String, String> copy = new HashMap<String, String>(environment);
        return new HeartbeatConfig() {
            @Override
            public String get(String key) {
                return copy.get(envName(key));
            }

            @Override
            public Set<String> keys() {
                Set<String> keys = new LinkedHashSet<String>();
                for (String name : copy.keySet()) {
                    if (name.startsWith("HEARTBEAT_")) {
                        keys.add(knownKeyFor(name));
                    }
                }
                return keys;
            }

            @Override
            public String toString() {
                return "HeartbeatConfig{environment}";
            }
        };
    }

    /** For each key, the first source that has it. */
    public static HeartbeatConfig layered(final HeartbeatConfig... highestFirst) {
        final List<HeartbeatConfig> layers = Arrays.asList(highestFirst.clone());
        for (HeartbeatConfig layer : layers) {
            if (layer == null) {
                throw new NullPointerException("config layer == null");
            }
        }
        return new HeartbeatConfig() {
            @Override
            public String get(String key) {
                List<String> group = ConfigKeys.aliasGroup(key);
                for (HeartbeatConfig layer : layers) {
                    if (group == null ? layer.get(key) != null : setsAny(layer, group)) {
                        return layer.get(key); // with aliases: this layer decides, even if it set another name
                    }
                }
                return null;
            }

            @Override
            public Set<String> keys() {
                Set<String> keys = new LinkedHashSet<String>();
                for (HeartbeatConfig layer : layers) {
                    keys.addAll(layer.keys());
                }
                return keys;
            }

            @Override
            public String toString() {
                return "HeartbeatConfig{layers=" + layers + "}";
            }
        };
    }

    private static boolean setsAny(HeartbeatConfig layer, List<String> keys) {
        for (String key : keys) {
            if (layer.get(key) != null) {
                return true;
            }
        }
        return false;
    }

    /** {@code heartbeat.app-name} becomes {@code HEARTBEAT_APP_NAME}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The known dotted key an environment variable stands for, or the variable's own name when none. */
    private static String knownKeyFor(String envName) {
        for (String known : ConfigKeys.KNOWN) {
            if (envName(known).equals(envName)) {
                return known;
            }
        }
        return envName;
    }

    private static final class MapConfig implements HeartbeatConfig {
        private final Map<String, String> values;
        private final String origin;

        MapConfig(Map<String, String> values, String origin) {
            this.values = values;
            this.origin = origin;
        }

        @Override
        public String get(String key) {
            return values.get(key);
        }

        @Override
        public Set<String> keys() {
            return Collections.unmodifiableSet(values.keySet());
        }

        @Override
        public String toString() {
            return "HeartbeatConfig{" + origin + "}";
        }
    }
}
