package io.github.heartbeatsdk;

import java.util.List;

/**
 * Who is beating: the instance metadata a periodic beat carries, with Sermant's meaning for
 * every field. Collected once per client, on the delivery thread before the first beat. Immutable.
 */
public final class InstanceInfo {
    private final String service;
    private final String appName;
    private final String appType;
    private final String artifact;
    private final String instanceId;
    private final String hostName;
    private final List<String> ip;
    private final String processId;
    private final String version;
    private final boolean dynamicInstall;

    InstanceInfo(String service, String appName, String appType, String artifact, String instanceId,
                 String hostName, List<String> ip, String processId, String version, boolean dynamicInstall) {
        this.service = service;
        this.appName = appName;
        this.appType = appType;
        this.artifact = artifact;
        this.instanceId = instanceId;
        this.hostName = hostName;
        this.ip = ip;
        this.processId = processId;
        this.version = version;
        this.dynamicInstall = dynamicInstall;
    }

    /** The service name (Sermant's {@code serviceName}); default {@code "default"}. */
    public String service() {
        return service;
    }

    /** The application name; default {@code "default"}. */
    public String appName() {
        return appName;
    }

    /** The application type; default {@code "default"}. */
    public String appType() {
        return appType;
    }

    /** The artifact name; default {@code "default"}. */
    public String artifact() {
        return artifact;
    }

    /** The instance id: a random UUID per client unless set, so a restart is a new instance. */
    public String instanceId() {
        return instanceId;
    }

    /** The host name. */
    public String hostName() {
        return hostName;
    }

    /** This host's IPv4 addresses except loopback, or {@code ["127.0.0.1"]} when it has none. Never empty. */
    public List<String> ip() {
        return ip;
    }

    /** The JVM's process id, as a string like Sermant's. */
    public String processId() {
        return processId;
    }

    /** The SDK's version (Sermant reports its agent version here). */
    public String version() {
        return version;
    }

    /**
     * True when the heartbeat was installed into a JVM that was already running (the
     * heartbeat-sdk agent's {@code attach}), as Sermant's {@code dynamicInstall}; false for a
     * client built by the application or loaded with {@code -javaagent} at start.
     */
    public boolean dynamicInstall() {
        return dynamicInstall;
    }

    @Override
    public String toString() {
        return "InstanceInfo{service=" + service + ", appName=" + appName + ", instanceId=" + instanceId
                + ", hostName=" + hostName + ", ip=" + ip + ", processId=" + processId + "}";
    }
}
