package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A ping URL (a secret) read through a placeholder is masked wherever actuator shows it. */
class PlaceholderSecretTest {
    static final String SECRET = "9d3f-placeholder-secret";

    /** docs/spring-boot.md's "endpoint: ${NIGHTLY_BACKUP_CHECK}": the variable holding the URL is masked too. */
    @Test
    void theDocumentedPlaceholderPatternKeepsTheSecretOutOfTheEnvEndpoint() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class,
                        EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
                .withSystemProperties("NIGHTLY_BACKUP_CHECK=https://hc-ping.com/" + SECRET)
                .withPropertyValues("heartbeat.jobs.nightly-backup.endpoint=${NIGHTLY_BACKUP_CHECK}",
                        "management.endpoints.web.exposure.include=env",
                        "management.endpoint.env.show-values=always")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
                    List<String> shown = new ArrayList<>();
                    env.environment(null).getPropertySources().forEach(source -> source.getProperties()
                            .forEach((key, value) -> shown.add(key + "=" + value.getValue())));
                    assertThat(shown).anyMatch(s -> s.startsWith("heartbeat.jobs.nightly-backup.endpoint="));
                    assertThat(shown).noneMatch(s -> s.contains(SECRET));
                });
    }

}
