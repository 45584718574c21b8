package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HeartbeatStats;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.transport.SeparatePingsEndpoint;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.heartbeatsdk.benchmarks.Probe.THREADS;
import static io.github.heartbeatsdk.benchmarks.Probe.median;
import static io.github.heartbeatsdk.benchmarks.Probe.result;
import static io.github.heartbeatsdk.benchmarks.Probe.sdkThread;

/** Target 2: sustained delivery to one local endpoint, the SDK against the raw OkHttp loop. */
final class ThroughputScenario {
    private ThroughputScenario() {
    }

    /**
     * Raw OkHttp synchronous loop vs the SDK, same receiver, same JVM, in alternating rounds
     * (which one goes first alternates too); the ratio is the median of the per-round ratios,
     * so load from other processes that drifts over seconds cancels out.
     */
    static void run(String base) throws Exception {
        final int k = 2_000;
        final int warmRounds = 5;
        final int rounds = 30;
        OkHttpClient raw = new OkHttpClient();
        Request request = new Request.Builder().url(base + "/t/raw/ping").build();
        // The same raw loop with the SDK's default timeouts: tells OkHttp's per-call cost of a
        // call timeout (an Okio AsyncTimeout, a watchdog thread woken on every call) apart from the SDK's own.
        OkHttpClient rawTimeouts = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS)
                .writeTimeout(10, TimeUnit.SECONDS).callTimeout(15, TimeUnit.SECONDS).build();
        Request timedRequest = new Request.Builder().url(base + "/t/timeouts/ping").build();
        double[] timedRates = new double[rounds];
        long[] timedBytes = new long[2];
        // Pings that never coalesce: each ping() here is one request, as each raw call is.
        HeartbeatClient sdk = HeartbeatClient.builder()
                .endpoint(SeparatePingsEndpoint.of(Endpoints.url(base + "/t/sdk/ping"))).build();
        double[] rawRates = new double[rounds];
        double[] sdkRates = new double[rounds];
        double[] ratios = new double[rounds];
        long[] rawBytes = new long[2]; // bytes, CPU nanoseconds
        long sdkBytes = 0;
        long sdkCpu = 0;
        for (int r = -warmRounds; r < rounds; r++) {
            boolean rawFirst = (r & 1) == 0;
            double rawRate = 0;
            if (rawFirst) {
                rawRate = rawRound(raw, request, k, rawBytes, r >= 0);
            }
            Thread sdkThread = sdkThread();
            long s0 = sdkThread == null ? -1 : THREADS.getThreadAllocatedBytes(sdkThread.getId());
            long u0 = sdkThread == null ? -1 : THREADS.getThreadCpuTime(sdkThread.getId());
            long t2 = System.nanoTime();
            CompletableFuture<DeliveryResult> last = null;
            for (int i = 0; i < k; i++) {
                last = sdk.ping().toCompletableFuture();
            }
            DeliveryResult lastResult = last.get(60, TimeUnit.SECONDS);
            long t3 = System.nanoTime();
            if (!lastResult.isDelivered()) {
                throw new IllegalStateException("SDK delivery failed: " + lastResult);
            }
            long s1 = THREADS.getThreadAllocatedBytes(sdkThread().getId());
            long u1 = THREADS.getThreadCpuTime(sdkThread().getId());
            if (!rawFirst) {
                rawRate = rawRound(raw, request, k, rawBytes, r >= 0);
            }
            double timedRate = rawRound(rawTimeouts, timedRequest, k, timedBytes, r >= 0);
            if (r >= 0) {
                timedRates[r] = timedRate;
                rawRates[r] = rawRate;
                sdkRates[r] = k * 1e9 / (t3 - t2);
                ratios[r] = sdkRates[r] / rawRates[r];
                sdkBytes += s1 - s0;
                sdkCpu += u1 - u0;
            }
        }
        HeartbeatStats stats = sdk.stats();
        sdk.close();
        result("rounds", rounds);
        result("raw.rates", Arrays.toString(round(rawRates)));
        result("sdk.rates", Arrays.toString(round(sdkRates)));
        result("ratios", Arrays.toString(ratios));
        result("raw.median", median(rawRates));
        result("rawTimeouts.rates", Arrays.toString(round(timedRates)));
        result("rawTimeouts.median", median(timedRates));
        double[] timedRatios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            timedRatios[i] = timedRates[i] / rawRates[i];
        }
        result("rawTimeouts.ratio", median(timedRatios));
        result("sdk.median", median(sdkRates));
        result("ratio.median", median(ratios));
        result("raw.bytesPerCall", (double) rawBytes[0] / (rounds * k));
        result("sdk.bytesPerDelivery", (double) sdkBytes / (rounds * k));
        result("raw.cpuMicrosPerCall", rawBytes[1] / 1e3 / (rounds * k));
        result("sdk.cpuMicrosPerDelivery", sdkCpu / 1e3 / (rounds * k));
        result("sdk.enqueued", stats.enqueued());
        result("sdk.delivered", stats.delivered());
        result("sdk.lost", stats.enqueued() - stats.delivered());
    }

    private static double rawRound(OkHttpClient raw, Request request, int k, long[] bytes, boolean count)
            throws IOException {
        long a0 = THREADS.getCurrentThreadAllocatedBytes();
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < k; i++) {
            try (Response response = raw.newCall(request).execute()) {
                response.body().string();
            }
        }
        long t1 = System.nanoTime();
        if (count) {
            bytes[0] += THREADS.getCurrentThreadAllocatedBytes() - a0;
            bytes[1] += THREADS.getCurrentThreadCpuTime() - c0;
        }
        return k * 1e9 / (t1 - t0);
    }

    private static long[] round(double[] values) {
        long[] rounded = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = Math.round(values[i]);
        }
        return rounded;
    }
}
