package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.ShutdownHooks;
import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import io.github.heartbeatsdk.spring.internal.HeartbeatConfigurationException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The beans the starter makes from heartbeat.* properties, and how bad properties fail the start. */
class HeartbeatAutoConfigurationTest {
    static final String SECRET = "7f1c2d3e-secret-uuid";

    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    final StarterThreads threads = new StarterThreads();

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class));

    private String check(String name) {
        return server.url("/" + name + "/" + SECRET).toString();
    }

    @Test
    void withoutAnEndpointTheClientBeanDoesNothingAndStartsNoThread() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(HeartbeatClient.class).hasSingleBean(HeartbeatClients.class);
            HeartbeatClient client = context.getBean(HeartbeatClient.class);
            assertThat(client.isEnabled()).isFalse();
            assertThat(client.ping().toCompletableFuture().get(5, TimeUnit.SECONDS).outcome())
                    .isEqualTo(DeliveryResult.Outcome.SKIPPED);
            assertThat(context.getBean(HeartbeatClients.class).jobNames()).isEmpty();
            assertThat(threads.started()).isEmpty();
        });
    }

    @Test
    void anEndpointGivesAClientThatPingsIt() {
        int hooksBefore = ShutdownHooks.registered();
        runner.withPropertyValues("heartbeat.endpoint=healthchecks+" + check("svc"),
                "heartbeat.jobs.backup.endpoint=" + check("backup")).run(context -> {
            assertThat(ShutdownHooks.registered()).as("the starter closes its clients: no SDK exit hook for them")
                    .isEqualTo(hooksBefore);
            HeartbeatClient client = context.getBean(HeartbeatClient.class);
            assertThat(client.isEnabled()).isTrue();
            assertThat(client.endpointName()).doesNotContain(SECRET);
            DeliveryResult result = client.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/svc/" + SECRET);
            assertThat(threads.started()).allMatch(name -> name.startsWith("heartbeat-sdk-spring-"),
                    "the clients share the starter's executor, not a thread each");
        });
    }

    @Test
    void enabledFalseGivesClientsThatDoNothingEvenWithEndpointsAndJobs() {
        runner.withPropertyValues("heartbeat.enabled=false", "heartbeat.endpoint=healthchecks+" + check("svc"),
                "heartbeat.jobs.backup.endpoint=healthchecks+" + check("backup")).run(context -> {
            HeartbeatClients clients = context.getBean(HeartbeatClients.class);
            assertThat(clients.service().isEnabled()).isFalse();
            assertThat(clients.job("backup").isEnabled()).isFalse();
            assertThat(clients.job("backup").ping().toCompletableFuture().get(5, TimeUnit.SECONDS).outcome())
                    .isEqualTo(DeliveryResult.Outcome.SKIPPED);
            assertThat(threads.started()).isEmpty();
            assertThat(server.getRequestCount()).isZero();
        });
    }

    @Test
    void eachJobGetsItsOwnCheckAndAnUnknownJobNamesTheProperty() {
        runner.withPropertyValues("heartbeat.jobs.nightly-backup.endpoint=healthchecks+" + check("backup"),
                "heartbeat.jobs.report.endpoint=" + check("report")).run(context -> {
            HeartbeatClients clients = context.getBean(HeartbeatClients.class);
            assertThat(clients.jobNames()).containsExactly("nightly-backup", "report");
            clients.job("nightly-backup").run("nightly-backup", () -> { });
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).startsWith("/backup/" + SECRET + "/start?rid=");
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).startsWith("/backup/" + SECRET + "?rid=");
            clients.job("report").ping();
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/report/" + SECRET);
            assertThat(clients.service().isEnabled()).isFalse();

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.job("nightly"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeat.jobs.nightly.endpoint");
        });
    }

    @Test
    void theServiceNameDefaultsToTheApplicationName() {
        runner.withPropertyValues("spring.application.name=orders", "heartbeat.endpoint=sermant-http+" + check("beats"),
                "heartbeat.interval=1s").run(context -> {
            HeartbeatClient client = context.getBean(HeartbeatClient.class);
            client.start();
            RecordedRequest beat = server.takeRequest(30, TimeUnit.SECONDS);
            assertThat(beat).isNotNull();
            assertThat(beat.getBody().utf8()).contains("\"service\":\"orders\"");
        });
        runner.withPropertyValues("spring.application.name=orders", "heartbeat.service=billing",
                "heartbeat.endpoint=sermant-http+" + check("beats"), "heartbeat.interval=1s").run(context -> {
            context.getBean(HeartbeatClient.class).start();
            assertThat(server.takeRequest(30, TimeUnit.SECONDS).getBody().utf8()).contains("\"service\":\"billing\"");
        });
    }

    @Test
    void badValuesFailTheStartNamingTheKeyAndNeverTheSecret() {
        assertFailure(runner.withPropertyValues("heartbeat.endpoint=healthchecks+" + check("svc"), "heartbeat.interval=500ms"),
                "heartbeat.interval");
        assertFailure(runner.withPropertyValues("heartbeat.endpoint=ftp://user:" + SECRET + "@example.com/x"),
                "heartbeat.endpoint");
        assertFailure(runner.withPropertyValues("heartbeat.jobs.backup.endpoint=nonsense+https://hc-ping.com/" + SECRET),
                "heartbeat.jobs.backup.endpoint");
        assertFailure(runner.withPropertyValues("heartbeat.jobs.backup.endpoint= "), "heartbeat.jobs.backup.endpoint");
        assertFailure(runner.withPropertyValues("heartbeat.jobs.service.endpoint=" + check("x")), "heartbeat.jobs.service.endpoint");
        assertFailure(runner.withPropertyValues("heartbeat.endpoint=" + check("svc"), "heartbeat.queue-capacity=0"),
                "heartbeat.queue-capacity");
        assertFailure(runner.withPropertyValues("heartbeat.endpoint=" + check("svc"), "heartbeat.max-queued-bytes=10"),
                "heartbeat.max-queued-bytes");
        assertFailure(runner.withPropertyValues("heartbeat.health.failure-threshold=0"), "heartbeat.health.failure-threshold");
        runner.withPropertyValues("heartbeat.interval=soon").run(context -> {
            assertThat(context).hasFailed();
            assertThat(causes(context.getStartupFailure())).contains("heartbeat.interval"); // Spring's binding error
        });
    }

    private static void assertFailure(ApplicationContextRunner runner, String key) {
        runner.run(context -> {
            assertThat(context).hasFailed();
            HeartbeatConfigurationException failure = find(context.getStartupFailure());
            assertThat(failure).as("a HeartbeatConfigurationException in " + causes(context.getStartupFailure())).isNotNull();
            assertThat(failure.property()).isEqualTo(key);
            assertThat(failure.getMessage()).contains(key);
            assertThat(causes(context.getStartupFailure())).doesNotContain(SECRET);
        });
    }

    static HeartbeatConfigurationException find(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof HeartbeatConfigurationException e) {
                return e;
            }
        }
        return null;
    }

    static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    @Test
    void theApplicationsOwnBeansWin() {
        runner.withUserConfiguration(OwnClient.class).withPropertyValues("heartbeat.endpoint=" + check("ignored"))
                .run(context -> {
                    assertThat(context).hasSingleBean(HeartbeatClient.class);
                    assertThat(context.getBean(HeartbeatClient.class)).isSameAs(OwnClient.client);
                    assertThat(context.getBean(HeartbeatClients.class).service()).isSameAs(OwnClient.client);
                });
        assertThat(OwnClient.client.isEnabled()).isTrue(); // the starter never closes a client it did not make
        OwnClient.client.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        static final HeartbeatClient client = HeartbeatClient.builder()
                .endpoint(Endpoints.url("http://127.0.0.1:9/own")).shutdownHook(false).build();

        @Bean(destroyMethod = "")
        HeartbeatClient myClient() {
            return client;
        }
    }

    @Test
    void customizersAndListenersApplyToEveryClient() {
        runner.withUserConfiguration(Extras.class).withPropertyValues("heartbeat.endpoint=" + check("svc"),
                "heartbeat.jobs.backup.endpoint=" + check("backup")).run(context -> {
            assertThat(Extras.customized).containsExactly(HeartbeatClients.SERVICE, "backup");
            HeartbeatClients clients = context.getBean(HeartbeatClients.class);
            clients.service().ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
            clients.job("backup").ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(Extras.heard).hasSize(2);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Extras {
        static final List<String> customized = new CopyOnWriteArrayList<>();
        static final List<String> heard = new CopyOnWriteArrayList<>();

        @Bean
        HeartbeatClientCustomizer recordingCustomizer() {
            return (name, builder) -> {
                customized.add(name);
                builder.connectTimeout(Duration.ofSeconds(2));
            };
        }

        @Bean
        HeartbeatListener throwingListener() {
            return new HeartbeatListener() {
                @Override
                public void onSuccess(Signal signal, DeliveryResult result) {
                    throw new IllegalStateException("a listener of the application's that throws");
                }
            };
        }

        @Bean
        HeartbeatListener recordingListener() {
            return new HeartbeatListener() {
                @Override
                public void onSuccess(Signal signal, DeliveryResult result) {
                    heard.add(result.endpoint());
                }
            };
        }
    }
}
