package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** heartbeat.monitors.upsert=true derives only the schedules it needs, and never stops an application that is fine. */
class MonitorsDerivationTest {
    static final String API_KEY = "hcw_springUpsertKey0123";

    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    public static class EveryThirtySeconds {
        @Scheduled(cron = "30 * * * * *")
        @HeartbeatJob("nightly")
        public void tooOften() {
        }
    }

    public static class EveryFiveSeconds {
        @Scheduled(fixedRate = 5000)
        @HeartbeatJob("fast")
        public void fast() {
        }
    }

    public static class Weekends {
        @Scheduled(cron = "0 0 10 * * SAT-SUN", zone = "Europe/Berlin")
        @HeartbeatJob("nightly")
        public void weekends() {
        }
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                .withPropertyValues("heartbeat.monitors.upsert=true",
                        "heartbeat.monitors.healthchecks.api-key=" + API_KEY,
                        "heartbeat.jobs.nightly.endpoint=healthchecks+" + server.url("/ping/pk/nightly"));
    }

    /** heartbeat.jobs.NAME.schedule wins over a @Scheduled no check can follow, as the start's failure advises. */
    @Test
    void theConfiguredScheduleTheFailureAdvisesWinsOverAnInexpressibleScheduled() {
        Requests requests = new Requests(server);
        runner().withBean(EveryThirtySeconds.class).withPropertyValues("heartbeat.jobs.nightly.schedule=* * * * *")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(EveryThirtySeconds.class).tooOften();
                    List<RecordedRequest> upserts = requests.await(Requests.target("/api/v3/checks/"), 1, Duration.ofSeconds(30));
                    assertThat(upserts.get(0).getBody().utf8()).contains("\"schedule\":\"* * * * *\"");
                });
    }

    /** A job whose backend takes no monitor never has its @Scheduled read, so a fast one starts fine. */
    @Test
    void aFastJobOnABackendWithoutAnApiDoesNotFailTheStart() {
        runner().withBean(EveryFiveSeconds.class).withPropertyValues("heartbeat.jobs.fast.endpoint=" + server.url("/plain/x"))
                .run(context -> assertThat(context).hasNotFailed());
    }

    /** Spring's weekend cron (SAT-SUN) defines a monitor. */
    @Test
    void aWeekendCronStarts() {
        runner().withBean(Weekends.class).run(context -> assertThat(context).hasNotFailed());
    }
}
