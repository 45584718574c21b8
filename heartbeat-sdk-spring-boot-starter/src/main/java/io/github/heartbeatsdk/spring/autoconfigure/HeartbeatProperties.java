package io.github.heartbeatsdk.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code heartbeat.*} properties: the keys of {@link io.github.heartbeatsdk.HeartbeatConfig},
 * plus named checks for jobs and the starter's own settings. Durations take Spring's forms
 * ({@code 30s}, {@code PT30S}) or a bare number of milliseconds, as in Sermant's
 * {@code config.properties}. Values are checked when the context starts; a bad one fails it,
 * naming the key (never an endpoint's value, which holds a secret).
 */
@ConfigurationProperties(prefix = "heartbeat")
public class HeartbeatProperties {
    /** Whether heartbeats are sent; false gives clients that do nothing and start no thread. */
    private boolean enabled = true;
    /**
     * The service's endpoint: a URI as Endpoints.parse takes it, such as
     * sermant://10.0.0.5:6888 or healthchecks+https://hc-ping.com/UUID. A secret: never logged.
     * Unset: the HeartbeatClient bean does nothing (jobs still report to their own checks).
     */
    private String endpoint;
    /** Time between periodic beats; at least 1 s. */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration interval = Duration.ofSeconds(30);
    /** The service name beats carry; defaults to spring.application.name, else "default". */
    private String service;
    /** Sermant's appName; default "default". */
    private String appName;
    /** Sermant's appType; default "default". */
    private String appType;
    /** Sermant's artifact; default "default". */
    private String artifact;
    /** This instance's id; default a random UUID per client. */
    private String instanceId;
    /** How long to wait for a connection. */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration connectTimeout = Duration.ofSeconds(5);
    /** How long to wait for an answer to be read. */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration readTimeout = Duration.ofSeconds(10);
    /** How long one HTTP attempt may take in all. */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration callTimeout = Duration.ofSeconds(15);
    /** How long a failing signal is retried before it ends FAILED. */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration retryDeadline = Duration.ofSeconds(60);
    /** How long closing the context waits for pending signals; 0 waits not at all. */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration flushTimeout = Duration.ofSeconds(5);
    /** How many signals may wait per endpoint before new ones are dropped. */
    private int queueCapacity = 10_000;
    /** How many bytes waiting signals may keep per endpoint; at least 1048576. */
    private long maxQueuedBytes = 8_388_608; // a literal, so the IDE metadata shows the default
    /** Static ext info for beats: heartbeat.ext-info.PLUGIN.KEY=VALUE. */
    private Map<String, Map<String, String>> extInfo = new LinkedHashMap<>();
    /** Named checks, one per job: heartbeat.jobs.NAME.endpoint=URI. */
    private Map<String, Job> jobs = new LinkedHashMap<>();
    private final Beats beats = new Beats();
    private final Health health = new Health();
    private final Monitors monitors = new Monitors();

    /** One job's check. */
    public static class Job {
        /** The job's check, such as healthchecks+https://hc-ping.com/UUID. A secret: never logged. */
        private String endpoint;
        /**
         * The job's cron schedule for its monitor (5 fields, or Spring's 6), when it is not read from
         * its @Scheduled method or Quartz trigger. Used with heartbeat.monitors.upsert=true.
         */
        private String schedule;
        /** The time zone of heartbeat.jobs.NAME.schedule; default the JVM's. */
        private String zone;
        /** How late a run may be before the backend alerts (monitors only); default the backend's. */
        @DurationUnit(ChronoUnit.MILLIS)
        private Duration grace;
        /** The longest a run may take (Sentry's max_runtime; monitors only). */
        @DurationUnit(ChronoUnit.MILLIS)
        private Duration maxRuntime;

        public String getSchedule() {
            return schedule;
        }

        public void setSchedule(String schedule) {
            this.schedule = schedule;
        }

        public String getZone() {
            return zone;
        }

        public void setZone(String zone) {
            this.zone = zone;
        }

        public Duration getGrace() {
            return grace;
        }

        public void setGrace(Duration grace) {
            this.grace = grace;
        }

        public Duration getMaxRuntime() {
            return maxRuntime;
        }

        public void setMaxRuntime(Duration maxRuntime) {
            this.maxRuntime = maxRuntime;
        }

        public String getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(String endpoint) {
            this.endpoint = endpoint;
        }
    }

    /** Periodic beats of the service client. */
    public static class Beats {
        /**
         * Whether the service client beats once the application is ready. Default: true for a
         * sermant:// or sermant-http+ endpoint, false for the others (a ping URL is usually pinged by jobs).
         */
        private Boolean enabled;
        /** What a beat does while the application's health is DOWN or OUT_OF_SERVICE (needs actuator). */
        private WhenUnhealthy whenUnhealthy = WhenUnhealthy.SKIP;
        /** Whether beats carry the application's health status as the ext-info entry "health" (needs actuator). */
        private boolean includeHealth = true;
        /** How long a beat waits for the application's health; past it the status is UNKNOWN. */
        @DurationUnit(ChronoUnit.MILLIS)
        private Duration healthTimeout = Duration.ofSeconds(2);

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public WhenUnhealthy getWhenUnhealthy() {
            return whenUnhealthy;
        }

        public void setWhenUnhealthy(WhenUnhealthy whenUnhealthy) {
            this.whenUnhealthy = whenUnhealthy;
        }

        public boolean isIncludeHealth() {
            return includeHealth;
        }

        public void setIncludeHealth(boolean includeHealth) {
            this.includeHealth = includeHealth;
        }

        public Duration getHealthTimeout() {
            return healthTimeout;
        }

        public void setHealthTimeout(Duration healthTimeout) {
            this.healthTimeout = healthTimeout;
        }
    }

    /** Monitors as code: checks created or updated from the jobs' schedules. */
    public static class Monitors {
        /**
         * Whether each job's check is created or updated from its schedule (its @Scheduled method, its
         * Quartz trigger, or heartbeat.jobs.NAME.schedule) before its first signal: Healthchecks,
         * Sentry Crons and Cronitor. Off by default: creating checks in someone's account is asked for.
         */
        private boolean upsert;
        private final ApiKey healthchecks = new ApiKey();
        private final ApiKey cronitor = new ApiKey();

        public boolean isUpsert() {
            return upsert;
        }

        public void setUpsert(boolean upsert) {
            this.upsert = upsert;
        }

        public ApiKey getHealthchecks() {
            return healthchecks;
        }

        public ApiKey getCronitor() {
            return cronitor;
        }
    }

    /** A management API's credential. */
    public static class ApiKey {
        /** The read-write API key of the backend's project. A secret: never logged, masked in actuator. */
        private String apiKey;

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }
    }

    /** What a beat does while the application is unhealthy. */
    public enum WhenUnhealthy {
        /** Skip the beat, so the backend marks the instance lost, as Eureka takes a DOWN instance out. */
        SKIP,
        /** Beat anyway; the "health" ext-info entry still says DOWN. */
        SEND
    }

    /** The "heartbeat" health contributor (needs actuator). */
    public static class Health {
        /** Consecutive failed deliveries of one client after which the contributor reports DOWN. */
        private int failureThreshold = 3;

        public int getFailureThreshold() {
            return failureThreshold;
        }

        public void setFailureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getAppName() {
        return appName;
    }

    public void setAppName(String appName) {
        this.appName = appName;
    }

    public String getAppType() {
        return appType;
    }

    public void setAppType(String appType) {
        this.appType = appType;
    }

    public String getArtifact() {
        return artifact;
    }

    public void setArtifact(String artifact) {
        this.artifact = artifact;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Duration getRetryDeadline() {
        return retryDeadline;
    }

    public void setRetryDeadline(Duration retryDeadline) {
        this.retryDeadline = retryDeadline;
    }

    public Duration getFlushTimeout() {
        return flushTimeout;
    }

    public void setFlushTimeout(Duration flushTimeout) {
        this.flushTimeout = flushTimeout;
    }

    public int getQueueCapacity() {
        return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public long getMaxQueuedBytes() {
        return maxQueuedBytes;
    }

    public void setMaxQueuedBytes(long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    public Map<String, Map<String, String>> getExtInfo() {
        return extInfo;
    }

    public void setExtInfo(Map<String, Map<String, String>> extInfo) {
        this.extInfo = extInfo;
    }

    public Map<String, Job> getJobs() {
        return jobs;
    }

    public void setJobs(Map<String, Job> jobs) {
        this.jobs = jobs;
    }

    public Beats getBeats() {
        return beats;
    }

    public Health getHealth() {
        return health;
    }

    public Monitors getMonitors() {
        return monitors;
    }
}
