package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;
import okhttp3.OkHttpClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.heartbeatsdk.benchmarks.Probe.count;
import static io.github.heartbeatsdk.benchmarks.Probe.describe;
import static io.github.heartbeatsdk.benchmarks.Probe.histogram;
import static io.github.heartbeatsdk.benchmarks.Probe.newThreads;
import static io.github.heartbeatsdk.benchmarks.Probe.result;
import static io.github.heartbeatsdk.benchmarks.Probe.usedHeapAfterGc;

/** Target 7: 10 000 periodic clients on one shared executor: heap per client and threads in all. */
final class PeriodicScenario {
    private PeriodicScenario() {
    }

    /**
     * {@code n} clients with the default interval sharing one executor: heap per client after
     * build, after start and once every client has delivered its first beat; threads in all.
     * With {@code sharedOkHttp}, every client is also given one user-owned OkHttpClient
     * ({@code Builder.httpClient}), from which the SDK derives its own and shares its connection
     * pool and TLS setup: what an SDK-wide shared base client would cost.
     */
    static void run(String base, int n, String histogramFile, boolean sharedOkHttp) throws Exception {
        String prefix = sharedOkHttp ? "/beat-shared/" : "/beat/";
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        OkHttpClient http = sharedOkHttp ? new OkHttpClient() : null;
        AtomicInteger threadNo = new AtomicInteger();
        ScheduledThreadPoolExecutor shared = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "app-shared-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        shared.setRemoveOnCancelPolicy(true);
        shared.prestartAllCoreThreads();
        // Warm the classes one client needs, so their one-off cost is not charged per client.
        HeartbeatClient.Builder warmBuilder = HeartbeatClient.builder().endpoint(Endpoints.url(base + "/warm"))
                .executor(shared);
        if (http != null) {
            warmBuilder.httpClient(http);
        }
        try (HeartbeatClient warm = warmBuilder.build()) {
            warm.start();
            warm.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        long h0 = usedHeapAfterGc();

        List<HeartbeatClient> clients = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            HeartbeatClient.Builder builder = HeartbeatClient.builder()
                    .endpoint(Endpoints.url(base + prefix + i))
                    .executor(shared);
            if (http != null) {
                builder.httpClient(http);
            }
            HeartbeatClient client = builder.build();
            client.extInfo().register("app", "1.0.0", () -> Collections.singletonMap("status", "started"));
            clients.add(client);
        }
        long h1 = usedHeapAfterGc();
        long s0 = System.nanoTime();
        for (HeartbeatClient client : clients) {
            client.start();
        }
        long h2 = usedHeapAfterGc();
        Files.write(Paths.get(histogramFile.replace(".txt", "-started.txt")),
                histogram(40).getBytes(StandardCharsets.UTF_8));
        int beaten = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            beaten = 0;
            for (HeartbeatClient client : clients) {
                if (client.stats().delivered() > 0) {
                    beaten++;
                }
            }
            if (beaten == n) {
                break;
            }
            Thread.sleep(250);
        }
        long s1 = System.nanoTime();
        long h3 = usedHeapAfterGc();
        List<Thread> fresh = newThreads(before);
        result("clients", n);
        result("firstBeatDelivered", beaten);
        result("allFirstBeatsSeconds", (s1 - s0) / 1e9);
        result("bytesPerClient.built", (double) (h1 - h0) / n);
        result("bytesPerClient.started", (double) (h2 - h0) / n);
        result("bytesPerClient.afterFirstBeat", (double) (h3 - h0) / n);
        result("threads.new", describe(fresh));
        result("threads.newCount", fresh.size()); // including the shared executor's own thread
        result("threads.okhttpCount", count(fresh, "OkHttp") + count(fresh, "Okio"));
        long beatsSkipped = 0;
        for (HeartbeatClient client : clients) {
            beatsSkipped += client.stats().beatsSkipped();
        }
        result("beatsSkipped", beatsSkipped);
        Files.write(Paths.get(histogramFile), histogram(40).getBytes(StandardCharsets.UTF_8));

        long c0 = System.nanoTime();
        for (HeartbeatClient client : clients) {
            client.close();
        }
        long c1 = System.nanoTime();
        result("closeAllSeconds", (c1 - c0) / 1e9);
        clients.clear();
        Thread.sleep(300);
        result("threads.afterClose", describe(newThreads(before)));
        shared.shutdown();
    }
}
