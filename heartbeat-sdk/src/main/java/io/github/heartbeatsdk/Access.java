package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.ApiAccess;

import java.util.List;
import java.util.Map;

/** The API package's side of {@link ApiAccess}: registered when {@link DeliveryResult} loads. */
final class Access extends ApiAccess {
    @Override
    public DeliveryResult deliveryResult(DeliveryResult.Outcome outcome, int statusCode, int attempts, String error,
                                         String endpoint) {
        return new DeliveryResult(outcome, statusCode, attempts, error, endpoint);
    }

    @Override
    public HeartbeatStats stats(long enqueued, long delivered, long skipped, long rejected, long failed, long dropped,
                                long retried, long beatsSkipped, long coalesced, long pending, long lastSuccessMillis,
                                String lastError) {
        return new HeartbeatStats(enqueued, delivered, skipped, rejected, failed, dropped, retried, beatsSkipped,
                coalesced, pending, lastSuccessMillis, lastError);
    }

    @Override
    public InstanceInfo instance(String service, String appName, String appType, String artifact, String instanceId,
                                 String hostName, List<String> ip, String processId, String version,
                                 boolean dynamicInstall) {
        return new InstanceInfo(service, appName, appType, artifact, instanceId, hostName, ip, processId, version,
                dynamicInstall);
    }

    @Override
    public void dynamicInstall(HeartbeatClient.Builder builder) {
        builder.dynamicInstall = true;
    }

    @Override
    public JobRun resumeRun(HeartbeatClient client, String name, String runId, long startMillis) {
        return client.resumeJob(name, runId, startMillis);
    }

    @Override
    public Signal beat(long timestampMillis, long lastBeatMillis, InstanceInfo instance, Map<String, PluginInfo> plugins) {
        return Signal.beat(timestampMillis, lastBeatMillis, instance, plugins);
    }

    @Override
    public Map<String, PluginInfo> evaluate(ExtInfoRegistry registry) {
        return registry.evaluate();
    }
}
