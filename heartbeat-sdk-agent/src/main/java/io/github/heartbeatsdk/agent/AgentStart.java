package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatConfig;
import io.github.heartbeatsdk.internal.ApiAccess;
import io.github.heartbeatsdk.internal.ConfigKeys;
import io.github.heartbeatsdk.internal.ConsoleLog;
import io.github.heartbeatsdk.internal.LazyLogger;

import java.util.Collections;
import java.util.Map;

/**
 * What the agent does once loaded: reads its settings, builds this JVM's one client and starts its
 * beats. A class of its own so that {@code premain}, on the application's main thread, loads
 * none of the SDK's classes: they load on the agent's thread.
 */
final class AgentStart {
    /**
     * What the agent changes in the SDK's defaults: no exit hook, because a beat is not worth
     * delaying the application's exit for; {@code heartbeat.shutdown-hook=true} brings it back.
     */
    private static final Map<String, String> DEFAULTS = Collections.singletonMap("heartbeat.shutdown-hook", "false");

    /** True once the configuration says {@code log-level=off}: then not even the agent's own lines are written. */
    private static volatile boolean silent;

    /** The one client of this JVM, once started; kept so that a second attach finds it. */
    private static HeartbeatClient client;

    private AgentStart() {
    }

    /** Builds and starts this JVM's client unless one runs already; never throws. */
    static synchronized void start(String options, boolean attached) {
        try {
            if (client != null) {
                String already = "running: already running in this JVM, beating to " + client.endpointName()
                        + "; the options of this " + (attached ? "attach" : "agent") + " are ignored";
                state(already);
                if (!silent) {
                    System.err.println(HeartbeatAgent.PREFIX + " WARN " + already);
                }
                return;
            }
            silent = false; // until this start's configuration says otherwise
            LazyLogger.useOnly(ConsoleLog.parse(HeartbeatAgent.PREFIX, HeartbeatAgent.DEFAULT_LOG_LEVEL)); // never the application's SLF4J
            AgentSettings settings = AgentSettings.load(AgentSettings.parseOptions(options), System.getProperties(),
                    System.getenv(), DEFAULTS);
            String level = settings.logLevel(HeartbeatAgent.DEFAULT_LOG_LEVEL);
            ConsoleLog log = ConsoleLog.parse(HeartbeatAgent.PREFIX, level);
            LazyLogger.useOnly(log);
            silent = "off".equalsIgnoreCase(level.trim());
            for (String variable : settings.ignoredVariables()) {
                log.warn("ignoring environment variable {}: not a setting of the agent", variable);
            }
            boolean jvmInfo = settings.jvmInfo();
            HeartbeatConfig config = settings.sdkConfig();
            if (config.enabled() && config.endpoint() == null) {
                requireKnownKeys(config); // a misspelt key ("endpont") is the likelier mistake: name it
                throw new IllegalStateException("no endpoint: give endpoint=URI in the agent's options, "
                        + "-Dheartbeat.endpoint=URI, HEARTBEAT_ENDPOINT or heartbeat.endpoint in its config file");
            }
            HeartbeatClient.Builder builder = HeartbeatClient.builder().config(config);
            if (attached) {
                ApiAccess.get().dynamicInstall(builder);
            }
            HeartbeatClient started = build(builder);
            if (!started.isEnabled()) {
                state("disabled");
                log.info("disabled by configuration; no beats");
                return;
            }
            if (jvmInfo) {
                started.extInfo().register(JvmExtInfo.NAME, JvmExtInfo.version(), new JvmExtInfo());
            }
            started.start();
            client = started;
            String running = "running: beating to " + started.endpointName() + " every " + config.interval().toMillis()
                    + " ms as service '" + config.service() + "'";
            state(running);
            log.info("{}", running);
        } catch (Throwable e) {
            notStarted(e);
        }
    }

    /** The SDK's check of unknown keys, with the agent's own options named too: they are options like the others. */
    private static void requireKnownKeys(HeartbeatConfig config) {
        try {
            ConfigKeys.requireKnownKeys(config);
        } catch (IllegalArgumentException e) {
            throw withOwnOptions(e);
        }
    }

    private static HeartbeatClient build(HeartbeatClient.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw withOwnOptions(e);
        }
    }

    private static IllegalArgumentException withOwnOptions(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("unknown heartbeat configuration key")
                ? new IllegalArgumentException(message + "; the agent's own options: config, log-level, jvm-info", e) : e;
    }

    /** One line, and the state for {@code attach}; never throws, whatever went wrong. */
    static void notStarted(Throwable e) {
        try {
            String reason = describe(e);
            state("failed: " + reason);
            if (silent) {
                return;
            }
            System.err.println(HeartbeatAgent.PREFIX + " ERROR not started: " + reason + "; the application runs on without heartbeats");
        } catch (Throwable ignored) {
            // Out of memory or a closed stderr: the application matters more than this line.
        }
    }

    /** The message of an error the SDK made for people (it names the setting, never a secret), or the class of any other. */
    static String describe(Throwable e) {
        if ((e instanceof IllegalArgumentException || e instanceof IllegalStateException) && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getClass().getName();
    }

    private static void state(String value) {
        try {
            System.setProperty(HeartbeatAgent.STATE_PROPERTY, value);
        } catch (RuntimeException ignored) {
            // A security manager may refuse; only attach's report is the poorer for it.
        }
    }
}
