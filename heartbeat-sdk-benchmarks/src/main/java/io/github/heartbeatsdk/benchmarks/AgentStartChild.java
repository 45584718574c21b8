package io.github.heartbeatsdk.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * The application of {@link AgentStartScenario}: a main that takes the time as its first act,
 * then prints it with what the probes left (see {@link AgentStartProbe}) and the JVM's own start
 * time, and waits for its standard input to close, so that the parent decides when it ends (once
 * the agent's first beat has arrived, or at once). It runs alone on its class path: it uses
 * only {@link AgentStartProbe}'s constant, which the compiler copies in.
 */
public final class AgentStartChild {
    private AgentStartChild() {
    }

    public static void main(String[] args) throws IOException {
        long mainNanos = System.nanoTime();
        long mainMillis = System.currentTimeMillis();
        StringBuilder out = new StringBuilder();
        out.append("RESULT mainNanos=").append(mainNanos).append('\n');
        out.append("RESULT mainMillis=").append(mainMillis).append('\n');
        // Read after main's first act: the management classes load only now.
        out.append("RESULT jvmStartMillis=").append(ManagementFactory.getRuntimeMXBean().getStartTime()).append('\n');
        for (String probe : new String[] {"before", "load", "after"}) {
            String value = System.getProperty(AgentStartProbe.PROPERTY_PREFIX + probe);
            if (value != null) {
                out.append("RESULT ").append(probe).append("Nanos=").append(value).append('\n');
            }
        }
        System.out.print(out);
        System.out.println("RESULT done=true");
        System.out.flush();
        while (System.in.read() >= 0) {
            // Nothing to read: the parent closes the stream when this process may end.
        }
    }
}
