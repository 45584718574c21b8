package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.transport.SeparatePingsEndpoint;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load, overflow and churn (promises 1, 5 and 7 at scale): every one of 640 000 concurrent pings
 * is accounted for, memory stays bounded by the queue, the overflow policy holds end to end, and
 * a thousand client lifecycles leave no thread and no heap behind.
 */
class LoadTest {
    private static final int THREADS = 64;
    private static final int PINGS_PER_THREAD = 10_000;
    private static final int TOTAL = THREADS * PINGS_PER_THREAD;
    private static final int CAPACITY = HeartbeatClient.Builder.DEFAULT_QUEUE_CAPACITY;
    /** Threads reading stats() during the load, as a monitoring agent would. */
    private static final int SAMPLERS = 8;

    /** Counts listener callbacks by outcome. */
    static final class CountingListener implements HeartbeatListener {
        final LongAdder successes = new LongAdder();
        final LongAdder failures = new LongAdder();
        final Map<Outcome, LongAdder> byOutcome = new ConcurrentHashMap<>();

        @Override
        public void onSuccess(Signal signal, DeliveryResult result) {
            successes.increment();
            byOutcome.computeIfAbsent(result.outcome(), o -> new LongAdder()).increment();
        }

        @Override
        public void onFailure(Signal signal, DeliveryResult result) {
            failures.increment();
            byOutcome.computeIfAbsent(result.outcome(), o -> new LongAdder()).increment();
        }

        long count(Outcome outcome) {
            LongAdder adder = byOutcome.get(outcome);
            return adder == null ? 0 : adder.sum();
        }
    }

    /** What one run of 64 x 10 000 pings against a FastHttpServer came to. */
    record LoadRun(HeartbeatStats stats, long serverRequests, CountingListener listener, long maxPendingSeen,
                   long pendingSamples, long maxOutstanding, long outstandingAfterClose, Throwable producerError,
                   long millis) {
    }

    private static LoadRun loadRun;

    /** Runs the load once for the tests that look at it. */
    private static synchronized LoadRun loadRun() throws Exception {
        if (loadRun == null) {
            loadRun = runLoad();
            System.out.println("LoadTest: " + loadRun.millis() + " ms; " + loadRun.stats() + "; server answered "
                    + loadRun.serverRequests() + "; max pending seen " + loadRun.maxPendingSeen() + " in "
                    + loadRun.pendingSamples() + " samples; max unfinished stages " + loadRun.maxOutstanding());
        }
        return loadRun;
    }

