package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.ExtInfoRegistry;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatStats;
import io.github.heartbeatsdk.InstanceInfo;
import io.github.heartbeatsdk.JobRun;
import io.github.heartbeatsdk.PluginInfo;
import io.github.heartbeatsdk.Signal;

import java.util.List;
import java.util.Map;

/**
 * How the engine makes the API's values that users never construct: their constructors are not
 * public, so they are not API, and the API package hands this one door to the engine when it
 * loads (OkHttp's {@code Internal} and Guava use the same shape). Not API.
 */
public abstract class ApiAccess {
    private static volatile ApiAccess instance;

    /** The API package's implementation; loads the API package first if nobody has yet. */
    public static ApiAccess get() {
        ApiAccess current = instance;
        if (current != null) {
            return current;
        }
        try {
            Class.forName("io.github.heartbeatsdk.DeliveryResult", true, ApiAccess.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("heartbeat-sdk is incomplete: " + e.getMessage());
        }
        return instance;
    }

    /** Called once, by the API package as it loads; a later call changes nothing. */
    public static synchronized void set(ApiAccess access) {
        if (instance == null) {
            instance = access;
        }
    }

    /** A delivery's end. */
    public abstract DeliveryResult deliveryResult(DeliveryResult.Outcome outcome, int statusCode, int attempts,
                                                  String error, String endpoint);

    /** A stats snapshot. */
    public abstract HeartbeatStats stats(long enqueued, long delivered, long skipped, long rejected, long failed,
                                         long dropped, long retried, long beatsSkipped, long coalesced, long pending,
                                         long lastSuccessMillis, String lastError);

    /** This process's instance metadata. */
    public abstract InstanceInfo instance(String service, String appName, String appType, String artifact,
                                          String instanceId, String hostName, List<String> ip, String processId,
                                          String version, boolean dynamicInstall);

    /** Marks the client {@code builder} builds as installed into a running JVM (the agent's attach). */
    public abstract void dynamicInstall(HeartbeatClient.Builder builder);

    /**
     * A run of {@code name} that another process started, with its run id and start time: ending
     * it sends only the end signal (the command-line wrapper's {@code success} after {@code start}).
     *
     * @throws IllegalArgumentException for a bad job name or a blank run id
     */
    public abstract JobRun resumeRun(HeartbeatClient client, String name, String runId, long startMillis);

    /** A periodic beat with its metadata and the plugins' ext info. */
    public abstract Signal beat(long timestampMillis, long lastBeatMillis, InstanceInfo instance,
                                Map<String, PluginInfo> plugins);

    /** Every registered provider's fresh answer, one entry per plugin. */
    public abstract Map<String, PluginInfo> evaluate(ExtInfoRegistry registry);
}
