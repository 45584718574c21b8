package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.HeartbeatStats;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.heartbeatsdk.benchmarks.Probe.control;
import static io.github.heartbeatsdk.benchmarks.Probe.result;
import static io.github.heartbeatsdk.benchmarks.Probe.usedHeapAfterGc;

/** Target 3: a burst of 20 000 pings, which coalesce, and the heap a burst adds while a request is in flight. */
final class BurstScenario {
    private BurstScenario() {
    }

    /** Counts each ending the listener hears about. */
    static final class Counting implements HeartbeatListener {
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong otherFailures = new AtomicLong();

        @Override
        public void onSuccess(Signal signal, DeliveryResult result) {
            delivered.incrementAndGet();
        }

        @Override
        public void onFailure(Signal signal, DeliveryResult result) {
            if (result.outcome() == DeliveryResult.Outcome.DROPPED) {
                dropped.incrementAndGet();
            } else {
                otherFailures.incrementAndGet();
            }
        }
    }

    static void run(String base) throws Exception {
        final int n = 20_000;
        // A: the burst against the fast receiver; every ping must end delivered, the queued ones joined by the rest.
        Counting heard = new Counting();
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(base + "/burst/fast"))
                .listener(heard).build();
        List<CompletableFuture<DeliveryResult>> futures = new ArrayList<>(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            futures.add(client.ping().toCompletableFuture());
        }
        long t1 = System.nanoTime();
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
        long t2 = System.nanoTime();
        Map<DeliveryResult.Outcome, Integer> outcomes = new TreeMap<>();
        for (CompletableFuture<DeliveryResult> f : futures) {
            outcomes.merge(f.get().outcome(), 1, Integer::sum);
        }
        HeartbeatStats stats = client.stats();
        client.close();
        result("fast.outcomes", outcomes);
        result("fast.futuresDelivered", outcomes.getOrDefault(DeliveryResult.Outcome.DELIVERED, 0));
        result("fast.futuresDropped", outcomes.getOrDefault(DeliveryResult.Outcome.DROPPED, 0));
        result("fast.statsEnqueued", stats.enqueued());
        result("fast.statsCoalesced", stats.coalesced());
        result("fast.statsDelivered", stats.delivered());
        result("fast.statsDropped", stats.dropped());
        result("fast.statsOther", stats.failed() + stats.rejected() + stats.skipped());
        result("fast.listenerDelivered", heard.delivered.get());
        result("fast.listenerDropped", heard.dropped.get());
        result("fast.listenerOther", heard.otherFailures.get());
        result("fast.submitMs", (t1 - t0) / 1e6);
        result("fast.drainMs", (t2 - t1) / 1e6);

        // B: the heap a burst adds while the SDK thread is held in its first request: the pings join the one queued.
        control(base + "/control/hold");
        Counting heardB = new Counting();
        HeartbeatClient held = HeartbeatClient.builder().endpoint(Endpoints.url(base + "/hold/burst"))
                .listener(heardB).build();
        held.ping();
        Thread.sleep(1_500); // the first request is sent (OkHttp loaded, connected) and now waits for its answer
        long h0 = usedHeapAfterGc();
        for (int i = 0; i < n; i++) {
            held.ping();
        }
        long h1 = usedHeapAfterGc();
        HeartbeatStats full = held.stats();
        long queued = full.pending() - 1; // one is in flight
        control(base + "/control/release");
        held.close();
        HeartbeatStats end = held.stats();
        result("held.queued", queued);
        result("held.heapDelta", h1 - h0);
        result("held.bytesPerQueued", queued <= 0 ? -1 : (double) (h1 - h0) / queued);
        result("held.statsEnqueued", end.enqueued());
        result("held.statsCoalesced", end.coalesced());
        result("held.statsDelivered", end.delivered());
        result("held.statsDropped", end.dropped());
        result("held.statsOther", end.failed() + end.rejected() + end.skipped());
        result("held.listenerDropped", heardB.dropped.get());
    }
}
