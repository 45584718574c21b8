package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.DaemonThreadFactory;
import io.github.heartbeatsdk.internal.transport.WarmUp;

import java.util.Set;
import java.util.stream.Collectors;

/** The SDK's live threads, found by their name prefix. */
final class SdkThreads {
    private SdkThreads() {
    }

    static Set<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                // The warm-up thread is once per JVM and ends by itself: no client owns it.
                .filter(t -> t.isAlive() && t.getName().startsWith(DaemonThreadFactory.PREFIX)
                        && !t.getName().equals(WarmUp.THREAD_NAME))
                .collect(Collectors.toSet());
    }
}
