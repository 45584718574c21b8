package io.github.heartbeatsdk.benchmarks;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/** Target 6, a reference: one request with the JDK's HttpURLConnection, then return from main. */
public final class OneShotUrlConnection {
    private OneShotUrlConnection() {
    }

    public static void main(String[] args) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(args[0]).openConnection();
        try (InputStream in = connection.getInputStream()) {
            while (in.read() >= 0) {
                // drain
            }
        }
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException("HTTP " + connection.getResponseCode());
        }
    }
}
