package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.SdkVersion;
import okhttp3.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Target 2, the evidence: what the SDK's thread does per delivery that a raw OkHttp loop, which
 * builds its {@code Request} once, does not.
 *
 * <ul>
 *   <li>{@code endpointRequest}: {@code UrlEndpoint.request(signal)}, which re-validates the URL
 *       (a {@code java.net.URI} parse) on every call through {@code EndpointRequest.of}.</li>
 *   <li>{@code okHttpRequest}: the OkHttp {@code Request} built from it the way
 *       {@code HttpTransport.toOkHttp} does: {@code Request.Builder.url(String)} (an
 *       {@code HttpUrl} parse), the User-Agent header, the endpoint's headers.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DeliveryOverheadBench {
    private final Endpoint endpoint = Endpoints.url("https://node.example.com/heartbeat/0d4c1b7e-3f0a-4c55-9a4e-2b8f5d7c9e61");
    private final Signal ping = Signal.ping(1_700_000_000_000L);
    private final EndpointRequest request = endpoint.request(ping);

    @Benchmark
    public EndpointRequest endpointRequest() {
        return endpoint.request(ping);
    }

    @Benchmark
    public Request okHttpRequest() {
        Request.Builder builder = new Request.Builder().url(request.url())
                .header("User-Agent", "heartbeat-sdk/" + SdkVersion.VERSION);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        return builder.get().build();
    }
}
