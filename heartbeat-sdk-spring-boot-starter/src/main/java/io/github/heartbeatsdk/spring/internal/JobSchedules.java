package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.endpoints.CronitorEndpoint;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.endpoints.HealthchecksEndpoint;
import io.github.heartbeatsdk.endpoints.SentryCronsEndpoint;
import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schedules the starter learns from the application: its {@code @Scheduled} {@code @HeartbeatJob}
 * methods (as their beans are made) and its Quartz triggers (once every bean exists), by job name
 * in the uniform form. A job's client asks for its schedule when its first signal is sent, by
 * which time both are known.
 */
public final class JobSchedules {
    private static final Logger log = LoggerFactory.getLogger(JobSchedules.class);

    private final Map<String, Learned> byJob = new ConcurrentHashMap<>();
    /** The jobs whose schedule is read from the application: a backend with an API, and no schedule configured. */
    private final Set<String> wanted;

    /** @param wanted the jobs whose schedules are to be learned */
    public JobSchedules(Set<String> wanted) {
        Set<String> uniform = new HashSet<>();
        wanted.forEach(name -> uniform.add(JobNames.uniform(name)));
        this.wanted = Set.copyOf(uniform);
    }

    /**
     * Whether the schedule of the job {@code name} is read from the application: not when its
     * check's backend has no API for it, nor when heartbeat.jobs.NAME.schedule gives it.
     */
    public boolean wants(String name) {
        return wanted.contains(JobNames.uniform(name));
    }

    /** A schedule and where it was read, for messages. */
    record Learned(Schedule schedule, String source) {
    }

    /**
     * The jobs whose schedules are to be read from the application: those whose check's backend
     * can take one (Healthchecks, Cronitor, Sentry Crons) and that configure none of their own.
     * A job with an endpoint that does not parse is left to the client factory, which reports it.
     */
    public static Set<String> readFromTheApplication(Map<String, HeartbeatProperties.Job> jobs) {
        Set<String> names = new HashSet<>();
        jobs.forEach((name, job) -> {
            if (job == null || job.getEndpoint() == null || job.getSchedule() != null && !job.getSchedule().isBlank()) {
                return;
            }
            try {
                Endpoint endpoint = Endpoints.parse(job.getEndpoint());
                if (endpoint instanceof HealthchecksEndpoint || endpoint instanceof CronitorEndpoint
                        || endpoint instanceof SentryCronsEndpoint) {
                    names.add(name);
                }
            } catch (IllegalArgumentException e) {
                // reported, naming the property, when the job's client is built
            }
        });
        return names;
    }

    /** Records {@code schedule} for the job {@code name}, read from {@code source}; the first one learned wins. */
    public void learn(String name, Schedule schedule, String source) {
        Learned earlier = byJob.putIfAbsent(JobNames.uniform(name), new Learned(schedule, source));
        if (earlier != null && !earlier.schedule().equals(schedule)) {
            log.warn("heartbeat-sdk: the job {} has two schedules, {} from {} and {} from {}; its monitor takes the first",
                    name, earlier.schedule(), earlier.source(), schedule, source);
        }
    }

    /** The schedule learned for the job {@code name}, or null. */
    Schedule forJob(String name) {
        Learned learned = byJob.get(JobNames.uniform(name));
        return learned == null ? null : learned.schedule();
    }
}
