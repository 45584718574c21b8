package io.github.heartbeatsdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * {@link PeersScenario}'s HttpURLConnection: a GET, the body read to its end and closed, which
 * leaves the connection to the JDK's keep-alive cache. Arguments: {@code first|burst <url>}. The
 * one-shot process is {@link OneShotUrlConnection}.
 */
public final class PeerUrlConnectionChild {
    private PeerUrlConnectionChild() {
    }

    public static void main(String[] args) throws Exception {
        PeerChild child = PeerChild.start();
        switch (args[0]) {
            case "first" -> {
                PeerChild.Start.mark();
                long t0 = System.nanoTime();
                int status = get(new URL(args[1]));
                PeerChild.Delivered.mark();
                child.put("t0", t0).put("status", status);
            }
            case "burst" -> {
                URL url = new URL(args[1]);
                child.sequentialBurst(() -> get(url));
            }
            default -> throw PeerChild.unknownMode(args[0]);
        }
        child.print();
    }

    private static int get(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try (InputStream in = connection.getInputStream()) {
            while (in.read() >= 0) {
                // drain, so the connection is kept alive
            }
        }
        return connection.getResponseCode();
    }
}
