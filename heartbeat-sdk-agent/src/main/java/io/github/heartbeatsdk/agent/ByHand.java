package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.JobRun;
import io.github.heartbeatsdk.internal.ApiAccess;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code start}, {@code success}, {@code fail} and {@code log}: for scripts that report by hand
 * across several processes. {@code start} prints shell {@code export} lines for its run id, start
 * time and job name; the other commands read them back from the environment and end (or log to)
 * that run, so the backend pairs them up as if one process had done it all.
 */
final class ByHand {
    static final String RUN_ID = "HEARTBEAT_RUN_ID";
    static final String RUN_STARTED = "HEARTBEAT_RUN_STARTED";
    static final String RUN_NAME = "HEARTBEAT_RUN_NAME";
    /** The failure message of {@code fail} without a text. */
    static final String FAILED_BY_SCRIPT = "failed";

    private final HeartbeatClient client;
    private final CommandLine line;
    private final Map<String, String> environment;
    private final long waitMillis;

    /** @param waitMillis at most how long to wait for the delivery */
    ByHand(HeartbeatClient client, CommandLine line, Map<String, String> environment, long waitMillis) {
        this.client = client;
        this.line = line;
        this.environment = environment;
        this.waitMillis = waitMillis;
    }

    /**
     * Runs the command; returns its exit status.
     *
     * @throws CommandLine.UsageException without a job name or, except for start, a run id
     * @throws IOException when {@code -} cannot read standard input
     */
    int run(PrintStream out, InputStream in) throws CommandLine.UsageException, IOException {
        String name = line.flag("--name");
        if (name == null && !line.command.equals("start")) {
            name = environment.get(RUN_NAME);
        }
        if (name == null || name.trim().isEmpty()) {
            throw new CommandLine.UsageException(line.command + ": needs --name NAME"
                    + (line.command.equals("start") ? "" : " (or " + RUN_NAME + " from start)"));
        }
        if (line.command.equals("start")) {
            JobRun run = client.startJob(name);
            long started = System.currentTimeMillis() - run.elapsed().toMillis();
            out.println("export " + RUN_ID + "=" + run.runId());
            out.println("export " + RUN_STARTED + "=" + started);
            out.println("export " + RUN_NAME + "=" + shellQuoted(name));
            out.flush();
            return finish(run.started());
        }
        String runId = line.flag("--run-id");
        if (runId == null) {
            runId = environment.get(RUN_ID);
        }
        if (runId == null || runId.trim().isEmpty()) {
            throw new CommandLine.UsageException(line.command + ": no run id: set " + RUN_ID + " (eval the output of start)"
                    + " or give --run-id ID");
        }
        JobRun run = ApiAccess.get().resumeRun(client, name, runId.trim(), startedMillis());
        String text = line.positional.isEmpty() ? null : line.positional.get(0);
        if ("-".equals(text)) {
            text = readTail(in);
        }
        if (line.command.equals("success")) {
            return finish(text == null ? run.success() : run.exit(0, text));
        }
        if (line.command.equals("fail")) {
            return finish(run.fail(text == null ? FAILED_BY_SCRIPT : text));
        }
        return finish(run.log(text)); // log: the run goes on, so it is not ended (closing it would report failure)
    }

    /** {@code HEARTBEAT_RUN_STARTED}, or now (a duration of zero) when it is missing or not a number. */
    private long startedMillis() {
        String value = environment.get(RUN_STARTED);
        if (value != null) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                System.err.println(HeartbeatAgent.PREFIX + " WARN " + RUN_STARTED + " is not a number; the run's duration is unknown");
            }
        }
        return System.currentTimeMillis();
    }

    private int finish(CompletionStage<DeliveryResult> delivery) {
        DeliveryResult result = ExitStatus.await(delivery, waitMillis);
        int status = ExitStatus.of(result);
        if (status != Main.OK) {
            System.err.println(HeartbeatAgent.PREFIX + " ERROR " + line.command + " not delivered to " + client.endpointName()
                    + ": " + ExitStatus.describe(result));
        }
        return status;
    }

    /** Standard input to its end, keeping only what a signal can carry. */
    static String readTail(InputStream in) throws IOException {
        OutputTail tail = new OutputTail(JobRun.MAX_MESSAGE_BYTES);
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            tail.write(buffer, 0, n);
        }
        return tail.text();
    }

    /** {@code 'it'\''s'}: safe inside {@code eval} whatever the name holds. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
