package io.github.heartbeatsdk.demo;

import io.github.heartbeatsdk.SignalKind;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything the demo receiver has been told: checks, service instances, the recent signals and
 * what it refused. Thread-safe. Time comes from the injected clock, and states (up / late /
 * down, alive / lost) are computed when read, so a test moves the clock and reads again.
 *
 * <p>Memory is bounded: at most {@value #MAX_ENTRIES} checks and as many instances (the least
 * recently heard from is forgotten first), the last {@value #MAX_SIGNALS} signals and
 * {@value #MAX_REJECTIONS} rejections.
 */
public final class ReceiverState {
    static final int MAX_ENTRIES = 200;
    static final int MAX_SIGNALS = 500;
    static final int MAX_REJECTIONS = 50;
    /** Log and failure texts are kept up to this many characters. */
    static final int MAX_TEXT = 500;
    /** A signal's detail is kept up to this many characters. */
    static final int MAX_DETAIL = 160;

    private final Clock clock;
    private final Duration effectiveTime;
    private final Duration faultTolerance;
    private final Map<String, CheckRecord> checks = lru();
    private final Map<String, InstanceView> instances = lru();
    private final Deque<ReceivedSignal> signals = new ArrayDeque<>();
    private final Deque<String> rejections = new ArrayDeque<>();
    private long signalCount;

    ReceiverState(Clock clock, Duration effectiveTime, Duration faultTolerance) {
        this.clock = clock;
        this.effectiveTime = effectiveTime;
        this.faultTolerance = faultTolerance;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    /** Records a signal for the check {@code name}; {@code exitCode} is used for EXIT only. */
    synchronized void check(String channel, String name, SignalKind kind, String runId, int exitCode, String text) {
        long now = clock.millis();
        String kept = shorten(text, MAX_TEXT);
        checks.computeIfAbsent(name, n -> new CheckRecord(n, now)).apply(kind, runId, exitCode, kept, now);
        String detail = kind == SignalKind.EXIT ? "exit " + exitCode : shorten(text, MAX_DETAIL);
        add(new ReceivedSignal(now, channel, kind, name, runId, detail));
    }

    /** Records a beat: it replaces the instance's record and makes it alive, as sermant-backend does. */
    synchronized void beat(String channel, Heartbeat beat) {
        long now = clock.millis();
        String key = beat.service() + '\u0000' + beat.instanceId();
        InstanceView before = instances.get(key);
        int count = before == null ? 1 : before.beats() + 1;
        instances.put(key, new InstanceView(beat, InstanceView.Status.ALIVE, now, count, channel));
        String plugins = beat.plugins().isEmpty() ? null : shorten(Readable.plugins(beat.plugins()), MAX_DETAIL);
        add(new ReceivedSignal(now, channel, SignalKind.BEAT, beat.service() + "/" + beat.instanceId(), null, plugins));
    }

    /** Records something the receiver could not accept, with the reason. */
    synchronized void reject(String channel, String reason) {
        rejections.addLast(channel + ": " + shorten(reason, MAX_TEXT));
        while (rejections.size() > MAX_REJECTIONS) {
            rejections.removeFirst();
        }
        notifyAll();
    }

    private void add(ReceivedSignal signal) {
        signals.addLast(signal);
        while (signals.size() > MAX_SIGNALS) {
            signals.removeFirst();
        }
        signalCount++;
        notifyAll();
    }

    /** The checks, by name, with their state now. */
    public synchronized List<CheckView> checks() {
        long now = clock.millis();
        List<CheckView> views = new ArrayList<>();
        checks.values().forEach(c -> views.add(c.view(now, faultTolerance.toMillis())));
        views.sort(Comparator.comparing(CheckView::name));
        return views;
    }

    /** The check named {@code name} now, or null when it never pinged. */
    public synchronized CheckView check(String name) {
        return checks().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The instances, by service and instance id, alive or lost now. */
    public synchronized List<InstanceView> instances() {
        long now = clock.millis();
        List<InstanceView> views = new ArrayList<>();
        for (InstanceView seen : instances.values()) {
            boolean alive = now - seen.receivedMillis() <= effectiveTime.toMillis();
            views.add(new InstanceView(seen.last(), alive ? InstanceView.Status.ALIVE : InstanceView.Status.LOST,
                    seen.receivedMillis(), seen.beats(), seen.channel()));
        }
        views.sort(Comparator.comparing((InstanceView v) -> v.last().service()).thenComparing(v -> v.last().instanceId()));
        return views;
    }

    /** The instances of {@code service} now. */
    public List<InstanceView> instances(String service) {
        return instances().stream().filter(i -> i.last().service().equals(service)).toList();
    }

    /** The last signals received, oldest first (at most {@value #MAX_SIGNALS}). */
    public synchronized List<ReceivedSignal> signals() {
        return new ArrayList<>(signals);
    }

    /** How many signals were received in all. */
    public synchronized long signalCount() {
        return signalCount;
    }

    /** What was refused (malformed frames, bad JSON), oldest first. */
    public synchronized List<String> rejections() {
        return new ArrayList<>(rejections);
    }

    /**
     * Waits until {@code condition} holds, checking it after every signal and at least every 100 ms
     * (for conditions on time, such as an instance turning lost); returns whether it held in time.
     */
    public synchronized boolean await(Predicate<ReceiverState> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, Math.min(100, left / 1_000_000)));
        }
        return true;
    }

    /** The clock the states are computed with. */
    public Clock clock() {
        return clock;
    }

    /** How long an instance stays alive without a beat (Sermant's {@code max.effective.time}). */
    public Duration effectiveTime() {
        return effectiveTime;
    }

    /** How long a check stays up without a ping (Xitoring's fault tolerance); down after twice it. */
    public Duration faultTolerance() {
        return faultTolerance;
    }

    static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, cut) + "…";
    }
}
