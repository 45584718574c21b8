package io.github.heartbeatsdk.benchmarks;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Target 6, the ceiling: a whole process that sends one request with raw OkHttp (synchronous
 * call) and returns from main. Launched by {@link BenchAll} with the benchmark's class path.
 */
public final class OneShotOkHttp {
    private OneShotOkHttp() {
    }

    public static void main(String[] args) throws Exception {
        OkHttpClient client = new OkHttpClient();
        try (Response response = client.newCall(new Request.Builder().url(args[0]).build()).execute()) {
            response.body().string();
        }
    }
}
