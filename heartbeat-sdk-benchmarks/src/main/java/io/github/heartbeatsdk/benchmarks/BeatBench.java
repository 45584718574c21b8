package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.ExtInfoProvider;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.internal.BeatFactory;
import io.github.heartbeatsdk.internal.SermantJson;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Target 7b: what one periodic beat with 10 ext-info providers costs the SDK's thread.
 *
 * <ul>
 *   <li>{@code tick}: the client's real beat tick, driven by hand through a {@link ManualExecutor}
 *       (the tick it was given at {@code start()}, with delivery run inline into a
 *       {@link RecordingEndpoint}): BeatFactory, every provider, rendering, the beat signal,
 *       the dispatcher's queue and the (in-memory) delivery. An upper bound of "building".</li>
 *   <li>{@code buildBeat}: the same beat built by the SDK's own {@link BeatFactory} alone (over the
 *       client's own registry): every provider through the registry's rendering,
 *       the instance metadata and the beat signal, without the queue and the delivery.</li>
 *   <li>{@code encodeSermantJson}: that beat written as Sermant's HeartbeatMessage JSON, what
 *       {@code Endpoints.sermantHttp} and {@code Endpoints.sermant} add per beat.</li>
 * </ul>
 *
 * Each provider returns a prebuilt map of four entries (a string, an int, a long and a list), so
 * the providers themselves cost nothing and what is measured is the SDK's own work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class BeatBench {
    static final int PROVIDERS = 10;

    private ManualExecutor executor;
    private HeartbeatClient client;
    private RecordingEndpoint recorder;
    private Runnable tick;

    private BeatFactory factory;
    private Signal beat;
    private long lastBeatMillis;

    static ExtInfoProvider provider(int i) {
        final Map<String, Object> info = new LinkedHashMap<>();
        info.put("status", "started");
        info.put("rules", 40 + i);
        info.put("uptimeMs", 1_234_567L * (i + 1));
        info.put("tags", Arrays.asList("blue", "zone-" + i));
        final Map<String, Object> answer = Collections.unmodifiableMap(info);
        return () -> answer;
    }

    static String pluginName(int i) {
        return "plugin-" + (char) ('a' + i);
    }

    @Setup(Level.Trial)
    public void setUp() {
        executor = new ManualExecutor();
        recorder = new RecordingEndpoint();
        client = HeartbeatClient.builder().endpoint(recorder).executor(executor).shutdownHook(false).build();
        for (int i = 0; i < PROVIDERS; i++) {
            client.extInfo().register(pluginName(i), "1.0." + i, provider(i));
        }
        client.start();
        tick = executor.periodic();
        tick.run();
        Signal first = recorder.last();
        if (first.kind() != SignalKind.BEAT || first.plugins().size() != PROVIDERS) {
            throw new IllegalStateException("expected a beat with " + PROVIDERS + " plugins, got " + first);
        }
        recorder.clear();
        factory = new BeatFactory(new BeatFactory.Identity("default", "default", "default", "default",
                first.instance().instanceId()), client.extInfo());
        beat = buildBeat();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    @Benchmark
    public void tick() {
        tick.run();
        recorder.clear();
    }

    @Benchmark
    public Signal buildBeat() {
        long now = System.currentTimeMillis();
        Signal next = factory.nextBeat(now, lastBeatMillis);
        lastBeatMillis = now;
        return next;
    }

    @Benchmark
    public byte[] encodeSermantJson() {
        return SermantJson.heartbeatMessage(beat);
    }
}
