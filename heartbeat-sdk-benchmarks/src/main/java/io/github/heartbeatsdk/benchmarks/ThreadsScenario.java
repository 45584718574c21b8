package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.heartbeatsdk.benchmarks.Probe.count;
import static io.github.heartbeatsdk.benchmarks.Probe.countNonDaemon;
import static io.github.heartbeatsdk.benchmarks.Probe.describe;
import static io.github.heartbeatsdk.benchmarks.Probe.newThreads;
import static io.github.heartbeatsdk.benchmarks.Probe.result;

/** Target 4: which threads the SDK (and OkHttp under it) starts, and which are left after close(). */
final class ThreadsScenario {
    private ThreadsScenario() {
    }

    static void run(String base) throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        HeartbeatClient a = HeartbeatClient.builder().endpoint(Endpoints.url(base + "/threads/a")).build();
        result("afterBuild.new", describe(newThreads(before)));
        a.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<Thread> afterPing = newThreads(before);
        result("afterPing.new", describe(afterPing));
        HeartbeatClient b = HeartbeatClient.builder().endpoint(Endpoints.url(base + "/threads/b")).build();
        HeartbeatClient c = HeartbeatClient.builder().endpoint(Endpoints.url(base + "/threads/c")).build();
        b.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        c.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<Thread> three = newThreads(before);
        result("threeClients.sdkThreads", count(three, "heartbeat-sdk-"));
        result("threeClients.nonDaemon", countNonDaemon(three));
        result("threeClients.new", describe(three));
        a.close();
        b.close();
        c.close();
        long closedAt = System.nanoTime();
        Thread.sleep(300);
        List<Thread> left = newThreads(before);
        result("afterClose.sdkThreads", count(left, "heartbeat-sdk-"));
        result("afterClose.okhttpThreads", count(left, "OkHttp") + count(left, "Okio"));
        result("afterClose.new", describe(left));

        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor shared = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "app-shared-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Set<Thread> beforeShared = new HashSet<>(Thread.getAllStackTraces().keySet());
        HeartbeatClient d = HeartbeatClient.builder().endpoint(Endpoints.url(base + "/threads/d"))
                .executor(shared).build();
        d.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<Thread> sharedNew = newThreads(beforeShared);
        result("shared.sdkThreads", count(sharedNew, "heartbeat-sdk-"));
        result("shared.new", describe(sharedNew));
        d.close();
        long lastCall = System.nanoTime();
        shared.shutdown();
        result("phase1.done", 1);
        System.out.flush();
        // OkHttp's shared TaskRunner keeps idle threads for 60 s; Okio's watchdog wakes at the last
        // call's timeout (15 s), then waits 60 s idle before it ends: look again after that.
        long wait = TimeUnit.SECONDS.toNanos(80) - (System.nanoTime() - lastCall);
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        result("afterCloseMinute.new", describe(newThreads(before)));
        result("afterCloseMinute.seconds", (System.nanoTime() - closedAt) / 1_000_000_000L);
    }
}
