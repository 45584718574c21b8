package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatStats;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * {@link PeersScenario}'s heartbeat-sdk, through its public API only: a default client,
 * {@code HeartbeatClient.builder().endpoint(Endpoints.url(url)).build()}, and {@code ping()}.
 * Arguments: {@code first|warm|close-unused|close-now|burst <url>}. The one-shot process is
 * {@link OneShotSdk}.
 *
 * <ul>
 *   <li>{@code first}: from before {@code builder()} to the ping's arrival (the parent's stamp);</li>
 *   <li>{@code warm}: built, 1 s later a ping: from the {@code ping()} call to its arrival;</li>
 *   <li>{@code close-unused}: built, 1 s later {@code close()}, timed; {@code close-now}: built, then
 *       {@code close()} at once, timed;</li>
 *   <li>{@code burst}: 20 000 pings from this thread, their stages kept to count how they ended.</li>
 * </ul>
 */
public final class PeerSdkChild {
    private PeerSdkChild() {
    }

    public static void main(String[] args) throws Exception {
        PeerChild child = PeerChild.start();
        String url = args[1];
        switch (args[0]) {
            case "first" -> {
                PeerChild.Start.mark();
                long t0 = System.nanoTime();
                HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).build();
                DeliveryResult result = client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
                PeerChild.Delivered.mark();
                child.put("t0", t0).put("outcome", result.outcome());
                client.close();
            }
            case "warm" -> {
                HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).build();
                Thread.sleep(1000);
                long t1 = System.nanoTime();
                DeliveryResult result = client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
                child.put("t1", t1).put("outcome", result.outcome());
                client.close();
            }
            case "close-unused", "close-now" -> {
                HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).build();
                if (args[0].equals("close-unused")) {
                    Thread.sleep(1000);
                }
                long c0 = System.nanoTime();
                client.close();
                long c1 = System.nanoTime();
                child.put("closeMs", (c1 - c0) / 1e6);
            }
            case "burst" -> burst(child, url);
            default -> throw PeerChild.unknownMode(args[0]);
        }
        child.print();
    }

    private static void burst(PeerChild child, String url) throws Exception {
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).build();
        @SuppressWarnings("unchecked")
        CompletionStage<DeliveryResult>[] stages = new CompletionStage[PeerChild.BURST];
        long heapBefore = PeerChild.usedHeapAfterGc();
        long t0 = System.nanoTime();
        for (int i = 0; i < stages.length; i++) {
            stages[i] = client.ping();
        }
        long t1 = System.nanoTime();
        long heapAfter = PeerChild.usedHeapAfterGc();
        int delivered = 0;
        int dropped = 0;
        int other = 0;
        for (CompletionStage<DeliveryResult> stage : stages) {
            CompletableFuture<DeliveryResult> future = stage.toCompletableFuture();
            switch (future.get(120, TimeUnit.SECONDS).outcome()) {
                case DELIVERED -> delivered++;
                case DROPPED -> dropped++;
                default -> other++;
            }
        }
        long t2 = System.nanoTime();
        HeartbeatStats stats = client.stats();
        client.close();
        child.put("burst.offerMs", (t1 - t0) / 1e6).put("burst.drainMs", (t2 - t1) / 1e6)
                .put("burst.delivered", delivered).put("burst.dropped", dropped).put("burst.other", other)
                .put("burst.coalesced", stats.coalesced()).put("burst.enqueued", stats.enqueued())
                .put("burst.heapBefore", heapBefore).put("burst.heapAfter", heapAfter);
    }
}
