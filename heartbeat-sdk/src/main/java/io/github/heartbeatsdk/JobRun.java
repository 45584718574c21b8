package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.internal.LazyLogger;
import io.github.heartbeatsdk.internal.ResultFuture;
import io.github.heartbeatsdk.internal.TextTail;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a job, from {@link HeartbeatClient#startJob}: it tells the backend when the run
 * started, then how it ended (success, failure or exit status) with its run id and duration.
 *
 * <pre>{@code
 * try (JobRun run = heartbeat.startJob("backup")) {
 *     run.log(backupOutput());
 *     run.success();
 * }   // a run closed without an end reports failure: "ended without success"
 * }</pre>
 *
 * <p>Thread-safe. Every method returns at once; the returned stage completes when the signal is
 * delivered or has failed for good. A run ends once: a second {@code success}, {@code fail} or
 * {@code exit} is ignored (logged at DEBUG) and its stage is already completed as
 * {@link Outcome#DROPPED}. Messages and log text keep their last {@value #MAX_MESSAGE_BYTES} UTF-8
 * bytes in memory; each endpoint trims them further to its backend's limit.
 */
public final class JobRun implements AutoCloseable {
    /** The most of a message or log text kept in memory: its tail, in UTF-8 bytes. */
    public static final int MAX_MESSAGE_BYTES = 100_000;
    /** The failure message of a run closed without an end. */
    public static final String ENDED_WITHOUT_SUCCESS = "ended without success";

    private static final LazyLogger log = new LazyLogger(JobRun.class);

    private final HeartbeatClient client;
    private final String name;
    private final String runId;
    private final long startMillis;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long endMillis = -1;
    private CompletionStage<DeliveryResult> started;

    JobRun(HeartbeatClient client, String name, String runId, long startMillis) {
        this.client = client;
        this.name = name;
        this.runId = runId;
        this.startMillis = startMillis;
    }

    void started(CompletionStage<DeliveryResult> delivery) {
        this.started = delivery;
    }

    /** The delivery of this run's start signal. */
    public CompletionStage<DeliveryResult> started() {
        return started;
    }

    /** The job's name. */
    public String name() {
        return name;
    }

    /** This run's id (a random UUID): the backend pairs the start and the end by it. */
    public String runId() {
        return runId;
    }

    /** How long the run has lasted so far; once ended, its duration (it stops growing). */
    public Duration elapsed() {
        long end = endMillis;
        return Duration.ofMillis(Math.max(0, (end >= 0 ? end : client.nowMillis()) - startMillis));
    }

    /** True once the run has ended. */
    public boolean isEnded() {
        return ended.get();
    }

    /** Ends the run successfully. */
    public CompletionStage<DeliveryResult> success() {
        return end(SignalKind.SUCCESS, -1, null);
    }

    /** Ends the run as failed by {@code error}: the backend gets its class name and message. */
    public CompletionStage<DeliveryResult> fail(Throwable error) {
        if (error == null) {
            throw new NullPointerException("error == null");
        }
        return end(SignalKind.FAIL, -1, describe(error));
    }

    /** Ends the run as failed, with a message for the backend. */
    public CompletionStage<DeliveryResult> fail(String message) {
        if (message == null) {
            throw new NullPointerException("message == null");
        }
        return end(SignalKind.FAIL, -1, message);
    }

    /**
     * Ends the run with a process-style exit status: 0 is success, anything else failure.
     *
     * @throws IllegalArgumentException when {@code status} is outside 0..255
     */
    public CompletionStage<DeliveryResult> exit(int status) {
        if (status < 0 || status > 255) {
            throw new IllegalArgumentException("exit status must be in 0..255, got " + status);
        }
        return exit(status, null);
    }

    /**
     * Ends the run with a process-style exit status and the end of its output (a command's
     * stdout and stderr, say): 0 is success, anything else failure. Only the tail is kept (see
     * the class doc); null sends no output.
     *
     * @throws IllegalArgumentException when {@code status} is outside 0..255
     */
    public CompletionStage<DeliveryResult> exit(int status, String output) {
        if (status < 0 || status > 255) {
            throw new IllegalArgumentException("exit status must be in 0..255, got " + status);
        }
        return end(SignalKind.EXIT, status, output);
    }

    /** Sends log text for this run without changing its state; only the tail is kept (see class doc). */
    public CompletionStage<DeliveryResult> log(String text) {
        if (text == null) {
            throw new NullPointerException("text == null");
        }
        return client.submit(signal(SignalKind.LOG, -1, text));
    }

    /** Ends the run as failed ({@value #ENDED_WITHOUT_SUCCESS}) unless it has ended already. */
    @Override
    public void close() {
        if (!ended.get()) {
            end(SignalKind.FAIL, -1, ENDED_WITHOUT_SUCCESS);
        }
    }

    private CompletionStage<DeliveryResult> end(SignalKind kind, int exitCode, String message) {
        if (!ended.compareAndSet(false, true)) {
            log.get().debug("run {} of job {} already ended; {} ignored", runId, name, kind);
            return ResultFuture.completed(new DeliveryResult(Outcome.DROPPED, 0, 0, "run already ended"));
        }
        Signal end = signal(kind, exitCode, message);
        endMillis = end.timestampMillis();
        return client.submit(end);
    }

    private Signal signal(SignalKind kind, int exitCode, String message) {
        long now = client.nowMillis();
        String kept = message == null ? null : TextTail.utf8String(message, MAX_MESSAGE_BYTES);
        return Signal.job(kind, now, name, runId, exitCode, Math.max(0, now - startMillis), kept);
    }

    static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getName()
                : error.getClass().getName() + ": " + error.getMessage();
    }

    @Override
    public String toString() {
        return "JobRun{" + name + ", runId=" + runId + (ended.get() ? ", ended" : "") + "}";
    }
}
