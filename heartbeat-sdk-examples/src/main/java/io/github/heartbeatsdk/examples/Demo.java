package io.github.heartbeatsdk.examples;

import com.sun.net.httpserver.HttpServer;
import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.Endpoints;
import io.github.heartbeatsdk.HeartbeatClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The README's demo: starts a tiny HTTP receiver on 127.0.0.1, pings it the way a job would at
 * its end, and prints what the receiver got. Runs offline and exits by itself.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = startReceiver(received);
        String pingUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/heartbeat/demo-check-id";
        try (HeartbeatClient heartbeat = HeartbeatClient.builder()
                .endpoint(Endpoints.url(pingUrl))
                .build()) {
            System.out.println("Backup finished; pinging the receiver ...");
            DeliveryResult result = heartbeat.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
            System.out.println("SDK says:        " + result);
            System.out.println("Receiver got:    " + String.join("; ", received));
            System.out.println("Client stats:    " + heartbeat.stats());
        } finally {
            receiver.stop(0);
        }
    }

    /** A receiver that answers 200 to every request and records its method, path and User-Agent. */
    static HttpServer startReceiver(List<String> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " (User-Agent: " + exchange.getRequestHeaders().getFirst("User-Agent") + ")");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
