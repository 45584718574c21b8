package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.ExtInfoProvider;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Beats start when the application is ready, not before, and only where they are on. */
class BeatsLifecycleTest {
    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class)).withUserConfiguration(Plugins.class);

    @Configuration(proxyBeanMethods = false)
    static class Plugins {
        @Bean
        ExtInfoProvider inventory() {
            return () -> Map.of("items", 42);
        }
    }

    private static void ready(ConfigurableApplicationContext context) {
        context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
    }

    @Test
    void aSermantEndpointBeatsOnceReadyAndNotBefore() {
        runner.withPropertyValues("heartbeat.endpoint=sermant-http+" + server.url("/beats"), "heartbeat.interval=1s")
                .run(context -> {
                    HeartbeatClient client = context.getBean(HeartbeatClient.class);
                    assertThat(client.extInfo().names()).as("providers are registered once ready").isEmpty();
                    ready(context);
                    assertThat(client.extInfo().names()).contains("inventory");
                    assertThatThrownBy(client::start).as("the starter has started the beats")
                            .isInstanceOf(IllegalStateException.class).hasMessageContaining("already called");
                    String beat = server.takeRequest(30, TimeUnit.SECONDS).getBody().utf8();
                    assertThat(beat).contains("\"inventory\"", "42");
                    ready(context); // a second ready event (a child context's) changes nothing
                });
    }

    @Test
    void beforeReadyTheBeatsHaveNotStarted() {
        runner.withPropertyValues("heartbeat.endpoint=sermant-http+" + server.url("/beats"), "heartbeat.interval=1s")
                .run(context -> {
                    // start() throws once beats run: that it succeeds here proves the starter has not started them.
                    context.getBean(HeartbeatClient.class).start();
                });
    }

    @Test
    void aPingUrlDoesNotBeatUnlessAskedTo() {
        runner.withPropertyValues("heartbeat.endpoint=" + server.url("/ping"), "heartbeat.interval=1s").run(context -> {
            ready(context);
            context.getBean(HeartbeatClient.class).start(); // not started by the starter: beats are off for a ping URL
        });
        runner.withPropertyValues("heartbeat.endpoint=" + server.url("/ping"), "heartbeat.interval=1s",
                "heartbeat.beats.enabled=true").run(context -> {
            ready(context);
            assertThat(server.takeRequest(30, TimeUnit.SECONDS).getTarget()).isEqualTo("/ping");
        });
    }

    @Test
    void beatsCanBeTurnedOffForASermantEndpoint() {
        runner.withPropertyValues("heartbeat.endpoint=sermant-http+" + server.url("/beats"), "heartbeat.beats.enabled=false")
                .run(context -> {
                    ready(context);
                    context.getBean(HeartbeatClient.class).start(); // would throw had the starter started them
                });
    }
}
