package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.ExtInfoProvider;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.InstanceInfo;
import io.github.heartbeatsdk.PluginInfo;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.internal.ExtInfoRenderer;
import io.github.heartbeatsdk.internal.SermantJson;
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
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * Target 7b: what one periodic beat with 10 ext-info providers costs the SDK's thread.
 *
 * <ul>
 *   <li>{@code tick}: the client's real beat tick, driven by hand through a {@link ManualExecutor}
 *       (the tick it was given at {@code start()}, with delivery run inline into a
 *       {@link RecordingEndpoint}): BeatFactory, every provider, rendering, the beat signal,
 *       the dispatcher's queue and the (in-memory) delivery. An upper bound of "building".</li>
 *   <li>{@code buildBeat}: the same beat built from public pieces the way {@code BeatFactory}
 *       does it (BeatFactory is package-private): each provider's map through
 *       {@link ExtInfoRenderer#render}, a {@link PluginInfo} per plugin, then
 *       {@link Signal#beat(long, long, InstanceInfo, Map)}.</li>
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

    private final Map<String, Registration> registrations = new ConcurrentSkipListMap<>();
    private InstanceInfo instance;
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
            registrations.put(pluginName(i), new Registration(pluginName(i), "1.0." + i, provider(i)));
        }
        client.start();
        tick = executor.periodic();
        tick.run();
        Signal first = recorder.last();
        if (first.kind() != SignalKind.BEAT || first.plugins().size() != PROVIDERS) {
            throw new IllegalStateException("expected a beat with " + PROVIDERS + " plugins, got " + first);
        }
        instance = first.instance();
        recorder.clear();
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
        Map<String, PluginInfo> plugins = new LinkedHashMap<>();
        for (Registration registration : registrations.values()) {
            plugins.put(registration.name, registration.evaluate());
        }
        Signal next = Signal.beat(now, lastBeatMillis, instance, plugins);
        lastBeatMillis = now;
        return next;
    }

    @Benchmark
    public byte[] encodeSermantJson() {
        return SermantJson.heartbeatMessage(beat);
    }

    /** What ExtInfoRegistry keeps per plugin, rendered the same way. */
    private static final class Registration {
        final String name;
        final String version;
        final ExtInfoProvider provider;

        Registration(String name, String version, ExtInfoProvider provider) {
            this.name = name;
            this.version = version;
            this.provider = provider;
        }

        PluginInfo evaluate() {
            Map<String, String> info;
            try {
                info = ExtInfoRenderer.render(provider.extInfo());
            } catch (ExtInfoRenderer.Refused | RuntimeException e) {
                info = Collections.emptyMap();
            }
            return new PluginInfo(name, version, info);
        }
    }
}
