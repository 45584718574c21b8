package io.github.heartbeatsdk.examples.spring;

import io.github.heartbeatsdk.ExtInfoProvider;
import io.github.heartbeatsdk.demo.DemoReceiver;
import io.github.heartbeatsdk.demo.InstanceView;
import io.github.heartbeatsdk.spring.HeartbeatJob;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Spring Boot application monitored by the starter, against the local demo receiver: it beats
 * over Sermant's TCP protocol with an ext-info bean, and runs a {@code @Scheduled} job every
 * second whose third run fails. All of it is configured by {@code heartbeat.*} properties,
 * set here from code only because the receiver's ports are chosen at run time.
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-examples -am compile exec:java -Dexec.mainClass=io.github.heartbeatsdk.examples.spring.BootExample
 * </pre>
 *
 * It prints what the receiver recorded, closes the application (the job's last run and every
 * pending signal are delivered first), shows the service marked lost, and exits.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableScheduling
public class BootExample {
    /** An instance is lost after 3 s without a beat here, to see it happen (Sermant's default: 60 s). */
    static final Duration EFFECTIVE_TIME = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Bean
    Reports reports() {
        return new Reports();
    }

    /** The plugin entry "orders" on every beat. */
    @Bean
    ExtInfoProvider orders(Reports reports) {
        return () -> Map.of("reports-written", reports.written());
    }

    /** The application's job: reported to heartbeat.jobs.report.endpoint by the starter. */
    public static class Reports {
        private final AtomicInteger runs = new AtomicInteger();
        private final AtomicInteger written = new AtomicInteger();

        @Scheduled(fixedDelay = 1000)
        @HeartbeatJob("report")
        public void write() {
            if (runs.incrementAndGet() == 3) { // Spring's scheduler logs what the job throws: the run is rethrown unchanged
                throw new IllegalStateException("the report database is read-only");
            }
            written.incrementAndGet();
        }

        int written() {
            return written.get();
        }
    }

    public static void main(String[] args) throws Exception {
        try (DemoReceiver receiver = DemoReceiver.start(DemoReceiver.options().effectiveTime(EFFECTIVE_TIME)
                .httpPort(0).sermantPort(0))) {
            System.out.println("heartbeat-sdk Spring Boot example: a service that beats and a @Scheduled job");
            System.out.println("Receiver: panel " + receiver.httpUrl("/") + ", Sermant TCP " + receiver.sermantUri());
            SpringApplication app = new SpringApplication(BootExample.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(Map.of(
                    "spring.application.name", "order-service",
                    "spring.main.banner-mode", "off",
                    "heartbeat.endpoint", receiver.sermantUri(),
                    "heartbeat.interval", "1s",
                    "heartbeat.jobs.report.endpoint", "healthchecks+" + receiver.httpUrl("/hc/report")));
            ConfigurableApplicationContext context = app.run(args);

            System.out.print("1. order-service beats every second; the report job runs every second ... ");
            boolean seen = receiver.state().await(s -> beats(s.instances("order-service")) >= 3, PATIENCE);
            Thread.sleep(3_500); // a few more runs of the job, one of them failing
            System.out.println(seen ? "seen at the receiver" : "not seen within " + PATIENCE);
            System.out.println();
            System.out.print(receiver.summary());

            context.close(); // the starter closes its clients last, delivering what is pending
            long stopped = System.nanoTime();
            System.out.print("2. the application stopped; the receiver marks it lost after " + EFFECTIVE_TIME.toSeconds()
                    + " s without a beat ... ");
            boolean lost = receiver.state().await(s -> lost(s.instances("order-service")), PATIENCE);
            System.out.printf(java.util.Locale.ROOT, lost ? "lost after %.1f s%n" : "still not lost%n",
                    (System.nanoTime() - stopped) / 1e9);
        }
    }

    private static int beats(List<InstanceView> instances) {
        return instances.stream().mapToInt(InstanceView::beats).sum();
    }

    private static boolean lost(List<InstanceView> instances) {
        return !instances.isEmpty() && instances.stream().allMatch(i -> i.status() == InstanceView.Status.LOST);
    }
}
