package io.github.heartbeatsdk.spring;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The live threads the SDK and the starter start, told apart from those of other tests' contexts. */
final class StarterThreads {
    private final Set<Thread> before = live();

    /** The SDK's and the starter's threads started since this object was made, by name. */
    java.util.List<String> started() {
        return live().stream().filter(t -> !before.contains(t)).map(Thread::getName).sorted().toList();
    }

    /** Waits up to 10 s for {@link #started()} to be empty (threads end just after their pool says so). */
    java.util.List<String> startedAfterWaiting() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!started().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return started();
    }

    private static Set<Thread> live() {
        Supplier<Set<Thread>> all = () -> Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("heartbeat-sdk")).collect(Collectors.toSet());
        return all.get();
    }
}
