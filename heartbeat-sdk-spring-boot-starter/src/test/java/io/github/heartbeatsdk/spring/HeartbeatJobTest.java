package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import io.github.heartbeatsdk.spring.internal.HeartbeatConfigurationException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** @HeartbeatJob methods report their runs to their checks, through every kind of proxy. */
class HeartbeatJobTest {
    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(Jobs.class)
                .withPropertyValues("heartbeat.jobs.nightly-backup.endpoint=healthchecks+" + server.url("/key/backup"),
                        "heartbeat.jobs.export.endpoint=healthchecks+" + server.url("/key/export"),
                        "heartbeat.jobs.async.endpoint=healthchecks+" + server.url("/key/async"));
    }

    /** A job bean proxied by CGLIB (no interface). */
    public static class Backup {
        private int runs;

        public int runs() {
            return runs; // through the proxy: a CGLIB proxy's own fields are never set
        }

        @HeartbeatJob("nightly-backup")
        public String backup(boolean fail) throws IOException {
            runs++;
            if (fail) {
                throw new IOException("disk full");
            }
            return "copied";
        }

        @HeartbeatJob("async")
        public CompletableFuture<String> later(CompletableFuture<String> result) {
            return result;
        }
    }

    /** A job declared on an interface: the bean is a JDK proxy. */
    public interface Exporter {
        @HeartbeatJob("export")
        void export();
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {
        @Bean
        Backup backup() {
            return new Backup();
        }

        @Bean
        Exporter exporter() {
            return () -> { };
        }
    }

    @Test
    void aSuccessfulRunSendsStartThenSuccessWithOneRunId() {
        runner().run(context -> {
            Backup backup = context.getBean(Backup.class);
            assertThat(AopUtils.isAopProxy(backup)).isTrue();

            assertThat(backup.backup(false)).isEqualTo("copied");

            RecordedRequest start = server.takeRequest(10, TimeUnit.SECONDS);
            RecordedRequest end = server.takeRequest(10, TimeUnit.SECONDS);
            assertThat(start.getTarget()).startsWith("/key/backup/start?rid=");
            String rid = start.getTarget().substring(start.getTarget().indexOf("rid="));
            assertThat(end.getTarget()).isEqualTo("/key/backup?" + rid);
        });
    }

    @Test
    void aFailingRunRethrowsTheSameExceptionAndReportsItsClassAndMessage() {
        runner().run(context -> {
            Backup backup = context.getBean(Backup.class);
            IOException thrown = null;
            try {
                backup.backup(true);
            } catch (IOException e) {
                thrown = e;
            }
            assertThat(thrown).isNotNull().hasMessage("disk full");
            assertThat(thrown.getStackTrace()[0].getMethodName()).isEqualTo("backup"); // unchanged, not wrapped

            server.takeRequest(10, TimeUnit.SECONDS); // start
            RecordedRequest fail = server.takeRequest(10, TimeUnit.SECONDS);
            assertThat(fail.getTarget()).startsWith("/key/backup/fail?rid=");
            assertThat(fail.getBody().utf8()).contains("java.io.IOException: disk full");
        });
    }

    @Test
    void anInterfaceMethodOnAJdkProxyIsReported() {
        runner().run(context -> {
            context.getBean(Exporter.class).export();
            assertThat(server.takeRequest(10, TimeUnit.SECONDS).getTarget()).startsWith("/key/export/start?rid=");
            assertThat(server.takeRequest(10, TimeUnit.SECONDS).getTarget()).startsWith("/key/export?rid=");
        });
    }

    @Test
    void aCompletionStageEndsTheRunWhenItCompletes() {
        runner().run(context -> {
            CompletableFuture<String> result = new CompletableFuture<>();
            context.getBean(Backup.class).later(result);
            assertThat(server.takeRequest(10, TimeUnit.SECONDS).getTarget()).startsWith("/key/async/start?rid=");
            assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).as("no end before the stage completes").isNull();

            result.completeExceptionally(new IllegalStateException("remote export failed"));
            RecordedRequest fail = server.takeRequest(10, TimeUnit.SECONDS);
            assertThat(fail.getTarget()).startsWith("/key/async/fail?rid=");
            assertThat(fail.getBody().utf8()).contains("java.lang.IllegalStateException: remote export failed");
        });
    }

    @Test
    void theJobNeverWaitsForTheNetwork() throws Exception {
        CountDownLatch backendAnswers = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                backendAnswers.await(30, TimeUnit.SECONDS); // a backend that hangs until the test lets it go
                return new MockResponse.Builder().code(200).build();
            }
        });
        try {
            runner().run(context -> {
                Backup backup = context.getBean(Backup.class);
                for (int i = 0; i < 3; i++) {
                    assertThat(backup.backup(false)).isEqualTo("copied");
                }
                assertThat(backup.runs()).as("three runs returned while the backend had not answered once").isEqualTo(3);
                assertThat(backendAnswers.getCount()).isEqualTo(1);
                backendAnswers.countDown();
            });
        } finally {
            backendAnswers.countDown();
        }
    }

    @Test
    void aJobWithoutACheckFailsTheStartNamingTheJobAndTheProperty() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(Jobs.class)
                .withPropertyValues("heartbeat.jobs.export.endpoint=healthchecks+" + server.url("/key/export"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    HeartbeatConfigurationException failure = HeartbeatAutoConfigurationTest.find(context.getStartupFailure());
                    assertThat(failure).isNotNull();
                    assertThat(failure.property()).isEqualTo("heartbeat.jobs.nightly-backup.endpoint");
                    assertThat(failure.getMessage()).contains("'nightly-backup'", "Backup.backup()",
                            "set heartbeat.jobs.nightly-backup.endpoint");
                });
    }

    @Test
    void withHeartbeatDisabledAJobWithoutACheckJustRuns() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(Jobs.class).withPropertyValues("heartbeat.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Backup.class).backup(false)).isEqualTo("copied");
                    assertThatThrownBy(() -> context.getBean(Backup.class).backup(true)).isInstanceOf(IOException.class);
                    assertThat(server.getRequestCount()).isZero();
                });
    }
}
