package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.spring.HeartbeatClientCustomizer;
import io.github.heartbeatsdk.spring.HeartbeatClients;
import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Builds the starter's clients from the {@code heartbeat.*} properties: the service client and
 * one client per job check, all on one small shared executor (the SDK shares their HTTP client
 * by itself), none with a JVM hook, every one closed by {@link CloseLast}.
 */
public final class ClientFactory {
    /** The shared executor's most threads: an HTTP call holds one until answered, so a slow check does not stall the rest. */
    static final int MAX_THREADS = 4;

    private static final Logger log = LoggerFactory.getLogger(ClientFactory.class);

    private final HeartbeatProperties properties;
    private final String applicationName;
    private final List<HeartbeatClientCustomizer> customizers;
    private final List<HeartbeatListener> listeners;
    private final DeliveryHealth health;
    private final CloseLast closeLast;
    /** The schedules learned for the jobs' monitors; null when heartbeat.monitors.upsert is false. */
    private final JobSchedules schedules;
    private ScheduledThreadPoolExecutor executor;

    /**
     * @param applicationName {@code spring.application.name}, the default service name; may be null
     */
    public ClientFactory(HeartbeatProperties properties, String applicationName, List<HeartbeatClientCustomizer> customizers,
                         List<HeartbeatListener> listeners, DeliveryHealth health, CloseLast closeLast,
                         JobSchedules schedules) {
        this.properties = properties;
        this.applicationName = applicationName;
        this.customizers = List.copyOf(customizers);
        this.listeners = List.copyOf(listeners);
        this.health = health;
        this.closeLast = closeLast;
        this.schedules = schedules;
    }

    /** Whether the service client beats once the application is ready. */
    public boolean beatsEnabled() {
        Boolean configured = properties.getBeats().getEnabled();
        if (configured != null) {
            return configured;
        }
        String endpoint = properties.getEndpoint();
        return endpoint != null && endpoint.trim().toLowerCase(Locale.ROOT).startsWith("sermant"); // sermant:// and sermant-http+
    }

    /**
     * The service client of {@code heartbeat.endpoint}; one that does nothing when it is unset.
     *
     * @param beatCondition asked before each beat, or null to beat always
     */
    public synchronized HeartbeatClient service(BooleanSupplier beatCondition) {
        String endpoint = blankToNull(properties.getEndpoint());
        boolean enabled = properties.isEnabled() && endpoint != null;
        if (properties.isEnabled() && endpoint == null) {
            log.info("heartbeat.endpoint is not set: the HeartbeatClient bean does nothing{}",
                    properties.getJobs().isEmpty() ? "" : "; jobs report to their own checks " + properties.getJobs().keySet());
        }
        HeartbeatClient.Builder builder = HeartbeatClient.builder()
                .config(PropertiesConfig.of(properties, enabled ? endpoint : null, enabled, serviceName()));
        if (beatCondition != null) {
            builder.beatsWhen(beatCondition);
        }
        return build(HeartbeatClients.SERVICE, builder, enabled, "heartbeat.endpoint");
    }

    /** One client per {@code heartbeat.jobs.<name>.endpoint}. */
    public synchronized Map<String, HeartbeatClient> jobs() {
        Map<String, HeartbeatClient> jobs = new LinkedHashMap<>();
        for (Map.Entry<String, HeartbeatProperties.Job> job : properties.getJobs().entrySet()) {
            String name = job.getKey();
            String key = "heartbeat.jobs." + name + ".endpoint";
            if (JobNames.uniform(HeartbeatClients.SERVICE).equals(JobNames.uniform(name))) {
                throw new HeartbeatConfigurationException(key, key + ": '" + HeartbeatClients.SERVICE
                        + "' names the service client; give the job another name");
            }
            String endpoint = job.getValue() == null ? null : blankToNull(job.getValue().getEndpoint());
            if (endpoint == null) {
                throw new HeartbeatConfigurationException(key, key + " is not set: each job needs its own check's URI");
            }
            HeartbeatClient.Builder builder = HeartbeatClient.builder()
                    .config(PropertiesConfig.of(properties, null, properties.isEnabled(), serviceName()));
            Endpoint parsed;
            try {
                parsed = Endpoints.parse(endpoint);
            } catch (IllegalArgumentException e) {
                // Endpoints.parse masks the secret in its message.
                throw new HeartbeatConfigurationException(key, key + " is invalid: " + e.getMessage());
            }
            builder.endpoint(schedules != null ? monitored(name, job.getValue(), parsed) : parsed);
            jobs.put(name, build(name, builder, properties.isEnabled(), key));
        }
        return jobs;
    }

