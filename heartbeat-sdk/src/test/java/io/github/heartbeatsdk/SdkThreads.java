package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.DaemonThreadFactory;

import java.util.Set;
import java.util.stream.Collectors;

/** The SDK's live threads, found by their name prefix. */
final class SdkThreads {
    private SdkThreads() {
    }

    static Set<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(DaemonThreadFactory.PREFIX))
                .collect(Collectors.toSet());
    }
}
