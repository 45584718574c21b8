package io.github.heartbeatsdk.demo;

/**
 * A check (one ping URL) as the receiver sees it at one moment.
 *
 * @param lastPingMillis when it last said "alive" (a ping, a success or exit 0); -1 for never
 * @param running whether a run has started and not ended yet
 * @param lastRun how the last run ended, or null when none has
 * @param lastLog the last log text (shortened), or null
 * @param signals how many signals it has received
 */
public record CheckView(String name, Status status, long lastPingMillis, boolean running, Run lastRun,
                        String lastLog, int signals) {
    /** A check's state, by the age of its last "alive" against the receiver's fault tolerance. */
    public enum Status {
        /** Pinged within the fault tolerance. */
        UP,
        /** Past the fault tolerance, not yet twice it: an incident is coming. */
        LATE,
        /** Past twice the fault tolerance, or its last run failed. */
        DOWN;

        /** The lower-case name shown in the panel and the API. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The end of one run.
     *
     * @param runId the {@code rid} that paired it with its start, or null
     * @param outcome {@code "success"}, {@code "failed"} or {@code "exit <n>"}
     * @param durationMillis from its start to its end on the receiver's clock, or -1 with no start seen
     * @param message the failure message (shortened), or null
     */
    public record Run(String runId, String outcome, long durationMillis, String message) {
    }
}
