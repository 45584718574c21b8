package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.spring.internal.JobNames;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The clients the starter made: the service client ({@code heartbeat.endpoint}, also the
 * {@link HeartbeatClient} bean) and one client per configured job check
 * ({@code heartbeat.jobs.<name>.endpoint}). Inject it to report a job by hand:
 *
 * <pre>{@code
 * clients.job("nightly-backup").run("nightly-backup", this::backup);
 * }</pre>
 *
 * <p>The starter closes every client, delivering what is pending within
 * {@code heartbeat.flush-timeout}, after every other bean of the context has been destroyed, so a
 * signal sent from a {@code @PreDestroy} method is delivered. Do not close them yourself.
 */
public final class HeartbeatClients {
    /** The name of the service client, as {@link HeartbeatClientCustomizer} and the meters see it. */
    public static final String SERVICE = "service";

    private final HeartbeatClient service;
    private final Map<String, HeartbeatClient> jobs;
    /** The same clients by {@link JobNames#uniform} name, as Spring's relaxed binding matches keys. */
    private final Map<String, HeartbeatClient> byUniformName = new LinkedHashMap<>();

    /**
     * @param service the service client
     * @param jobs one client per job name
     */
    public HeartbeatClients(HeartbeatClient service, Map<String, HeartbeatClient> jobs) {
        if (service == null) {
            throw new NullPointerException("service == null");
        }
        this.service = service;
        this.jobs = Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
        jobs.forEach((name, client) -> byUniformName.put(JobNames.uniform(name), client));
    }

    /** The service client: beats, and pings of the application as a whole. */
    public HeartbeatClient service() {
        return service;
    }

    /**
     * The client of the job {@code name}. Names match as Spring's relaxed binding matches keys:
     * {@code nightly-backup}, {@code nightlyBackup} and {@code NIGHTLYBACKUP} are one job.
     *
     * @throws IllegalArgumentException when no check is configured for it, naming the property to set
     */
    public HeartbeatClient job(String name) {
        HeartbeatClient client = name == null ? null : byUniformName.get(JobNames.uniform(name));
        if (client == null) {
            throw new IllegalArgumentException("no check is configured for the job '" + name + "': set heartbeat.jobs."
                    + name + ".endpoint");
        }
        return client;
    }

    /** Whether a check is configured for the job {@code name}. */
    public boolean hasJob(String name) {
        return name != null && byUniformName.containsKey(JobNames.uniform(name));
    }

    /** The names of the configured jobs, in configuration order. */
    public Set<String> jobNames() {
        return jobs.keySet();
    }

    /** Every client by name: {@link #SERVICE} first, then the jobs. */
    public Map<String, HeartbeatClient> all() {
        Map<String, HeartbeatClient> all = new LinkedHashMap<>();
        all.put(SERVICE, service);
        all.putAll(jobs);
        return all;
    }

    @Override
    public String toString() {
        return "HeartbeatClients{service=" + service + ", jobs=" + jobs.keySet() + "}";
    }
}
