package io.github.heartbeatsdk.internal;

import java.util.List;

/** Names of endpoints that are safe to log: a preset's redacted toString(), a user's endpoint by class. */
public final class EndpointNames {
    private EndpointNames() {
    }

    /** The SDK's presets redact themselves in toString(); a user's endpoint might not, so only its class is shown. */
    public static String nameOf(Object endpoint) {
        String type = endpoint.getClass().getName();
        boolean preset = type.startsWith("io.github.heartbeatsdk.") && type.endsWith("Endpoint") && type.indexOf('$') < 0;
        return preset ? endpoint.toString() : type;
    }

    /** Safe names of several endpoints: one name alone, or a list. */
    public static String namesOf(List<?> endpoints) {
        if (endpoints.size() == 1) {
            return nameOf(endpoints.get(0));
        }
        StringBuilder names = new StringBuilder("[");
        for (Object endpoint : endpoints) {
            names.append(names.length() > 1 ? ", " : "").append(nameOf(endpoint));
        }
        return names.append(']').toString();
    }
}
