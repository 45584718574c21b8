package io.github.heartbeatsdk.benchmarks;

import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.Collections;

/**
 * {@link PeersScenario}'s raw OkHttp: one client, synchronous {@code execute()}, the body read.
 * Arguments: {@code first|warm|burst <url> default|cleartext}: {@code default} is
 * {@code new OkHttpClient()}, {@code cleartext} a client built with
 * {@code connectionSpecs(CLEARTEXT)}, which sets up no TLS. The one-shot process is
 * {@link OneShotOkHttp}.
 */
public final class PeerOkHttpChild {
    private PeerOkHttpChild() {
    }

    public static void main(String[] args) throws Exception {
        PeerChild child = PeerChild.start();
        String url = args[1];
        boolean cleartext = args[2].equals("cleartext");
        switch (args[0]) {
            case "first" -> {
                PeerChild.Start.mark();
                long t0 = System.nanoTime();
                OkHttpClient client = client(cleartext);
                int status = get(client, url);
                PeerChild.Delivered.mark();
                child.put("t0", t0).put("status", status);
            }
            case "warm" -> {
                OkHttpClient client = client(cleartext);
                Thread.sleep(1000);
                long t1 = System.nanoTime();
                int status = get(client, url);
                child.put("t1", t1).put("status", status);
            }
            case "burst" -> {
                OkHttpClient client = client(cleartext);
                child.sequentialBurst(() -> get(client, url));
            }
            default -> throw PeerChild.unknownMode(args[0]);
        }
        child.print();
    }

    private static OkHttpClient client(boolean cleartext) {
        if (cleartext) {
            return new OkHttpClient.Builder().connectionSpecs(Collections.singletonList(ConnectionSpec.CLEARTEXT)).build();
        }
        return new OkHttpClient();
    }

    private static int get(OkHttpClient client, String url) throws IOException {
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            response.body().string();
            return response.code();
        }
    }
}
