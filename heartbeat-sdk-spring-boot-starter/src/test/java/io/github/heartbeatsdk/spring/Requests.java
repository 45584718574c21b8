package io.github.heartbeatsdk.spring;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Everything a MockWebServer received, kept, so tests with several senders can wait for what they need. */
final class Requests {
    private final MockWebServer server;
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

    Requests(MockWebServer server) {
        this.server = server;
    }

    /** Waits until {@code wanted} requests match {@code filter}, at most {@code patience}; returns the matches. */
    synchronized List<RecordedRequest> await(Predicate<RecordedRequest> filter, int wanted, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (matching(filter).size() < wanted) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            RecordedRequest next = server.takeRequest(left, TimeUnit.NANOSECONDS);
            if (next != null) {
                received.add(next);
            }
        }
        return matching(filter);
    }

    List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        return received.stream().filter(filter).toList();
    }

    static Predicate<RecordedRequest> target(String prefix) {
        return r -> r.getTarget() != null && r.getTarget().startsWith(prefix);
    }
}
