package io.github.heartbeatsdk.benchmarks;

import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * A measuring {@code -javaagent} of {@link AgentStartScenario}, given before and after the
 * heartbeat agent on one command line. The JVM calls agents' {@code premain} one after the other,
 * in command-line order, on the main thread, so the time between two probes is what the JVM and
 * the agents between them took. Options: {@code before} takes the time just before it returns,
 * {@code after} as its first act, and any other, such as {@code noop}, only takes the time.
 * {@code load=<agent jar>} loads the heartbeat agent's class (without initialising it) and then
 * takes the time, so that loading the class and the rest of the agent's turn can be told apart.
 * It loads it the way the JVM does at the agent's turn, which is when the JVM adds an agent's jar
 * to the class path: it adds the jar to the system class loader's search and asks that loader.
 * The JVM then finds the class loaded and calls {@code premain}.
 *
 * <p>Each time goes into a system property, {@code agent-start.<option>} ({@link System#nanoTime()}),
 * for {@link AgentStartChild} to print: a probe that printed would add the first use of
 * {@code System.out} to what it measures.
 */
public final class AgentStartProbe {
    static final String PROPERTY_PREFIX = "agent-start.";
    static final String AGENT_CLASS = "io.github.heartbeatsdk.agent.HeartbeatAgent";

    private AgentStartProbe() {
    }

    public static void premain(String option, Instrumentation instrumentation) throws Exception {
        String name = option;
        if (option.startsWith("load=")) {
            name = "load";
            // Left open: the class loader's own look at this file then shares its parsed directory.
            instrumentation.appendToSystemClassLoaderSearch(new JarFile(option.substring("load=".length())));
            Class.forName(AGENT_CLASS, false, ClassLoader.getSystemClassLoader());
        }
        long now = System.nanoTime();
        System.setProperty(PROPERTY_PREFIX + name, Long.toString(now));
    }
}
