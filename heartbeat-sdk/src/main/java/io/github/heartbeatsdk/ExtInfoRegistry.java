package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.ExtInfoRenderer;
import io.github.heartbeatsdk.internal.LazyLogger;
import io.github.heartbeatsdk.internal.SdkVersion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The named ext-info providers whose answers ride on every periodic beat, one entry per plugin
 * (Sermant's {@code pluginInfoMap}). Thread-safe: register and unregister at any time, before or
 * after {@link HeartbeatClient#start()}; the next beat reflects the change.
 *
 * <p>Every provider is called fresh for every beat, on the delivery thread. Its answer is
 * rendered to strings: strings as they are, {@code null} as {@code "null"}, maps as
 * {@code {k=v, ...}} sorted by key, arrays and iterables as {@code [a, b]}, anything else by
 * {@code String.valueOf}. An answer is refused for that beat (the plugin is still listed, with
 * empty ext info) when the provider throws, returns null, has a null key, or exceeds
 * {@value io.github.heartbeatsdk.internal.ExtInfoRenderer#MAX_KEYS} keys,
 * {@value io.github.heartbeatsdk.internal.ExtInfoRenderer#MAX_KEY_LENGTH} characters per key,
 * {@value io.github.heartbeatsdk.internal.ExtInfoRenderer#MAX_VALUE_LENGTH} characters per value
 * or {@value io.github.heartbeatsdk.internal.ExtInfoRenderer#MAX_TOTAL_BYTES} UTF-8 bytes in all.
 * A refusal is logged at WARN once, and again only after the provider has recovered.
 */
public final class ExtInfoRegistry {
    /** The entry {@link HeartbeatClient#setExtInfo} fills: the application's own ext info. */
    public static final String APPLICATION = "application";

    private static final LazyLogger log = new LazyLogger(ExtInfoRegistry.class);

    /** Copy on write: registration is rare, reading (every beat) must be cheap; sorted by name. */
    private volatile Map<String, Registration> registrations = Collections.emptyMap();

    ExtInfoRegistry() {
    }

    /**
     * Adds (or replaces) the entry {@code name} with its version and provider.
     *
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public void register(String name, String version, ExtInfoProvider provider) {
        if (name == null) {
            throw new NullPointerException("name == null");
        }
        if (version == null) {
            throw new NullPointerException("version == null");
        }
        if (provider == null) {
            throw new NullPointerException("provider == null");
        }
        if (name.trim().isEmpty()) {
            throw new IllegalArgumentException("name must not be blank, got '" + name + "'");
        }
        synchronized (this) {
            Map<String, Registration> copy = new TreeMap<String, Registration>(registrations);
            copy.put(name, new Registration(name, version, provider));
            registrations = Collections.unmodifiableMap(copy);
        }
    }

    /** Sets the application's own entry ({@value #APPLICATION}, at the SDK's version). */
    void registerApplication(ExtInfoProvider provider) {
        register(APPLICATION, SdkVersion.VERSION, provider);
    }

    /** Removes the entry {@code name}; returns whether there was one. */
    public synchronized boolean unregister(String name) {
        if (!registrations.containsKey(name)) {
            return false;
        }
        Map<String, Registration> copy = new TreeMap<String, Registration>(registrations);
        copy.remove(name);
        registrations = Collections.unmodifiableMap(copy);
        return true;
    }

    /** The registered names, sorted. */
    public Set<String> names() {
        return registrations.keySet();
    }

    /** Calls every provider once and returns the entries for one beat, sorted by name. */
    Map<String, PluginInfo> evaluate() {
        Map<String, PluginInfo> plugins = new LinkedHashMap<String, PluginInfo>();
        for (Registration registration : registrations.values()) {
            plugins.put(registration.name, registration.evaluate());
        }
        return plugins;
    }

    private static final class Registration {
        final String name;
        final String version;
        final ExtInfoProvider provider;
        private volatile boolean refusing;

        Registration(String name, String version, ExtInfoProvider provider) {
            this.name = name;
            this.version = version;
            this.provider = provider;
        }

        PluginInfo evaluate() {
            Map<String, String> info;
            try {
                info = ExtInfoRenderer.render(provider.extInfo());
            } catch (ExtInfoRenderer.Refused e) {
                return refuse(e.getMessage());
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) { // Kotlin and sneaky code throw checked exceptions too
                return refuse("threw " + e);
            }
            if (refusing) {
                refusing = false;
                log.get().info("ext-info provider '{}' recovered", name);
            }
            return new PluginInfo(name, version, info);
        }

        private PluginInfo refuse(String reason) {
            if (!refusing) {
                refusing = true;
                log.get().warn("ext-info provider '{}' {}; its ext info is left out of beats until it recovers", name, reason);
            }
            return new PluginInfo(name, version, Collections.<String, String>emptyMap());
        }
    }
}
