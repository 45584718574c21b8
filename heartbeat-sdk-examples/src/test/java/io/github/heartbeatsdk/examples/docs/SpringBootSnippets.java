package io.github.heartbeatsdk.examples.docs;

import io.github.heartbeatsdk.ExtInfoProvider;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.spring.HeartbeatClientCustomizer;
import io.github.heartbeatsdk.spring.HeartbeatClients;
import io.github.heartbeatsdk.spring.HeartbeatJob;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The Java of docs/spring-boot.md, compiled. */
final class SpringBootSnippets {
    private SpringBootSnippets() {
    }

    // snippet: scheduled
    @Component
    public static class NightlyBackup {
        @Scheduled(cron = "0 0 4 * * *")
        @HeartbeatJob("nightly-backup")
        public void run() throws Exception {
            copyTheDatabase(); // an exception ends the run as failed, and is rethrown unchanged
        }
    }
    // end snippet

    // snippet: quartz
    @Bean
    JobDetail cleanup() {
        return JobBuilder.newJob(CleanupJob.class).withIdentity("quartz-cleanup")
                .usingJobData(HeartbeatJob.QUARTZ_JOB_DATA_KEY, "cleanup") // reports to heartbeat.jobs.cleanup
                .storeDurably().build();
    }
    // end snippet

    // snippet: byHand
    @Component
    public static class Importer {
        private final HeartbeatClients heartbeat;

        public Importer(HeartbeatClients heartbeat) {
            this.heartbeat = heartbeat;
        }

        public void importAll() throws Exception {
            heartbeat.job("import").run("import", () -> readTheFeed());
        }
    }
    // end snippet

    // snippet: ping
    @Component
    public static class Batch {
        private final HeartbeatClient heartbeat;

        public Batch(HeartbeatClient heartbeat) {
            this.heartbeat = heartbeat; // the client of heartbeat.endpoint
        }

        public void finished() {
            heartbeat.ping(); // returns at once; delivered on the SDK's thread
        }
    }
    // end snippet

    // snippet: extInfo
    @Bean
    ExtInfoProvider orders(OrderBook book) { // the bean name, "orders", is the plugin entry's name
        return () -> Map.of("open", book.openOrders());
    }
    // end snippet

    // snippet: customizer
    @Bean
    HeartbeatClientCustomizer corporateProxy() {
        return (name, builder) -> builder.proxy("proxy.internal", 3128);
    }
    // end snippet

    static void copyTheDatabase() {
    }

    static void readTheFeed() {
    }

    /** Stands for the application's own state. */
    interface OrderBook {
        int openOrders();
    }

    static final class CleanupJob implements org.quartz.Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }
}
