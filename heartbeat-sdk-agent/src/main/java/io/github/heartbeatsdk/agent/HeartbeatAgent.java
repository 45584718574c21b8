package io.github.heartbeatsdk.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} and the target of {@code attach}: sends periodic service beats from a JVM
 * whose code nobody changed, configured like Sermant's agent. Not an API to call.
 *
 * <p>It never hurts the application: {@code premain} only starts a daemon thread and returns;
 * that thread builds the client, and a bad configuration becomes one line on standard error and
 * no beats, never a failed start. Nothing it starts keeps the JVM alive, and by default it
 * registers no shutdown hook, so the application exits as it would without it.
 */
public final class HeartbeatAgent {
    /** Every line the agent writes starts with this. */
    static final String PREFIX = "[heartbeat-agent]";
    /**
     * The system property the agent leaves in its JVM: {@code running ...}, {@code disabled} or
     * {@code failed: <reason>}; {@code attach} reads it to tell its caller what happened.
     */
    static final String STATE_PROPERTY = "heartbeat-agent.state";
    /** The level lines are written at until the configuration says otherwise. */
    static final String DEFAULT_LOG_LEVEL = "info";

    private HeartbeatAgent() {
    }

    /** Called by the JVM before the application's {@code main} for {@code -javaagent:heartbeat-sdk-agent.jar=options}. */
    public static void premain(final String options, Instrumentation instrumentation) {
        try {
            Thread starter = new Thread(new Runnable() {
                @Override
                public void run() {
                    AgentStart.start(options, false);
                }
            }, "heartbeat-agent-start");
            starter.setDaemon(true);
            starter.start();
        } catch (Throwable e) {
            AgentStart.notStarted(e);
        }
    }

    /**
     * Called by the JVM when {@code attach} loads the agent into a running JVM: starts the client
     * before returning, so that {@code attach} can report the outcome.
     */
    public static void agentmain(String options, Instrumentation instrumentation) {
        try {
            AgentStart.start(options, true);
        } catch (Throwable e) {
            AgentStart.notStarted(e);
        }
    }
}
