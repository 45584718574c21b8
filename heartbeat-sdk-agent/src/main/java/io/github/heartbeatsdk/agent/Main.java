package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.internal.SdkVersion;

import java.util.Arrays;

/**
 * {@code java -jar heartbeat-sdk-agent.jar <command>}: the command-line side of the jar. Not an
 * API to call. Exit status: {@value #OK} done, {@value #FAILED} not done (not delivered, not
 * attached), {@value #USAGE} a bad command line or configuration; {@code run} exits with its
 * command's own status instead.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: java -jar heartbeat-sdk-agent.jar <command> [arguments]",
            "",
            "commands:",
            "  ping [ENDPOINT-URI]                  one ping, with retries; exit 0 once delivered",
            "  run [OPTIONS] -- COMMAND [ARGS...]   report COMMAND's start and end; exit with its status",
            "      --name NAME (default: the command's file name), --every DURATION (30s, 5m, PT1H: repeat)",
            "  start [OPTIONS]                      report a start by hand; prints export HEARTBEAT_RUN_ID=... for eval",
            "  success|fail|log [OPTIONS] [TEXT]    report the end (or log) of the run in HEARTBEAT_RUN_ID",
            "  attach PID [KEY=VALUE,...]           load the agent into the running JVM PID",
            "  version                              print the version",
            "",
            "options of the commands above: --endpoint URI, --config FILE, --log-level off|error|warn|info|debug",
            "The endpoint comes from --endpoint URI, or HEARTBEAT_ENDPOINT (keeps the secret out of ps).",
            "Exit status: 0 done, 1 not done (not delivered, not attached), 2 bad command line or configuration.",
            "Docs: docs/cli.md (the commands above) and docs/agent.md (the -javaagent) in the heartbeat-sdk repository");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command; returns its exit status. Never throws. */
    static int run(String[] args) {
        try {
            if (args.length == 0) {
                System.err.println(USAGE_TEXT);
                return USAGE;
            }
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            switch (args[0]) {
                case "help":
                case "-h":
                case "--help":
                    System.out.println(USAGE_TEXT);
                    return OK;
                case "version":
                case "--version":
                    System.out.println("heartbeat-sdk-agent " + SdkVersion.VERSION);
                    return OK;
                case "attach":
                    if (rest.length < 1 || rest.length > 2) {
                        System.err.println(HeartbeatAgent.PREFIX + " ERROR usage: attach PID [KEY=VALUE,...]");
                        return USAGE;
                    }
                    return Attach.attach(rest[0], rest.length > 1 ? rest[1] : "");
                default:
                    return Wrapper.run(args[0], rest);
            }
        } catch (Throwable e) {
            System.err.println(HeartbeatAgent.PREFIX + " ERROR " + AgentStart.describe(e));
            return FAILED;
        }
    }
}
