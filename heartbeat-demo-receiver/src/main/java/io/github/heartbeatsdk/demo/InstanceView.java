package io.github.heartbeatsdk.demo;

/**
 * A service instance (Sermant keys it by service and instance id) as the receiver sees it at one moment.
 *
 * @param last the newest heartbeat, which replaced the ones before it
 * @param status ALIVE until the effective time passes without a beat, then LOST
 * @param receivedMillis when the newest beat arrived, on the receiver's clock
 * @param beats how many beats it has sent
 * @param channel how the newest beat came: {@code "tcp"} or {@code "http"}
 */
public record InstanceView(Heartbeat last, Status status, long receivedMillis, int beats, String channel) {
    /** Sermant's {@code health}: true while beats arrive within {@code max.effective.time}. */
    public enum Status {
        /** Beating. */
        ALIVE,
        /** No beat within the effective time. */
        LOST;

        /** The lower-case name shown in the panel and the API. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
