package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Customizers are the application's code: one that throws or sets what the starter sets costs its change, never the start. */
class CustomizerGuardTest {
    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    /** HeartbeatClientCustomizer's javadoc: "Adjusts the builder ...: a proxy, a custom CA, a listener of your own." */
    @Configuration(proxyBeanMethods = false)
    static class ListenerCustomizer {
        @Bean
        HeartbeatClientCustomizer myListener() {
            return (name, builder) -> builder.listener(new HeartbeatListener() {
                @Override
                public void onSuccess(Signal signal, DeliveryResult result) {
                }
            });
        }
    }

    @Test
    void aCustomizerMayAddAListenerOfItsOwnAsItsJavadocSays() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(ListenerCustomizer.class)
                .withPropertyValues("heartbeat.endpoint=" + server.url("/svc"))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    static class ThrowingCustomizer {
        @Bean
        HeartbeatClientCustomizer broken() {
            return (name, builder) -> {
                throw new IllegalStateException("a customizer of the application's that throws");
            };
        }
    }

    /** Project rule: every call into user code (customizers included) is guarded; the host app must not die. */
    @Test
    void aThrowingCustomizerDoesNotTakeTheApplicationDown() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(ThrowingCustomizer.class)
                .withPropertyValues("heartbeat.endpoint=" + server.url("/svc"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(HeartbeatClients.class).service().ping().toCompletableFuture()
                            .get(10, TimeUnit.SECONDS).outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
                });
    }
}
