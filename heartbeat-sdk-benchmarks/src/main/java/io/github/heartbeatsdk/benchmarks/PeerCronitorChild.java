package io.github.heartbeatsdk.benchmarks;

import io.cronitor.client.CronitorClient;

/**
 * {@link PeersScenario}'s Cronitor client ({@code io.cronitor:client}): {@code complete(code)},
 * one synchronous HttpURLConnection request per call, to {@code cronitor.link}, a host it
 * cannot be told to leave. The scenario starts this JVM with the JDK's proxy properties set to its
 * receiver, which so gets {@code GET http://cronitor.link/<code>/complete} (http) or a CONNECT
 * and then the request inside the tunnel (https). Arguments: {@code first|oneshot|burst http|https <code>}.
 */
public final class PeerCronitorChild {
    private PeerCronitorChild() {
    }

    public static void main(String[] args) throws Exception {
        boolean https = args[1].equals("https");
        String code = args[2];
        if (args[0].equals("oneshot")) {
            // The whole process is timed from outside: build, one ping, return from main, nothing else.
            client(https).complete(code);
            return;
        }
        PeerChild child = PeerChild.start();
        switch (args[0]) {
            case "first" -> {
                PeerChild.Start.mark();
                long t0 = System.nanoTime();
                client(https).complete(code);
                PeerChild.Delivered.mark();
                child.put("t0", t0);
            }
            case "burst" -> {
                CronitorClient client = client(https);
                // complete() returns nothing and logs its failures: the receiver's count is the accounting.
                child.sequentialBurst(() -> {
                    client.complete(code);
                    return PeerChild.UNTOLD;
                });
            }
            default -> throw PeerChild.unknownMode(args[0]);
        }
        child.print();
    }

    private static CronitorClient client(boolean https) {
        return https ? new CronitorClient() : CronitorClient.withoutHttps();
    }
}
