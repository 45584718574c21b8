package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The start checks every @HeartbeatJob: behind a JDK proxy too, and on methods a proxy cannot intercept. */
@ExtendWith(OutputCaptureExtension.class)
class JobValidationTest {
    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    public interface Exporter {
        CompletableFuture<String> export();
    }

    /** @Async proxies an interface-implementing bean with a JDK proxy before the starter's post-processor sees it. */
    public static class AsyncExporter implements Exporter {
        @Async
        @HeartbeatJob("not-configured")
        @Override
        public CompletableFuture<String> export() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAsync
    static class AsyncJobs {
        @Bean
        Exporter exporter() {
            return new AsyncExporter();
        }
    }

    /** The check looks at the implementation behind a JDK proxy, where the annotation is. */
    @Test
    void aJobWithoutACheckOnAJdkProxiedBeanFailsTheStart() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(AsyncJobs.class)
                .withPropertyValues("heartbeat.jobs.other.endpoint=healthchecks+" + server.url("/key/other"))
                .run(context -> assertThat(context).as("@HeartbeatJob(\"not-configured\") has no check").hasFailed());
    }

    public static class FinalJob {
        @HeartbeatJob("final-job")
        public final void run() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FinalJobs {
        @Bean
        FinalJob finalJob() {
            return new FinalJob();
        }
    }

    /** A final method cannot be intercepted: its runs would never be reported, so the start refuses it, naming it. */
    @Test
    void aFinalJobMethodIsRefusedAtStart() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(FinalJobs.class)
                .withPropertyValues("heartbeat.jobs.final-job.endpoint=healthchecks+" + server.url("/key/final"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(HeartbeatAutoConfigurationTest.causes(context.getStartupFailure()))
                            .contains("@HeartbeatJob(\"final-job\")", "a final method", "make it a public, non-final");
                });
    }

    /**
     * Docs: "With heartbeat.enabled=false it just runs." It runs, but every call logs a WARN
     * "could not report the start of job ..." (HeartbeatClients.job throws for the unconfigured name).
     */
    @Test
    void withHeartbeatDisabledAnUnconfiguredJobRunsWithoutAWarningPerCall(CapturedOutput output) {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withUserConfiguration(Plain.Config.class).withPropertyValues("heartbeat.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    for (int i = 0; i < 3; i++) {
                        context.getBean(Plain.class).run();
                    }
                    assertThat(output.getAll()).doesNotContain("could not report the start of job");
                });
    }

    public static class Plain {
        @HeartbeatJob("nightly")
        public void run() {
        }

        @Configuration(proxyBeanMethods = false)
        static class Config {
            @Bean
            Plain plainJob() {
                return new Plain();
            }
        }
    }
}
