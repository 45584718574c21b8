package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashed job name configured from an environment variable: HEARTBEAT_JOBS_NIGHTLYBACKUP_ENDPOINT
 * binds "nightlybackup", which names the job "nightly-backup" as Spring's relaxed binding does.
 */
class JobNamesFromTheEnvironmentTest {
    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    public static class Backup {
        @HeartbeatJob("nightly-backup")
        public void run() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {
        @Bean
        Backup backup() {
            return new Backup();
        }
    }

    @Test
    void aDashedJobCanBeConfiguredFromAnEnvironmentVariable() {
        String url = "healthchecks+" + server.url("/key/backup");
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(Jobs.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment",
                                Map.of("HEARTBEAT_JOBS_NIGHTLYBACKUP_ENDPOINT", url))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(Backup.class).run();
                    RecordedRequest start = server.takeRequest(10, TimeUnit.SECONDS);
                    assertThat(start).isNotNull();
                    assertThat(start.getTarget()).startsWith("/key/backup/start?rid=");
                });
    }
}
