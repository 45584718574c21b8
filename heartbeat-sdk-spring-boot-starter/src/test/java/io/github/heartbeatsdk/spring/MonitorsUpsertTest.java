package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import io.github.heartbeatsdk.spring.internal.HeartbeatConfigurationException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import java.time.Duration;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** heartbeat.monitors.upsert=true: each job's check is created or updated from the schedule the application declares. */
class MonitorsUpsertTest {
    static final String API_KEY = "hcw_springUpsertKey0123";

    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    public static class Jobs {
        @Scheduled(cron = "0 0 4 * * *", zone = "Europe/Berlin")
        @HeartbeatJob("nightly")
        public void nightly() {
        }

        @Scheduled(fixedRate = 2, timeUnit = TimeUnit.HOURS, initialDelay = 60_000)
        @HeartbeatJob("report")
        public void report() {
        }
    }

    public static class EveryThirtySeconds {
        @Scheduled(cron = "30 * * * * *")
        @HeartbeatJob("nightly")
        public void tooOften() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class App {
        @Bean
        Jobs jobs() {
            return new Jobs();
        }
    }

    private ApplicationContextRunner runner(boolean upsert) {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withPropertyValues("heartbeat.monitors.upsert=" + upsert,
                        "heartbeat.monitors.healthchecks.api-key=" + API_KEY,
                        "heartbeat.jobs.nightly.endpoint=healthchecks+" + server.url("/ping/pk/nightly"),
                        "heartbeat.jobs.nightly.grace=30m",
                        "heartbeat.jobs.report.endpoint=healthchecks+" + server.url("/ping/pk/report"));
    }

    @Test
    void scheduledMethodsDefineTheirChecksBeforeTheirFirstRun() {
        Requests requests = new Requests(server);
        runner(true).withUserConfiguration(App.class).run(context -> {
            assertThat(context).hasNotFailed();
            Jobs jobs = context.getBean(Jobs.class);
            jobs.nightly();
            jobs.report();
            List<RecordedRequest> upserts = requests.await(Requests.target("/api/v3/checks/"), 2, Duration.ofSeconds(30));
            assertThat(upserts).hasSize(2);
            assertThat(upserts).allMatch(r -> API_KEY.equals(r.getHeaders().get("X-Api-Key")));
            assertThat(upserts.stream().map(r -> r.getBody().utf8()).toList()).containsExactlyInAnyOrder(
                    "{\"name\":\"nightly\",\"slug\":\"nightly\",\"unique\":[\"slug\"],\"schedule\":\"0 4 * * *\","
                            + "\"tz\":\"Europe/Berlin\",\"grace\":1800}",
                    "{\"name\":\"report\",\"slug\":\"report\",\"unique\":[\"slug\"],\"timeout\":7200}");
            assertThat(requests.await(Requests.target("/ping/pk/nightly?rid="), 1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(requests.await(Requests.target("/ping/pk/report?rid="), 1, Duration.ofSeconds(30))).hasSize(1);
        });
    }

    @Test
    void withoutUpsertNoCheckIsTouched() {
        Requests requests = new Requests(server);
        runner(false).withUserConfiguration(App.class).run(context -> {
            context.getBean(Jobs.class).nightly();
            assertThat(requests.await(Requests.target("/ping/pk/nightly?rid="), 1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(requests.matching(Requests.target("/api/"))).isEmpty();
        });
    }

    @Test
    void aScheduleNoCheckCanFollowFailsTheStartNamingTheMethodAndTheField() {
        runner(true).withBean(EveryThirtySeconds.class).run(context -> {
            assertThat(context).hasFailed();
            HeartbeatConfigurationException failure = HeartbeatAutoConfigurationTest.find(context.getStartupFailure());
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("EveryThirtySeconds.tooOften()", "field second is '30'",
                    "heartbeat.jobs.nightly.schedule");
        });
    }

    @Test
    void aConfiguredScheduleServesAJobRunByHand() {
        Requests requests = new Requests(server);
        runner(true).withPropertyValues("heartbeat.jobs.manual.endpoint=healthchecks+" + server.url("/ping/pk/manual"),
                "heartbeat.jobs.manual.schedule=0 5 * * 1-5", "heartbeat.jobs.manual.zone=UTC").run(context -> {
            DeliveryResult result = context.getBean(HeartbeatClients.class).job("manual").ping().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
            assertThat(requests.await(Requests.target("/api/v3/checks/"), 1, Duration.ofSeconds(30)).get(0).getBody()
                    .utf8()).contains("\"schedule\":\"0 5 * * 1-5\",\"tz\":\"UTC\"");
        });
        runner(true).withPropertyValues("heartbeat.jobs.manual.endpoint=" + server.url("/x"),
                "heartbeat.jobs.manual.schedule=0 5 * *").run(context ->
                assertThat(HeartbeatAutoConfigurationTest.find(context.getStartupFailure()).property())
                        .isEqualTo("heartbeat.jobs.manual.schedule"));
    }

    public static class NoOpJob implements org.quartz.Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class QuartzApp {
        @Bean
        JobDetail cleanup() {
            return JobBuilder.newJob(NoOpJob.class).withIdentity("quartz-cleanup")
                    .usingJobData(HeartbeatJob.QUARTZ_JOB_DATA_KEY, "report").storeDurably().build();
        }

        @Bean
        Trigger weekdays() {
            return TriggerBuilder.newTrigger().forJob("quartz-cleanup").withSchedule(CronScheduleBuilder
                    .cronSchedule("0 15 3 ? * MON-FRI").inTimeZone(TimeZone.getTimeZone("Europe/Berlin"))).build();
        }

        @Bean
        SchedulerFactoryBean quartz(JobDetail cleanup, Trigger weekdays) {
            return TestQuartz.scheduler(cleanup, weekdays);
        }
    }

    @Test
    void aQuartzCronTriggerDefinesItsJobsCheck() {
        Requests requests = new Requests(server);
        runner(true).withUserConfiguration(QuartzApp.class).run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(HeartbeatClients.class).job("report").ping();
            assertThat(requests.await(Requests.target("/api/v3/checks/"), 1, Duration.ofSeconds(30)).get(0).getBody()
                    .utf8()).isEqualTo("{\"name\":\"report\",\"slug\":\"report\",\"unique\":[\"slug\"],"
                    + "\"schedule\":\"15 3 * * 1-5\",\"tz\":\"Europe/Berlin\"}");
        });
    }
}
