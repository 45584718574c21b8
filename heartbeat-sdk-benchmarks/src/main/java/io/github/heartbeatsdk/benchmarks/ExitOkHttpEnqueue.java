package io.github.heartbeatsdk.benchmarks;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/** Target 5, a reference: raw OkHttp {@code enqueue} right before {@code System.exit(0)}. */
public final class ExitOkHttpEnqueue {
    private ExitOkHttpEnqueue() {
    }

    public static void main(String[] args) {
        OkHttpClient client = new OkHttpClient();
        client.newCall(new Request.Builder().url(args[0]).build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
            }

            @Override
            public void onResponse(Call call, Response response) {
                response.close();
            }
        });
        System.exit(0);
    }
}
