package io.github.heartbeatsdk.benchmarks;

import io.sentry.CheckIn;
import io.sentry.CheckInStatus;
import io.sentry.Sentry;
import io.sentry.SentryOptions;

/**
 * {@link PeersScenario}'s Sentry ({@code io.sentry:sentry}): Crons check-ins,
 * {@code Sentry.captureCheckIn(new CheckIn(slug, OK))}, each one envelope POSTed to
 * {@code /api/<project>/envelope/} by Sentry's transport thread. The DSN is the receiver's, with
 * a path of the launch's own before the project id. Arguments: {@code first|oneshot|burst <dsn>}.
 *
 * <p>{@link #tuned} is what a careful user who sends check-ins only would set; BENCHMARKS.md
 * lists it. Options are built as a {@link SentryOptions} and given to {@code Sentry.init(options)},
 * not through a lambda, so the harness links no lambda of its own in the measured stretch.
 */
public final class PeerSentryChild {
    /** Time {@code Sentry.flush} may take for the burst's queue to drain. */
    static final long BURST_FLUSH_MILLIS = 180_000;
    static final String SLUG = "peers-benchmark";

    private PeerSentryChild() {
    }

    /** The check-in-only set-up: a queue for the whole burst, no integrations a job that closes Sentry itself needs. */
    static SentryOptions tuned(String dsn) {
        SentryOptions options = new SentryOptions();
        options.setDsn(dsn);
        options.setMaxQueueSize(PeerChild.BURST); // default 30: a burst beyond it is dropped
        options.setFlushTimeoutMillis(5_000); // what close() waits for the queue at most; the SDK's flush timeout too
        options.setEnableShutdownHook(false); // the job calls Sentry.close() itself
        options.setEnableUncaughtExceptionHandler(false); // check-ins only: no error events
        options.setSendClientReports(false); // no envelopes but the check-ins
        options.setSendModules(false); // no scan of the class path's modules at init
        options.setEnableBackpressureHandling(false); // it samples transactions down; there are none
        return options;
    }

    public static void main(String[] args) throws Exception {
        String dsn = args[1];
        if (args[0].equals("oneshot")) {
            // The whole process is timed from outside: init, one check-in, close (which flushes), return from main.
            Sentry.init(tuned(dsn));
            Sentry.captureCheckIn(new CheckIn(SLUG, CheckInStatus.OK));
            Sentry.close();
            return;
        }
        PeerChild child = PeerChild.start();
        switch (args[0]) {
            case "first" -> {
                PeerChild.Start.mark();
                long t0 = System.nanoTime();
                Sentry.init(tuned(dsn));
                Sentry.captureCheckIn(new CheckIn(SLUG, CheckInStatus.OK));
                Sentry.flush(30_000);
                PeerChild.Delivered.mark();
                child.put("t0", t0);
                Sentry.close();
            }
            case "burst" -> {
                Sentry.init(tuned(dsn));
                long heapBefore = PeerChild.usedHeapAfterGc();
                long t0 = System.nanoTime();
                for (int i = 0; i < PeerChild.BURST; i++) {
                    Sentry.captureCheckIn(new CheckIn(SLUG, CheckInStatus.OK));
                }
                long t1 = System.nanoTime();
                long heapAfter = PeerChild.usedHeapAfterGc();
                Sentry.flush(BURST_FLUSH_MILLIS);
                long t2 = System.nanoTime();
                Sentry.close();
                // Fire and forget: the receiver's count of envelopes is the accounting.
                child.put("burst.offerMs", (t1 - t0) / 1e6).put("burst.drainMs", (t2 - t1) / 1e6)
                        .put("burst.heapBefore", heapBefore).put("burst.heapAfter", heapAfter);
            }
            default -> throw PeerChild.unknownMode(args[0]);
        }
        child.print();
    }
}
