package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import jakarta.annotation.PreDestroy;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter closes its clients after every other bean: what @PreDestroy methods send is delivered. */
class ShutdownOrderTest {
    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    /** Holds the clients: Spring destroys it before them in any case. */
    public static class Injected {
        private final HeartbeatClients clients;

        public Injected(HeartbeatClients clients) {
            this.clients = clients;
        }

        @PreDestroy
        public void lastRun() {
            clients.job("backup").run("backup", () -> { });
        }
    }

    /** Looks the clients up only when it is destroyed: no dependency tells Spring to destroy it first. */
    public static class LooksUp {
        private final ObjectProvider<HeartbeatClients> clients;

        public LooksUp(ObjectProvider<HeartbeatClients> clients) {
            this.clients = clients;
        }

        @PreDestroy
        public void goodbye() {
            clients.getObject().service().ping();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        LooksUp looksUp(ObjectProvider<HeartbeatClients> clients) {
            return new LooksUp(clients);
        }

        @Bean
        Injected injected(HeartbeatClients clients) {
            return new Injected(clients);
        }
    }

    @Test
    void signalsFromPreDestroyAreDeliveredAndNothingIsLeftRunning() throws Exception {
        StarterThreads threads = new StarterThreads();
        ConfigurableApplicationContext[] holder = new ConfigurableApplicationContext[1];
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(Beans.class)
                .withPropertyValues("heartbeat.endpoint=" + server.url("/service"),
                        "heartbeat.jobs.backup.endpoint=healthchecks+" + server.url("/key/backup"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    holder[0] = context;
                    assertThat(server.getRequestCount()).isZero();
                });
        // The runner has closed the context: each @PreDestroy sent its signals, then the clients flushed them.
        assertThat(holder[0].isActive()).isFalse();
        List<String> targets = new ArrayList<>();
        for (RecordedRequest r; targets.size() < 3 && (r = server.takeRequest(5, TimeUnit.SECONDS)) != null; ) {
            targets.add(r.getTarget());
        }
        assertThat(targets).hasSize(3).contains("/service").anyMatch(t -> t.startsWith("/key/backup/start?rid="))
                .anyMatch(t -> t.startsWith("/key/backup?rid="));

        assertThat(threads.startedAfterWaiting()).as("the starter's threads end with the context").isEmpty();
    }
}
