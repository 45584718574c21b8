package io.github.heartbeatsdk.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.FakeClock;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.HeartbeatStats;
import io.github.heartbeatsdk.ManualScheduler;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.internal.transport.Attempt;
import io.github.heartbeatsdk.internal.transport.Transport;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property: whatever the order of pings, job steps, beat ticks, throwing listeners and
 * transports, time passing, close() and the executor being shut down under the SDK, every
 * returned stage completes exactly once, every signal is reported to the listener at most once
 * per endpoint, and the stats add up with nothing pending after close.
 */
class EngineInterleavingsTest {
    private static final int RUNS = 10_000;

    @Test
    void everySignalEndsExactlyOnceInTenThousandRandomInterleavings() {
        Logger sdk = (Logger) LoggerFactory.getLogger("io.github.heartbeatsdk");
        Level before = sdk.getLevel();
        sdk.setLevel(Level.OFF); // the transports fail on purpose, tens of thousands of times
        try {
            for (int seed = 0; seed < RUNS; seed++) {
                try {
                    new Run(new Random(seed)).play();
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
                }
            }
        } finally {
            sdk.setLevel(before);
        }
    }

    /** One interleaving, reproducible from its seed. */
    private static final class Run {
        private final Random random;
        private final FakeClock clock = new FakeClock();
        private final ManualScheduler scheduler = new ManualScheduler(clock);
        private final DeliveryStats stats = new DeliveryStats();
        private final Map<Signal, Map<String, Integer>> reports = new IdentityHashMap<>();
        private final List<RandomTransport> transports = new ArrayList<>();
        private final List<CompletionStage<DeliveryResult>> stages = new ArrayList<>();
        private final AtomicInteger completions = new AtomicInteger();
        private final Deliveries deliveries;
        private final BeatScheduler beats;
        private boolean beating;
        private boolean closed;

        Run(Random random) {
            this.random = random;
            HeartbeatListener listener = new HeartbeatListener() {
                @Override
                public void onSuccess(Signal signal, DeliveryResult result) {
                    report(signal, result);
                }

                @Override
                public void onFailure(Signal signal, DeliveryResult result) {
                    report(signal, result);
                }
            };
            List<Dispatcher> lanes = new ArrayList<>();
            int laneCount = random.nextInt(4) == 0 ? 2 : 1;
            for (int i = 0; i < laneCount; i++) {
                RandomTransport transport = new RandomTransport(random);
                transports.add(transport);
                lanes.add(new Dispatcher(transport, scheduler, clock, new Backoff(1_000, 30_000),
                        1 + random.nextInt(4), random.nextBoolean() ? Long.MAX_VALUE : 1_000, stats, "lane-" + i, listener));
            }
            deliveries = new Deliveries(lanes, Collections.emptyList());
            beats = new BeatScheduler(clock, deliveries.lanes(), stats, 1_000, (now, last) -> Signal.beat(now));
        }

        private synchronized void report(Signal signal, DeliveryResult result) {
            reports.computeIfAbsent(signal, s -> new HashMap<>()).merge(result.endpoint(), 1, Integer::sum);
            if (random.nextInt(3) == 0) {
                switch (random.nextInt(3)) {
                    case 0:
                        throw new IllegalStateException("listener bug");
                    case 1:
                        throw new AssertionError("a user's test listener");
                    default:
                        throw EngineInterleavingsTest.<RuntimeException>sneaky(new IOException("checked"));
                }
            }
        }

        private void offer(Signal signal) {
            CompletionStage<DeliveryResult> stage = deliveries.submit(signal, clock.millis() + 1_000 + random.nextInt(60_000));
            stage.whenComplete((result, error) -> completions.incrementAndGet());
            stages.add(stage);
        }

