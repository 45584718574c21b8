package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
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

    /** A schedule and where it was read, for messages. */
    record Learned(Schedule schedule, String source) {
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
