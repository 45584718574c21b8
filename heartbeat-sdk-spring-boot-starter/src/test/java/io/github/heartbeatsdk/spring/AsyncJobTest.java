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
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Async} with {@code @HeartbeatJob} (the common "@Scheduled @Async" pattern): the run is
 * reported from the thread that runs the method, so its start, end and exception are the job's.
 */
class AsyncJobTest {
    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    static final CountDownLatch release = new CountDownLatch(1);
    static final CountDownLatch finished = new CountDownLatch(1);

    public static class AsyncJob {
        @Async
        @HeartbeatJob("async-void")
        public void run() throws Exception {
            try {
                release.await(30, TimeUnit.SECONDS);
                throw new IllegalStateException("async job failed");
            } finally {
                finished.countDown();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    static class Jobs {
        @Bean
        AsyncJob asyncJob() {
            return new AsyncJob();
        }
    }

    @Test
    void anAsyncVoidJobIsReportedWhenItEndsAndItsFailureIsReported() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(Jobs.class)
                .withPropertyValues("heartbeat.jobs.async-void.endpoint=healthchecks+" + server.url("/key/async"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    try {
                        context.getBean(AsyncJob.class).run();
                        RecordedRequest start = server.takeRequest(10, TimeUnit.SECONDS);
                        assertThat(start.getTarget()).startsWith("/key/async/start?rid=");
                        RecordedRequest early = server.takeRequest(1, TimeUnit.SECONDS);
                        assertThat(early).as("no end while the job is still running (got %s)",
                                early == null ? null : early.getTarget()).isNull();
                    } finally {
                        release.countDown();
                    }
                    assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
                    RecordedRequest end = server.takeRequest(10, TimeUnit.SECONDS);
                    assertThat(end).isNotNull();
                    assertThat(end.getTarget()).as("the job threw: its run must end as failed")
                            .startsWith("/key/async/fail?rid=");
                });
    }
}