    private static LoadRun runLoad() throws Exception {
        long began = System.nanoTime();
        CountingListener listener = new CountingListener();
        AtomicLong outstanding = new AtomicLong(); // pings submitted whose stage has not completed yet
        AtomicLong maxOutstanding = new AtomicLong();
        AtomicLong maxPending = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        AtomicReference<Throwable> producerError = new AtomicReference<>();
        HeartbeatClient client;
        long serverRequests;
        try (FastHttpServer server = new FastHttpServer()) {
            client = HeartbeatClient.builder().endpoint(SeparatePingsEndpoint.of(Endpoints.url(server.url("/ping/load"))))
                    .listener(listener).shutdownHook(false).build(); // otherwise default settings
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch producersDone = new CountDownLatch(THREADS);
            for (int t = 0; t < THREADS; t++) {
                Thread producer = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < PINGS_PER_THREAD; i++) {
                            maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
                            client.ping().whenComplete((result, error) -> outstanding.decrementAndGet());
                        }
                    } catch (Throwable e) {
                        producerError.compareAndSet(null, e);
                    } finally {
                        producersDone.countDown();
                    }
                }, "load-producer-" + t);
                producer.setDaemon(true);
                producer.start();
            }
            List<Thread> samplers = new ArrayList<>();
            for (int s = 0; s < SAMPLERS; s++) {
                Thread sampler = new Thread(() -> {
                    while (producersDone.getCount() > 0) {
                        maxPending.accumulateAndGet(client.stats().pending(), Math::max);
                        samples.incrementAndGet();
                        Thread.yield();
                    }
                }, "load-sampler-" + s);
                sampler.setDaemon(true);
                sampler.start();
                samplers.add(sampler);
            }

            start.countDown();
            assertTrue(producersDone.await(120, TimeUnit.SECONDS), "producers did not finish");
            for (Thread sampler : samplers) {
                sampler.join(10_000);
            }
            client.close(); // flushes for up to flushTimeout (5 s), gives up the rest
            serverRequests = server.requests();
        }
        return new LoadRun(client.stats(), serverRequests, listener, maxPending.get(), samples.get(),
                maxOutstanding.get(), outstanding.get(), producerError.get(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    @Test
    void sixtyFourThreadsOfTenThousandPingsAreEveryOneAccountedFor() throws Exception {
        LoadRun run = loadRun();
        HeartbeatStats stats = run.stats();

        assertNull(run.producerError(), "ping() never throws");
        assertEquals(TOTAL, stats.enqueued());
        assertEquals(0, stats.pending(), stats.toString());
        assertEquals(TOTAL, stats.delivered() + stats.dropped() + stats.failed() + stats.rejected(), stats.toString());
        assertEquals(0, stats.skipped());
        assertEquals(0, stats.rejected());
        assertTrue(stats.delivered() > 0, "something was delivered: " + stats);
        assertTrue(stats.dropped() > 0, "the producers outran one delivery thread, so the queue overflowed: " + stats);
        assertTrue(run.serverRequests() >= stats.delivered()
                        && run.serverRequests() <= stats.delivered() + stats.failed(),
                "every delivery is a request the server answered: " + run.serverRequests() + " vs " + stats);
        assertEquals(stats.delivered(), run.listener().successes.sum(), "onSuccess per delivery");
        assertEquals(stats.dropped() + stats.failed() + stats.rejected(), run.listener().failures.sum(),
                "onFailure per drop or failure");
        assertEquals(stats.dropped(), run.listener().count(Outcome.DROPPED));
        assertEquals(stats.failed(), run.listener().count(Outcome.FAILED));
        assertEquals(0, run.outstandingAfterClose(), "every stage completed by the end of close()");
    }

    @Test
    void memoryIsBoundedByTheQueueCapacityUnderLoad() throws Exception {
        LoadRun run = loadRun();
        // Signals alive in the SDK at any moment: the queue, the one in delivery, and per producer
        // its own new signal on its way in plus the one it dropped on its way out.
        long bound = CAPACITY + 1 + 2L * THREADS;
        assertTrue(run.maxOutstanding() <= bound,
                "unfinished ping stages peaked at " + run.maxOutstanding() + ", bound " + bound);
    }

    // pending() is the dispatchers' exact count of live signals, not a difference of counters read one by one.
    @Test
    void pendingSampledDuringTheLoadNeverExceedsWhatTheQueueCanHold() throws Exception {
        LoadRun run = loadRun();
        long bound = CAPACITY + 1 + 2L * THREADS; // as for the stages above
        assertTrue(run.pendingSamples() > 0);
        assertTrue(run.maxPendingSeen() <= bound,
                "stats().pending() peaked at " + run.maxPendingSeen() + " over " + run.pendingSamples()
                        + " samples; the queue holds " + CAPACITY + ", at most " + bound + " signals can be alive");
    }

    @Test
    void overflowDropsOldestPingsFirstAndJobEndsLastEndToEnd() {
        FakeClock clock = new FakeClock();
        ManualScheduler scheduler = new ManualScheduler(clock);
        RecordingEndpoint recorder = new RecordingEndpoint();
        RecordingListener listener = new RecordingListener(clock);
        try (HeartbeatClient client = HeartbeatClient.builder().endpoint(recorder).executor(scheduler).clock(clock)
                .listener(listener).queueCapacity(4).shutdownHook(false).flushTimeout(Duration.ZERO).build()) {
            // Each signal at its own millisecond, so a ping is told apart from another by its time.
            CompletableFuture<DeliveryResult> pingA = ping(client, clock);
            CompletableFuture<DeliveryResult> pingB = ping(client, clock);
            JobRun one = client.startJob("one");
            clock.advance(Duration.ofMillis(1));
            CompletableFuture<DeliveryResult> pingC = ping(client, clock);
            // queue: [A, B, START one, C]; full from here on
            CompletableFuture<DeliveryResult> successOne = one.success().toCompletableFuture(); // drops A
            clock.advance(Duration.ofMillis(1));
            JobRun two = client.startJob("two");                                                // drops B
            clock.advance(Duration.ofMillis(1));
            CompletableFuture<DeliveryResult> successTwo = two.success().toCompletableFuture(); // drops START one
            clock.advance(Duration.ofMillis(1));
            CompletableFuture<DeliveryResult> pingD = ping(client, clock);                      // drops C
            JobRun three = client.startJob("three");                                            // drops START two
            clock.advance(Duration.ofMillis(1));
            CompletableFuture<DeliveryResult> failThree = three.fail("disk full").toCompletableFuture(); // drops D
            clock.advance(Duration.ofMillis(1));
            CompletableFuture<DeliveryResult> pingE = ping(client, clock);                      // drops START three
            CompletableFuture<DeliveryResult> pingF = ping(client, clock);                      // drops E
            // queue: [SUCCESS one, SUCCESS two, FAIL three, F]
            JobRun four = client.startJob("four");                                              // drops F
            clock.advance(Duration.ofMillis(1));
            CompletableFuture<DeliveryResult> exitFour = four.exit(0).toCompletableFuture();    // drops START four
            clock.advance(Duration.ofMillis(1));
            // queue: [SUCCESS one, SUCCESS two, FAIL three, EXIT four]: only job ends are left
            CompletableFuture<DeliveryResult> pingG = ping(client, clock);                      // G itself is dropped
            JobRun five = client.startJob("five");                                              // START five itself
            clock.advance(Duration.ofMillis(1));
            // only a job end can make room for a job end now: the oldest one goes
            CompletableFuture<DeliveryResult> successFive = five.success().toCompletableFuture();

            assertTrue(recorder.signals().isEmpty(), "nothing delivered before the scheduler runs");
            for (CompletableFuture<DeliveryResult> dropped : Arrays.asList(
                    pingA, pingB, pingC, pingD, pingE, pingF, pingG,
                    one.started().toCompletableFuture(), two.started().toCompletableFuture(),
                    three.started().toCompletableFuture(), four.started().toCompletableFuture(),
                    five.started().toCompletableFuture(), successOne)) {
                assertEquals(Outcome.DROPPED, dropped.getNow(null).outcome(), "completed at once as DROPPED");
            }
            List<String> dropOrder = listener.failures().stream().map(LoadTest::describe).collect(Collectors.toList());
            assertEquals(Arrays.asList("PING@0", "PING@1", "START one", "PING@3", "START two", "PING@7",
                            "START three", "PING@10", "PING@11", "START four", "PING@14", "START five", "SUCCESS one"),
                    dropOrder,
                    "oldest pings and starts first; a job's end only when nothing else is left");
            assertTrue(listener.failures().stream().allMatch(c -> c.outcome() == Outcome.DROPPED));
            assertTrue(listener.successes().isEmpty());

            scheduler.runDue();

            List<String> delivered = recorder.signals().stream().map(LoadTest::describe).collect(Collectors.toList());
            assertEquals(Arrays.asList("SUCCESS two", "FAIL three", "EXIT four", "SUCCESS five"), delivered);
            for (CompletableFuture<DeliveryResult> end : Arrays.asList(successTwo, failThree, exitFour, successFive)) {
                assertEquals(Outcome.DELIVERED, end.getNow(null).outcome());
            }
            HeartbeatStats stats = client.stats();
            assertEquals(17, stats.enqueued());
            assertEquals(13, stats.dropped(), "every drop counted");
            assertEquals(4, stats.delivered());
            assertEquals(0, stats.pending());
            assertEquals(13, listener.failures().size(), "every drop reported once");
            assertEquals(4, listener.successes().size());
        }
    }

    /** Pings, then moves the clock on, so each ping has a time of its own. */
    private static CompletableFuture<DeliveryResult> ping(HeartbeatClient client, FakeClock clock) {
        CompletableFuture<DeliveryResult> stage = client.ping().toCompletableFuture();
        clock.advance(Duration.ofMillis(1));
        return stage;
    }

    private static String describe(RecordingListener.Call call) {
        return describe(call.signal());
    }

    private static String describe(Signal signal) {
        return signal.kind() == SignalKind.PING ? "PING@" + (signal.timestampMillis() - new FakeClock().millis())
                : signal.kind() + " " + signal.jobName();
    }

    @Test
    void thousandClientLifecyclesLeaveNoThreadAndNoHeapBehind() throws Exception {
        try (FastHttpServer server = new FastHttpServer()) {
            String url = server.url("/ping/churn");
            for (int i = 0; i < 20; i++) { // warm up: class loading, OkHttp's shared threads
                lifecycle(url);
            }
            assertTrue(server.awaitOpenConnectionsAtMost(0, 30, TimeUnit.SECONDS), "warm-up connections closed");
            Set<Thread> sdkBefore = SdkThreads.alive();
            int threadsBefore = otherThreads().size();
            long heapBefore = usedHeapAfterGc();
            long began = System.nanoTime();

            for (int i = 0; i < 1_000; i++) {
                lifecycle(url);
            }

            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            assertEquals(1_020, server.requests());
            assertTrue(server.awaitOpenConnectionsAtMost(0, 30, TimeUnit.SECONDS),
                    "close() released every connection: " + server.openConnections() + " still open");
            Set<Thread> sdkLeft = new HashSet<>(SdkThreads.alive());
            sdkLeft.removeAll(sdkBefore);
            for (Thread thread : sdkLeft) {
                thread.join(5_000); // a pool worker may still be on its way out after termination
            }
            sdkLeft.removeIf(t -> !t.isAlive());
            assertTrue(sdkLeft.isEmpty(), "SDK threads left running: " + sdkLeft);
            List<String> others = otherThreads();
            long heapAfter = usedHeapAfterGc();
            System.out.printf("LoadTest churn: 1000 lifecycles in %d ms; threads (not OkHttp's) %d -> %d; "
                            + "used heap after GC %d KiB -> %d KiB (%+d KiB); server connections %d%n", millis,
                    threadsBefore, others.size(), heapBefore / 1024, heapAfter / 1024, (heapAfter - heapBefore) / 1024,
                    server.connections());
            // OkHttp's shared TaskRunner threads ("OkHttp ...") idle out after 60 s and are not counted.
            assertTrue(others.size() <= threadsBefore + 2, "threads grew from " + threadsBefore + ": " + others);
            // Bound: 32 MiB. A leak of even 32 KiB per client would show as ~32 MiB over 1000 clients.
            assertTrue(heapAfter - heapBefore <= 32L * 1024 * 1024,
                    "used heap grew by " + (heapAfter - heapBefore) / 1024 + " KiB over 1000 clients");
        }
    }

    private static void lifecycle(String url) throws Exception {
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.url(url)).build();
        try {
            DeliveryResult result = client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertSame(Outcome.DELIVERED, result.outcome(), result.toString());
        } finally {
            client.close();
        }
    }

    /** Live threads other than OkHttp's shared ones and the test server's. */
    private static List<String> otherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> !name.startsWith("OkHttp") && !name.startsWith(FastHttpServer.THREAD_PREFIX))
                .sorted()
                .collect(Collectors.toList());
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
