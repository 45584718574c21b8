package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.Signal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Target 1: what {@code ping()} costs the caller's thread, with the default settings.
 *
 * <p>Sample mode times single calls, so the run reports the median (p50) as well as the mean;
 * {@code -prof gc} adds {@code gc.alloc.rate.norm}, which counts every thread's allocation per
 * ping (the caller's and the SDK thread's). The caller's thread alone is measured by
 * {@link CallerCostScenario} with the thread's own allocation counter.
 *
 * <ul>
 *   <li>{@code ping}: an endpoint with nothing to send ({@code SKIPPED}), so the SDK thread keeps up
 *       and the queue stays short: the cost of queueing plus waking the SDK thread.</li>
 *   <li>{@code pingQueueFull}: the endpoint blocks the SDK thread, so the queue sits at its
 *       capacity (10 000) and every ping pushes the oldest one out as {@code DROPPED}, on the
 *       caller's thread: the worst case a busy or unreachable backend can cause.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PingBench {

    /** A default client whose endpoint has nothing to send, so delivery never waits for a network. */
    @State(Scope.Benchmark)
    public static class Idle {
        HeartbeatClient client;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            client = HeartbeatClient.builder().endpoint(signal -> null).build();
            // Its first delivery loads OkHttp (a few hundred ms): measure a client that is ready.
            client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
        }
    }

    /** A default client whose SDK thread is stuck in its endpoint, so its queue stays full. */
    @State(Scope.Benchmark)
    public static class Full {
        final CountDownLatch release = new CountDownLatch(1);
        HeartbeatClient client;

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            final CountDownLatch entered = new CountDownLatch(1);
            Endpoint stuck = new Endpoint() {
                @Override
                public EndpointRequest request(Signal signal) {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }
            };
            client = HeartbeatClient.builder().endpoint(stuck).build();
            client.ping();
            entered.await();
            for (int i = 0; i < HeartbeatClient.Builder.DEFAULT_QUEUE_CAPACITY; i++) {
                client.ping();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            release.countDown();
            client.close();
        }
    }

    @Benchmark
    public CompletionStage<DeliveryResult> ping(Idle state) {
        return state.client.ping();
    }

    @Benchmark
    public CompletionStage<DeliveryResult> pingQueueFull(Full state) {
        return state.client.ping();
    }
}
