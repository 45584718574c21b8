package io.github.heartbeatsdk;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One plugin's entry in a beat: name, version and this beat's ext info as strings. Immutable. */
public final class PluginInfo {
    private final String name;
    private final String version;
    private final Map<String, String> extInfo;

    /** Creates an entry; {@code extInfo} is copied and sorted by key. */
    PluginInfo(String name, String version, Map<String, String> extInfo) {
        if (name == null) {
            throw new NullPointerException("name == null");
        }
        if (version == null) {
            throw new NullPointerException("version == null");
        }
        this.name = name;
        this.version = version;
        this.extInfo = Collections.unmodifiableMap(new TreeMap<String, String>(extInfo));
    }

    /** The plugin's name, the key of Sermant's {@code pluginInfoMap}. */
    public String name() {
        return name;
    }

    /** The plugin's version. */
    public String version() {
        return version;
    }

    /** This beat's ext info, sorted by key; empty when the provider was skipped. */
    public Map<String, String> extInfo() {
        return extInfo;
    }

    @Override
    public String toString() {
        return "PluginInfo{" + name + " " + version + ", extInfo=" + extInfo.keySet() + "}";
    }
}
