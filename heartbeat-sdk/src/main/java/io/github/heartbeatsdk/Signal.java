package io.github.heartbeatsdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One immutable thing the client tells a backend: a ping, a beat or a step of a job run.
 *
 * <p>An {@link Endpoint} turns a signal into a request in its backend's wire format. Fields that
 * do not apply to the signal's kind are {@code null} (or {@code -1} for numbers).
 */
public final class Signal {
    private final SignalKind kind;
    private final long timestampMillis;
    private final String jobName;
    private final String runId;
    private final int exitCode;
    private final long durationMillis;
    private final String message;
    private final long lastBeatMillis;
    private final InstanceInfo instance;
    private final Map<String, PluginInfo> plugins;

    private Signal(SignalKind kind, long timestampMillis, String jobName, String runId,
                   int exitCode, long durationMillis, String message) {
        this(kind, timestampMillis, jobName, runId, exitCode, durationMillis, message, 0, null,
                Collections.<String, PluginInfo>emptyMap());
    }

    private Signal(SignalKind kind, long timestampMillis, String jobName, String runId, int exitCode,
                   long durationMillis, String message, long lastBeatMillis, InstanceInfo instance,
                   Map<String, PluginInfo> plugins) {
        if (kind == null) {
            throw new NullPointerException("kind == null");
        }
        this.kind = kind;
        this.timestampMillis = timestampMillis;
        this.jobName = jobName;
        this.runId = runId;
        this.exitCode = exitCode;
        this.durationMillis = durationMillis;
        this.message = message;
        this.lastBeatMillis = lastBeatMillis;
        this.instance = instance;
        this.plugins = plugins;
    }

    /** Returns a one-shot ping taken at {@code timestampMillis} (epoch milliseconds). */
    public static Signal ping(long timestampMillis) {
        return new Signal(SignalKind.PING, timestampMillis, null, null, -1, -1, null);
    }

    /** Returns a periodic beat without instance metadata, taken at {@code timestampMillis}. */
    public static Signal beat(long timestampMillis) {
        return new Signal(SignalKind.BEAT, timestampMillis, null, null, -1, -1, null);
    }

    /**
     * Returns a periodic beat with its instance metadata and plugins' ext info.
     *
     * @param timestampMillis this beat's time (Sermant's {@code heartbeatTime})
     * @param lastBeatMillis the previous beat's time, or 0 for the first (Sermant's {@code lastHeartbeatTime})
     * @param plugins the plugins' entries by name (copied)
     */
    static Signal beat(long timestampMillis, long lastBeatMillis, InstanceInfo instance,
                       Map<String, PluginInfo> plugins) {
        if (instance == null) {
            throw new NullPointerException("instance == null");
        }
        return new Signal(SignalKind.BEAT, timestampMillis, null, null, -1, -1, null, lastBeatMillis, instance,
                Collections.unmodifiableMap(new LinkedHashMap<String, PluginInfo>(plugins)));
    }

    /**
     * Returns a step of a job run.
     *
     * @param kind one of START, SUCCESS, FAIL, EXIT, LOG
     * @param exitCode the exit status for EXIT (0..255), else -1
     * @param durationMillis the run's duration so far, or -1 when unknown
     * @param message log text or failure message, or null
     */
    public static Signal job(SignalKind kind, long timestampMillis, String jobName, String runId,
                             int exitCode, long durationMillis, String message) {
        if (kind == SignalKind.BEAT || kind == SignalKind.PING) {
            throw new IllegalArgumentException("kind must be a job step, got " + kind);
        }
        if (kind == SignalKind.EXIT && (exitCode < 0 || exitCode > 255)) {
            throw new IllegalArgumentException("exitCode must be in 0..255, got " + exitCode);
        }
        return new Signal(kind, timestampMillis, jobName, runId, exitCode, durationMillis, message);
    }

    /** What this signal tells the backend. */
    public SignalKind kind() {
        return kind;
    }

    /** When the signal was created, in epoch milliseconds. */
    public long timestampMillis() {
        return timestampMillis;
    }

    /** The job's name, or null when this is not a job step. */
    public String jobName() {
        return jobName;
    }

    /** The run id pairing a job's start with its end, or null when this is not a job step. */
    public String runId() {
        return runId;
    }

    /** The exit status (0..255) of an EXIT signal, else -1. */
    public int exitCode() {
        return exitCode;
    }

    /** How long the run took in milliseconds, or -1 when unknown. */
    public long durationMillis() {
        return durationMillis;
    }

    /** Log text or failure message, or null. */
    public String message() {
        return message;
    }

    /** For a beat, the previous beat's time in epoch milliseconds, or 0 for the first beat. */
    public long lastBeatMillis() {
        return lastBeatMillis;
    }

    /** For a beat, who is beating; null for other signals and for a beat built without metadata. */
    public InstanceInfo instance() {
        return instance;
    }

    /** For a beat, the plugins' entries by name (unmodifiable); empty for other signals. */
    public Map<String, PluginInfo> plugins() {
        return plugins;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Signal{").append(kind);
        if (jobName != null) {
            s.append(", job=").append(jobName).append(", runId=").append(runId);
        }
        if (exitCode >= 0) {
            s.append(", exitCode=").append(exitCode);
        }
        if (durationMillis >= 0) {
            s.append(", durationMillis=").append(durationMillis);
        }
        return s.append('}').toString();
    }
}
