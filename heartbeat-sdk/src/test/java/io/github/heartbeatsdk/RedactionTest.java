package io.github.heartbeatsdk;

import ch.qos.logback.classic.Level;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.endpoints.UrlEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ping URL's path and query are credentials: no log line, toString or message may show them. */
class RedactionTest {
    private static final String TOKEN = "1000rquike6143511677680410";
    private static final String KEY = "k3y-7c1d";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void failingDeliveriesNeverRevealTheSecret() {
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        server.enqueue(new MockResponse.Builder().code(404).build());
        String secretUrl = server.url("/heartbeat/" + TOKEN + "?key=" + KEY).toString();
        FakeClock clock = new FakeClock();
        ManualScheduler scheduler = new ManualScheduler(clock);
        List<String> seen = new ArrayList<>();

        try (LogCapture logs = new LogCapture()) {
            UrlEndpoint endpoint = Endpoints.url(secretUrl).withHeader("Authorization", "Bearer " + KEY);
            HeartbeatClient hb = HeartbeatClient.builder().endpoint(endpoint).executor(scheduler).clock(clock)
                    .shutdownHook(false).flushTimeout(Duration.ZERO).build();
            var viaServer = hb.ping().toCompletableFuture();
            scheduler.advance(Duration.ofSeconds(30));
            var unknownHost = HeartbeatClient.builder()
                    .endpoint(Endpoints.url("https://heartbeat-sdk-test.invalid/heartbeat/" + TOKEN))
                    .executor(scheduler).clock(clock).shutdownHook(false).flushTimeout(Duration.ZERO)
                    .retryDeadline(Duration.ofSeconds(3)).build();
            var viaDns = unknownHost.ping().toCompletableFuture();
            scheduler.advance(Duration.ofSeconds(30));

            seen.add(viaServer.getNow(null).toString());
            seen.add(viaDns.getNow(null).toString());
            seen.add(hb.stats().toString());
            seen.add(unknownHost.stats().toString());
            seen.add(hb.toString());
            seen.add(endpoint.toString());
            seen.add(endpoint.request(Signal.ping(0)).toString());
            seen.add(assertThrows(IllegalStateException.class,
                    () -> HeartbeatClient.builder().endpoint(endpoint).endpoint(endpoint)).getMessage());
            seen.add(assertThrows(IllegalArgumentException.class,
                    () -> Endpoints.url("ftp://host/heartbeat/" + TOKEN)).getMessage());
            seen.add(assertThrows(IllegalArgumentException.class,
                    () -> endpoint.withHeader("X-Key", KEY + "\r\nInjected: 1")).getMessage());
            hb.close();
            unknownHost.close();
            seen.add(logs.text());

            assertTrue(logs.text().contains("HTTP 404"), "the run really failed and logged:\n" + logs.text());
            assertTrue(logs.text().contains("UnknownHostException"), logs.text());
        }
        for (String text : seen) {
            assertFalse(text.contains(TOKEN), "token leaked in: " + text);
            assertFalse(text.contains(KEY), "key leaked in: " + text);
        }
    }

    /**
     * A server that answers with the request line it read: OkHttp reports it as an "Unexpected
     * status line", quoting the path and query as they went on the wire, percent-encoded.
     */
    @Test
    void secretsAreScrubbedAlsoInThePercentEncodedFormsOkHttpSends() throws Exception {
        try (RawServer echo = new RawServer("echo", RedactionTest::echoRequestLine)) {
            String url = "http://127.0.0.1:" + echo.port() + "/hb/café-" + TOKEN + "?note=a%20b%C3%BC&key=" + KEY;
            FakeClock clock = new FakeClock();
            ManualScheduler scheduler = new ManualScheduler(clock);
            List<String> seen = new ArrayList<>();
            try (LogCapture logs = new LogCapture();
                 HeartbeatClient hb = HeartbeatClient.builder().endpoint(Endpoints.url(url)).executor(scheduler)
                         .clock(clock).shutdownHook(false).flushTimeout(Duration.ZERO)
                         .retryDeadline(Duration.ofSeconds(3)).build()) {
                var result = hb.ping().toCompletableFuture();
                scheduler.advance(Duration.ofSeconds(30));

                DeliveryResult failed = result.getNow(null);
                assertTrue(failed.error().contains("Unexpected status line: GET ***"), failed.error());
                seen.add(failed.error());
                seen.add(String.valueOf(hb.stats().lastError()));
                seen.addAll(logs.messages(Level.WARN));
                assertFalse(logs.messages(Level.WARN).isEmpty(), logs.text());
            }
            for (String text : seen) {
                assertFalse(text.contains(TOKEN), "token leaked in: " + text);
                assertFalse(text.contains(KEY), "key leaked in: " + text);
                assertFalse(text.contains("C3%A9") || text.contains("a%20b") || text.contains("a+b"), text);
            }
        }
    }

    private static void echoRequestLine(Socket socket) throws IOException {
        String requestLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1)).readLine();
        socket.getOutputStream().write((requestLine + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
}
