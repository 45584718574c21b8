package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Run in a fresh JVM by {@link WarmUpStarterTest}: starts the starter's context while holding the
 * lock the SDK's warm-up takes first (so the warm-up is surely still running), prints the SDK
 * threads alive then that are neither the starter's shared ones nor its health checks', then lets
 * the warm-up go and prints whether it ended by itself.
 */
public final class WarmUpStarterMain {
    private WarmUpStarterMain() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> shared = Class.forName("io.github.heartbeatsdk.internal.transport.SharedOkHttp");
        synchronized (shared) { // SharedOkHttp.base(), the warm-up's first step, waits for this
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                    .withPropertyValues("heartbeat.endpoint=" + args[0])
                    .run(context -> {
                        List<String> others = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                                .map(Thread::getName).filter(name -> name.startsWith("heartbeat-sdk"))
                                .filter(name -> !name.startsWith("heartbeat-sdk-spring-")
                                        && !name.startsWith("heartbeat-sdk-health-"))
                                .sorted().collect(Collectors.toList());
                        System.out.println("RESULT context started=" + !context.isClosed());
                        System.out.println("RESULT other SDK threads=" + others);
                    });
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("heartbeat-sdk-warm-up")) {
                thread.join(30_000);
            }
        }
        System.out.println("RESULT warm-up ended=" + Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().equals("heartbeat-sdk-warm-up")));
    }
}