    /**
     * The job's endpoint, creating or updating its check before its first signal from the schedule
     * configured for it, else the one learned from its @Scheduled method or Quartz trigger.
     */
    private Endpoint monitored(String name, HeartbeatProperties.Job job, Endpoint endpoint) {
        Schedule configured = configuredSchedule(name, job);
        Duration grace = job.getGrace();
        Duration maxRuntime = job.getMaxRuntime();
        try {
            return Endpoints.withMonitor(endpoint, () -> {
                Schedule schedule = configured != null ? configured : schedules.forJob(name);
                if (schedule == null) {
                    log.info("heartbeat-sdk: no schedule is known for the job {} (no @Scheduled method, Quartz trigger or"
                            + " heartbeat.jobs.{}.schedule): its check is left as it is", name, name);
                    return null;
                }
                schedule = grace != null ? schedule.grace(grace) : schedule;
                return maxRuntime != null ? schedule.maxRuntime(maxRuntime) : schedule;
            });
        } catch (IllegalArgumentException e) {
            log.info("heartbeat-sdk: heartbeat.jobs.{}: {}; the check is left as it is", name, e.getMessage());
            return endpoint;
        }
    }

    private static Schedule configuredSchedule(String name, HeartbeatProperties.Job job) {
        if (job.getSchedule() == null || job.getSchedule().isBlank()) {
            return null;
        }
        String key = "heartbeat.jobs." + name + ".schedule";
        try {
            ZoneId zone = job.getZone() == null || job.getZone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(job.getZone());
            Schedule schedule = Schedule.cron(job.getSchedule(), zone);
            // Checked now, not at the first signal: a grace the backends cannot take fails the start.
            schedule = job.getGrace() != null ? schedule.grace(job.getGrace()) : schedule;
            return job.getMaxRuntime() != null ? schedule.maxRuntime(job.getMaxRuntime()) : schedule;
        } catch (RuntimeException e) {
            throw new HeartbeatConfigurationException(key, key + " (or its zone, grace or max-runtime) is invalid: "
                    + e.getMessage());
        }
    }

    private HeartbeatClient build(String name, HeartbeatClient.Builder builder, boolean enabled, String endpointKey) {
        List<HeartbeatListener> all = new ArrayList<>();
        all.add(health.listenerFor(name));
        all.addAll(listeners);
        builder.listener(new Listeners(all));
        if (enabled) {
            builder.executor(executor());
        }
        for (HeartbeatClientCustomizer customizer : customizers) {
            try {
                customizer.customize(name, builder);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) { // the application's code: its failure costs its own change, not the start
                log.error("heartbeat-sdk: HeartbeatClientCustomizer {} failed for the client {}: {}; the client is built"
                                + " without the rest of its changes{}", customizer.getClass().getName(), name, t.toString(),
                        t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("already set")
                                ? " (the starter sets the executor, listener, beat condition and shutdown hook itself;"
                                + " declare a HeartbeatListener bean for a listener)" : "");
            }
        }
        HeartbeatClient client;
        try {
            client = builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The SDK names the key (heartbeat.interval, ...) and masks secrets in its messages.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new HeartbeatConfigurationException(message.startsWith("heartbeat.") ? message.split(" ", 2)[0]
                    : endpointKey, (HeartbeatClients.SERVICE.equals(name) ? "" : "job " + name + ": ") + message);
        }
        closeLast.add(client);
        return client;
    }

    private String serviceName() {
        String service = blankToNull(properties.getService());
        return service != null ? service : blankToNull(applicationName);
    }

    private ScheduledThreadPoolExecutor executor() {
        if (executor == null) {
            // One more than the clients need at once: a beat waiting for the application's health holds one.
            int threads = Math.min(MAX_THREADS, 2 + properties.getJobs().size());
            executor = new ScheduledThreadPoolExecutor(threads, new NamedDaemonThreads("heartbeat-sdk-spring-"));
            executor.setRemoveOnCancelPolicy(true);
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            ScheduledThreadPoolExecutor own = executor;
            // Shared: closed once every client has closed.
            closeLast.addShared(new AutoCloseable() {
                @Override
                public void close() throws InterruptedException {
                    own.shutdown();
                    own.awaitTermination(5, TimeUnit.SECONDS);
                }

                @Override
                public String toString() {
                    return "the heartbeat-sdk-spring executor";
                }
            });
        }
        return executor;
    }

    private static String blankToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    /** Daemon threads, so the starter's threads never keep a JVM alive. */
    static final class NamedDaemonThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        NamedDaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
