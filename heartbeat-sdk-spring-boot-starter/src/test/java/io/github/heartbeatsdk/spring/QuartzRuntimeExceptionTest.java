package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Quartz job that throws a RuntimeException, which Quartz wraps twice: the backend hears the job's
 * own exception.
 */
class QuartzRuntimeExceptionTest {
    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    public static class ThrowingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            throw new IllegalStateException("the disk is full");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {
        @Bean
        JobDetail cleanup() {
            return JobBuilder.newJob(ThrowingJob.class).withIdentity("cleanup").storeDurably().build();
        }

        @Bean
        Trigger cleanupNow() {
            return TriggerBuilder.newTrigger().forJob("cleanup").startNow().build();
        }

        @Bean
        SchedulerFactoryBean quartz(JobDetail cleanup, Trigger cleanupNow) {
            return TestQuartz.scheduler(cleanup, cleanupNow);
        }
    }

    @Test
    void aRuntimeExceptionOfTheJobIsWhatTheBackendGets() {
        Requests requests = new Requests(server);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(Jobs.class)
                .withPropertyValues("heartbeat.jobs.cleanup.endpoint=healthchecks+" + server.url("/key/cleanup"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    List<RecordedRequest> fail = requests.await(Requests.target("/key/cleanup/fail?rid="), 1,
                            Duration.ofSeconds(30));
                    assertThat(fail).hasSize(1);
                    assertThat(fail.get(0).getBody().utf8())
                            .contains("java.lang.IllegalStateException: the disk is full")
                            .doesNotContain("SchedulerException");
                });
    }
}
