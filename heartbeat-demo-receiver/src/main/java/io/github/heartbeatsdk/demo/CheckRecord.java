package io.github.heartbeatsdk.demo;

import io.github.heartbeatsdk.SignalKind;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the receiver knows of one check: its last "alive", open runs by run id, the last run's
 * end and log. Not thread-safe: {@link ReceiverState} guards it.
 */
final class CheckRecord {
    /** Open runs kept per check; a job that only ever starts cannot grow this without bound. */
    private static final int MAX_OPEN_RUNS = 100;
    /** A run without {@code rid} pairs with the latest start without one, as Healthchecks does. */
    private static final String NO_RUN_ID = "";

    private final String name;
    private final long firstSeenMillis;
    private final Map<String, Long> openRuns = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_OPEN_RUNS;
        }
    };
    private long lastPingMillis = -1;
    private boolean failed;
    private CheckView.Run lastRun;
    private String lastLog;
    private int signals;

    CheckRecord(String name, long nowMillis) {
        this.name = name;
        this.firstSeenMillis = nowMillis;
    }

    /** Applies one signal: PING, START, SUCCESS, FAIL, EXIT (with {@code exitCode}) or LOG. */
    void apply(SignalKind kind, String runId, int exitCode, String message, long nowMillis) {
        signals++;
        String key = runId != null ? runId : NO_RUN_ID;
        switch (kind) {
            case PING -> alive(nowMillis);
            case START -> openRuns.put(key, nowMillis);
            case LOG -> lastLog = message;
            case SUCCESS -> end(key, runId, "success", null, nowMillis);
            case FAIL -> end(key, runId, "failed", message, nowMillis);
            case EXIT -> end(key, runId, exitCode == 0 ? "success" : "exit " + exitCode, message, nowMillis);
            default -> throw new IllegalArgumentException("a check does not take " + kind);
        }
    }

    private void alive(long nowMillis) {
        lastPingMillis = nowMillis;
        failed = false;
    }

    private void end(String key, String runId, String outcome, String message, long nowMillis) {
        Long started = openRuns.remove(key);
        lastRun = new CheckView.Run(runId, outcome, started != null ? nowMillis - started : -1, message);
        if (outcome.equals("success")) {
            alive(nowMillis);
        } else {
            failed = true;
        }
    }

    /** This check at {@code nowMillis}: up, late past {@code toleranceMillis}, down past twice it or after a failure. */
    CheckView view(long nowMillis, long toleranceMillis) {
        long since = lastPingMillis >= 0 ? lastPingMillis : firstSeenMillis;
        long age = nowMillis - since;
        CheckView.Status status = failed || age > 2 * toleranceMillis ? CheckView.Status.DOWN
                : age > toleranceMillis ? CheckView.Status.LATE : CheckView.Status.UP;
        return new CheckView(name, status, lastPingMillis, !openRuns.isEmpty(), lastRun, lastLog, signals);
    }
}
