package io.github.heartbeatsdk.spring.internal;

import java.util.List;
import java.util.Map;

/**
 * The application's own health status, from actuator's health endpoint (whose package differs
 * between Spring Boot 3 and 4: one small adapter each).
 *
 * <p>The starter's own {@code heartbeat} contributor is left out: a backend that cannot be reached
 * must not make the application look down and so silence its beats.
 */
@FunctionalInterface
public interface AppHealth {
    /** The name of the starter's health contributor, left out of {@link #status()}. */
    String OWN_CONTRIBUTOR = "heartbeat";

    /** The status code, such as UP, DOWN or OUT_OF_SERVICE, or null when unknown; may block while health indicators run. */
    String status();

    /**
     * The worst of the components' statuses other than ours, in Spring Boot's default order
     * (DOWN, OUT_OF_SERVICE, UP, UNKNOWN); a status of the application's own counts as UP.
     */
    static String worstOf(Map<String, String> statusByComponent) {
        List<String> order = List.of("DOWN", "OUT_OF_SERVICE", "UP", "UNKNOWN");
        String worst = null;
        for (Map.Entry<String, String> component : statusByComponent.entrySet()) {
            if (OWN_CONTRIBUTOR.equals(component.getKey())) {
                continue;
            }
            String code = order.contains(component.getValue()) ? component.getValue() : "UP";
            if (worst == null || order.indexOf(code) < order.indexOf(worst)) {
                worst = code;
            }
        }
        return worst == null ? "UNKNOWN" : worst;
    }
}
