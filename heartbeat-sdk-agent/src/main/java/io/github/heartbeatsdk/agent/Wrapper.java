package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatConfig;
import io.github.heartbeatsdk.internal.ConfigKeys;
import io.github.heartbeatsdk.internal.ConsoleLog;
import io.github.heartbeatsdk.internal.LazyLogger;

import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The wrapper's commands ({@code ping}, {@code run}, {@code start}, {@code success}, {@code fail},
 * {@code log}): parses the command line, builds one client from the settings' layers, and hands
 * over. Everything it prints goes to stderr, which for {@code run} is also the command's, so it
 * says little: warnings and errors by default, and an endpoint only masked.
 */
final class Wrapper {
    /** Quiet by default: the wrapper's stderr is the command's too. */
    static final String DEFAULT_LOG_LEVEL = "warn";
    /** Slack beyond the retry deadline and one call's timeout before a wait gives up. */
    private static final long WAIT_SLACK_MILLIS = 2000;

    private Wrapper() {
    }

    static int run(String command, String[] args) {
        LazyLogger.useOnly(ConsoleLog.parse(HeartbeatAgent.PREFIX, DEFAULT_LOG_LEVEL)); // before anything can log
        if (!CommandLine.isWrapperCommand(command)) {
            System.err.println(HeartbeatAgent.PREFIX + " ERROR unknown command '" + command + "'");
            System.err.println(Main.USAGE_TEXT);
            return Main.USAGE;
        }
        try {
            CommandLine line = CommandLine.parse(command, args);
            Map<String, String> environment = System.getenv();
            AgentSettings settings = AgentSettings.load(line.settingsOptions(), System.getProperties(),
                    sdkEnvironment(environment), Collections.<String, String>emptyMap());
            LazyLogger.useOnly(ConsoleLog.parse(HeartbeatAgent.PREFIX, settings.logLevel(DEFAULT_LOG_LEVEL)));
            HeartbeatConfig config = settings.sdkConfig();
            ConfigKeys.requireKnownKeys(config); // a misspelt key in a file is the likelier mistake than no endpoint
            if (config.enabled() && ConfigKeys.endpoint(config) == null) {
                return usage("no endpoint: give --endpoint URI" + (command.equals("ping") ? " or ping URI" : "")
                        + ", -Dheartbeat.endpoint=URI, HEARTBEAT_ENDPOINT (which keeps it out of ps) or"
                        + " heartbeat.endpoint in the --config file");
            }
            long waitMillis = config.retryDeadline().toMillis() + config.callTimeout().toMillis() + WAIT_SLACK_MILLIS;
            if (command.equals("run")) {
                String name = line.flag("--name") != null ? line.flag("--name") : defaultName(line.argv.get(0));
                HeartbeatClient client = HeartbeatClient.fromConfig(config);
                return new Supervisor(client, name, line.argv, line.every, config.flushTimeout().toMillis()).run();
            }
            HeartbeatClient client = HeartbeatClient.fromConfig(config);
            try {
                if (command.equals("ping")) {
                    return ping(client, waitMillis);
                }
                return new ByHand(client, line, environment, waitMillis).run(System.out, System.in);
            } finally {
                client.close();
            }
        } catch (CommandLine.UsageException e) {
            return usage(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return usage(AgentStart.describe(e)); // the SDK's messages name the setting, never a secret
        } catch (IOException e) {
            System.err.println(HeartbeatAgent.PREFIX + " ERROR cannot read standard input: " + e.getClass().getName());
            return Main.FAILED;
        }
    }

    private static int ping(HeartbeatClient client, long waitMillis) {
        DeliveryResult result = ExitStatus.await(client.ping(), waitMillis);
        int status = ExitStatus.of(result);
        if (status != Main.OK && client.isEnabled()) {
            System.err.println(HeartbeatAgent.PREFIX + " ERROR ping not delivered to " + client.endpointName() + ": "
                    + ExitStatus.describe(result));
        }
        return client.isEnabled() ? status : Main.OK;
    }

    /** The job's name when {@code --name} is not given: the command's file name ({@code backup.sh}). */
    static String defaultName(String program) {
        String name = new File(program).getName();
        return name.trim().isEmpty() ? "command" : name;
    }

    /**
     * The environment without the wrapper's own run variables, which are not settings: the SDK
     * would warn about each as an unknown {@code HEARTBEAT_*} variable.
     */
    static Map<String, String> sdkEnvironment(Map<String, String> environment) {
        Map<String, String> copy = new HashMap<String, String>(environment);
        copy.remove(ByHand.RUN_ID);
        copy.remove(ByHand.RUN_STARTED);
        copy.remove(ByHand.RUN_NAME);
        return copy;
    }

    private static int usage(String message) {
        System.err.println(HeartbeatAgent.PREFIX + " ERROR " + message);
        System.err.println(HeartbeatAgent.PREFIX + " usage: java -jar heartbeat-sdk-agent.jar --help");
        return Main.USAGE;
    }
}
