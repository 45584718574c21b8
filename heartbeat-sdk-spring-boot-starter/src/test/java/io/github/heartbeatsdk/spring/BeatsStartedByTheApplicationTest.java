package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * An application that starts the service client's beats itself, from a CommandLineRunner (before
 * the application is ready), still starts: the starter's ready listener never throws.
 */
class BeatsStartedByTheApplicationTest {
    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration(HeartbeatAutoConfiguration.class)
    static class App {
        @Bean
        CommandLineRunner startBeatsMyself(HeartbeatClient heartbeat) {
            return args -> heartbeat.start();
        }
    }

    @Test
    void anApplicationThatStartsItsOwnBeatsStillStarts() {
        ConfigurableApplicationContext[] context = new ConfigurableApplicationContext[1];
        try {
            assertThatCode(() -> context[0] = new SpringApplicationBuilder(App.class)
                    .web(WebApplicationType.NONE)
                    .properties("heartbeat.endpoint=sermant-http+" + server.url("/beats"), "heartbeat.interval=1s")
                    .run())
                    .as("the starter's ready listener must not fail the application's start")
                    .doesNotThrowAnyException();
            assertThat(context[0].isActive()).isTrue();
        } finally {
            if (context[0] != null) {
                context[0].close();
            }
        }
    }
}
