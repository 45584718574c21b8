package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.ExtInfoProvider;
import io.github.heartbeatsdk.HeartbeatClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole Spring Boot application: a @Scheduled job, two Quartz jobs, service beats with ext info,
 * actuator's health and env endpoints over HTTP, and Micrometer. Everything goes to one local
 * MockWebServer; every URL holds {@value #SECRET}, which no endpoint of actuator may show.
 */
@DirtiesContext // closes the application after the class: its threads must not outlive it
@SpringBootTest(classes = StarterAppTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=orders",
                "heartbeat.interval=1s",
                "management.endpoints.web.exposure.include=health,env,configprops",
                "management.endpoint.health.show-details=always",
                "management.endpoint.env.show-values=always",
                "management.endpoint.configprops.show-values=always",
        })
class StarterAppTest {
    static final String SECRET = "s3cr3t-ping-key";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final MockWebServer server = Receivers.alwaysOk(new MockWebServer());
    static final Requests requests = new Requests(server);

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) throws IOException {
        server.start();
        registry.add("heartbeat.endpoint", () -> "sermant-http+" + server.url("/beats/" + SECRET));
        registry.add("heartbeat.jobs.tick.endpoint", () -> "healthchecks+" + server.url("/" + SECRET + "/tick"));
        registry.add("heartbeat.jobs.report.endpoint", () -> "healthchecks+" + server.url("/" + SECRET + "/report"));
        registry.add("heartbeat.jobs.cleanup.endpoint", () -> "healthchecks+" + server.url("/" + SECRET + "/cleanup"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableScheduling
    static class App {
        @Bean
        Ticker ticker() {
            return new Ticker();
        }

        @Bean
        JobDetail reportJob() {
            return JobBuilder.newJob(ReportJob.class).withIdentity("report").storeDurably().build();
        }

        @Bean
        Trigger reportNow() {
            return TriggerBuilder.newTrigger().forJob("report").startNow().build();
        }

        @Bean
        JobDetail cleanupJob() {
            return JobBuilder.newJob(FailingJob.class).withIdentity("quartz-cleanup")
                    .usingJobData(HeartbeatJob.QUARTZ_JOB_DATA_KEY, "cleanup").storeDurably().build();
        }

        @Bean
        Trigger cleanupNow() {
            return TriggerBuilder.newTrigger().forJob("quartz-cleanup").startNow().build();
        }

        @Bean
        JobDetail unmonitoredJob() {
            return JobBuilder.newJob(ReportJob.class).withIdentity("not-monitored").storeDurably().build();
        }

        @Bean
        Trigger unmonitoredNow() {
            return TriggerBuilder.newTrigger().forJob("not-monitored").startNow().build();
        }

        @Bean
        ExtInfoProvider template() {
            return () -> Map.of("greeting", "Good morning!");
        }
    }

    public static class Ticker {
        @Scheduled(fixedDelay = 200)
        @HeartbeatJob("tick")
        public void tick() {
        }
    }

    public static class ReportJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }

    public static class FailingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            throw new JobExecutionException(new IllegalStateException("cleanup failed"));
        }
    }

    @Autowired
    Environment environment;
    @Autowired
    MeterRegistry meters;
    @Autowired
    HeartbeatClients clients;

    @Test
    void aScheduledJobReportsEveryRun() throws Exception {
        List<RecordedRequest> starts = requests.await(Requests.target("/" + SECRET + "/tick/start?rid="), 2, PATIENCE);
        assertThat(starts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(requests.await(Requests.target("/" + SECRET + "/tick?rid="), 2, PATIENCE)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void quartzJobsReportByNameOrByTheirJobDataAndOthersAreLeftAlone() throws Exception {
        assertThat(requests.await(Requests.target("/" + SECRET + "/report/start?rid="), 1, PATIENCE)).hasSize(1);
        assertThat(requests.await(Requests.target("/" + SECRET + "/report?rid="), 1, PATIENCE)).hasSize(1);
        List<RecordedRequest> fail = requests.await(Requests.target("/" + SECRET + "/cleanup/fail?rid="), 1, PATIENCE);
        assertThat(fail).hasSize(1);
        assertThat(fail.get(0).getBody().utf8()).contains("java.lang.IllegalStateException: cleanup failed");
        assertThat(requests.matching(Requests.target("/" + SECRET + "/not-monitored"))).isEmpty();
    }

    @Test
    void beatsStartOnceReadyWithTheProviderBeansAndTheApplicationsHealth() throws Exception {
        List<RecordedRequest> beats = requests.await(Requests.target("/beats/"), 2, PATIENCE);
        assertThat(beats).hasSizeGreaterThanOrEqualTo(2);
        String body = beats.get(beats.size() - 1).getBody().utf8();
        assertThat(body).contains("\"service\":\"orders\"", "\"template\"", "Good morning!", "\"health\"", "\"status\":\"UP\"");
    }

    @Test
    void theHealthContributorIsUpAndShowsNoSecret() throws Exception {
        requests.await(Requests.target("/" + SECRET + "/tick?rid="), 1, PATIENCE);
        String health = get("/actuator/health/heartbeat");
        assertThat(health).contains("\"status\":\"UP\"", "\"tick\"", "\"delivered\"").doesNotContain(SECRET);
    }

    @Test
    void actuatorShowsNoEndpointEvenWithValuesShown() throws Exception {
        assertThat(get("/actuator/env/heartbeat.endpoint")).doesNotContain(SECRET).contains("******");
        String configprops = get("/actuator/configprops");
        assertThat(configprops).contains("heartbeat").doesNotContain(SECRET);
        String env = get("/actuator/env");
        assertThat(env).contains("heartbeat.jobs.tick.endpoint").doesNotContain(SECRET);
    }

    @Test
    void metersCountEachClientsOutcomes() throws Exception {
        requests.await(Requests.target("/" + SECRET + "/tick?rid="), 1, PATIENCE);
        FunctionCounter delivered = meters.find("heartbeat.signals").tag("client", "tick").tag("outcome", "delivered")
                .functionCounter();
        assertThat(delivered).isNotNull();
        assertThat(delivered.count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.find("heartbeat.pending").tag("client", HeartbeatClients.SERVICE).gauge()).isNotNull();
        assertThat(meters.find("heartbeat.pings.coalesced").tag("client", "tick").functionCounter()).isNotNull();
        assertThat(meters.find("heartbeat.last.success.age").tag("client", "tick").timeGauge()).isNotNull();
        assertThat(meters.getMeters()).allMatch(m -> m.getId().getTags().stream().noneMatch(t -> t.getValue().contains(SECRET)));
    }

    @Test
    void noClientHasAJvmHookOrAThreadOfItsOwn() {
        HeartbeatClient service = clients.service();
        assertThat(service.isEnabled()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("heartbeat-sdk")).toList()).allMatch(name -> name.startsWith("heartbeat-sdk-spring-")
                || name.startsWith("heartbeat-sdk-health-") || name.equals("heartbeat-sdk-warm-up")); // the JVM's, once: see WarmUpStarterTest
    }

    private String get(String path) throws Exception {
        String port = environment.getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
