package io.github.heartbeatsdk.spring.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a bad {@code heartbeat.*} property as Spring Boot reports its own: what is wrong, and what to do. */
public final class HeartbeatFailureAnalyzer extends AbstractFailureAnalyzer<HeartbeatConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, HeartbeatConfigurationException cause) {
        return new FailureAnalysis("heartbeat-sdk could not start: " + cause.getMessage(),
                "Set " + cause.property() + " correctly in application.properties, application.yaml or the"
                        + " environment. The Spring Boot page of heartbeat-sdk's docs lists every heartbeat.* property"
                        + " and a ready-made value for each backend.", cause);
    }
}
