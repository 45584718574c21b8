package io.github.heartbeatsdk.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Sermant {@code HeartbeatMessage} as the receiver decoded it, from TCP or HTTP.
 *
 * @param heartbeatTime the client's time of this beat, epoch ms (0 when absent)
 * @param lastHeartbeatTime the client's time of its previous beat, epoch ms (0 for the first)
 * @param plugins one entry per plugin, in the order the client sent them
 */
public record Heartbeat(String service, String appName, String appType, String artifact, String instanceId,
                        String hostName, List<String> ip, String processId, String version,
                        long heartbeatTime, long lastHeartbeatTime, List<Plugin> plugins) {
    public Heartbeat {
        ip = List.copyOf(ip);
        plugins = List.copyOf(plugins);
    }

    /** One entry of {@code pluginInfoMap}: a plugin's name, version and ext info (in the order sent). */
    public record Plugin(String name, String version, Map<String, String> extInfo) {
        public Plugin {
            extInfo = Collections.unmodifiableMap(new LinkedHashMap<>(extInfo));
        }
    }

    /** The plugin named {@code name}, or null when this beat does not list it. */
    public Plugin plugin(String name) {
        return plugins.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
