package io.github.heartbeatsdk.spring.internal;

/**
 * A {@code heartbeat.*} property is missing or wrong. Its message names the property and says
 * what is wrong with it, never an endpoint's value; {@link HeartbeatFailureAnalyzer} turns it
 * into Spring Boot's "APPLICATION FAILED TO START" report.
 */
public final class HeartbeatConfigurationException extends RuntimeException {
    private final String property;

    HeartbeatConfigurationException(String property, String message) {
        super(message);
        this.property = property;
    }

    /** The property to fix, such as {@code heartbeat.jobs.nightly-backup.endpoint}. */
    public String property() {
        return property;
    }
}