        void play() {
            int steps = 5 + random.nextInt(30);
            for (int step = 0; step < steps; step++) {
                switch (random.nextInt(10)) {
                    case 0:
                    case 1:
                        offer(Signal.ping(clock.millis()));
                        break;
                    case 2:
                        offer(Signal.job(SignalKind.START, clock.millis(), "job", "run", -1, -1, null));
                        offer(Signal.job(SignalKind.SUCCESS, clock.millis(), "job", "run", -1, 5, null));
                        break;
                    case 3:
                        if (!beating && !closed && !scheduler.isShutdown()) {
                            beats.start();
                            beating = true;
                        }
                        break;
                    case 4:
                    case 5:
                        scheduler.advance(Duration.ofMillis(random.nextInt(3_000)));
                        break;
                    case 6:
                        scheduler.runDue();
                        break;
                    case 7:
                        close();
                        break;
                    case 8:
                        if (random.nextInt(4) == 0) {
                            scheduler.shutdownNow(); // the application stops the shared executor under us
                        }
                        break;
                    default:
                        assertStatsAddUp(deliveries.unfinished());
                        break;
                }
            }
            close();
            scheduler.advance(Duration.ofSeconds(120)); // whatever a closed client left behind runs now, and must send nothing

            for (CompletionStage<DeliveryResult> stage : stages) {
                assertTrue(stage.toCompletableFuture().isDone(), "a stage never completed");
            }
            assertEquals(stages.size(), completions.get(), "each stage completes exactly once");
            for (Map.Entry<Signal, Map<String, Integer>> report : reports.entrySet()) {
                for (Map.Entry<String, Integer> byEndpoint : report.getValue().entrySet()) {
                    if (byEndpoint.getValue() != 1) {
                        fail(report.getKey() + " was reported " + byEndpoint.getValue() + " times for " + byEndpoint.getKey());
                    }
                }
            }
            for (RandomTransport transport : transports) {
                assertEquals(0, transport.sentAfterClose, "signals sent after close");
            }
            assertEquals(0, deliveries.unfinished(), "pending after close");
            assertStatsAddUp(0);
        }

        private void close() {
            if (random.nextBoolean()) {
                beats.stop(); // as HeartbeatClient.close() does; sometimes a tick still races it
            }
            deliveries.close(clock.millis());
            closed = true;
        }

        private void assertStatsAddUp(long pending) {
            HeartbeatStats s = stats.snapshot(pending);
            assertEquals(s.enqueued(), s.delivered() + s.skipped() + s.rejected() + s.failed() + s.dropped()
                    + s.pending(), s.toString());
            for (CompletionStage<DeliveryResult> stage : stages) {
                DeliveryResult result = stage.toCompletableFuture().getNow(null);
                if (result != null && result.outcome() == null) {
                    fail("a result without outcome");
                }
            }
        }
    }

    /** A transport whose every answer is drawn at random, including throwing what no transport should. */
    private static final class RandomTransport implements Transport {
        private final Random random;
        private boolean closed;
        int sentAfterClose;

        RandomTransport(Random random) {
            this.random = random;
        }

        @Override
        public Attempt send(Signal signal) {
            if (closed) {
                sentAfterClose++; // the dispatcher would swallow a throw here
            }
            int draw = random.nextInt(20);
            if (draw < 9) {
                return Attempt.delivered(200);
            } else if (draw < 12) {
                return Attempt.retryable(503, "HTTP 503", -1);
            } else if (draw < 13) {
                return Attempt.retryable(429, "HTTP 429", random.nextInt(5_000));
            } else if (draw < 15) {
                return Attempt.rejected(404, "HTTP 404");
            } else if (draw < 16) {
                return Attempt.skipped();
            } else if (draw < 17) {
                return Attempt.inProgress("connecting", 1 + random.nextInt(200));
            } else if (draw < 18) {
                return Attempt.notYet("backend down", random.nextInt(2_000));
            } else if (draw < 19) {
                throw new IllegalStateException("a transport bug");
            }
            throw new NoClassDefFoundError("okio/Buffer");
        }

        @Override
        public void drained() {
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
