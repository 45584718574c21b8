package io.github.heartbeatsdk;

import ch.qos.logback.classic.Level;
import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.transport.SeparatePingsEndpoint;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults against real local servers: an outage, a connection reset mid-body, a 429/503 storm,
 * endless and huge bodies, untrusted TLS, an https-to-http redirect and an authenticating proxy.
 * In each the caller only enqueues, what can be delivered is delivered within its deadline, and
 * what cannot is counted and reported.
 */
class FaultInjectionTest {
    private static final String UUID = "5f0c6b2e-1d3a-4c5b-9e8f-7a6b5c4d3e2f";
    /** Reached only through the proxy, which never resolves it: the name need not exist. */
    private static final String PROXIED_TARGET = "http://heartbeat-target.example/ping/proxy-secret-path";

    @StartStop
    final MockWebServer server = new MockWebServer();
    final FakeClock clock = new FakeClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final RecordingListener listener = new RecordingListener(clock);
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** A client on virtual time: nothing is delivered until the test advances the scheduler. */
    private HeartbeatClient.Builder virtual(Endpoint endpoint) {
        return HeartbeatClient.builder().endpoint(endpoint).executor(scheduler).clock(clock).listener(listener)
                .shutdownHook(false).flushTimeout(Duration.ZERO);
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static int freePortThenClosed() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    @Test
    void jobEndIsRetriedThroughAnOutageAndDeliveredOnceTheBackendIsBack() throws Exception {
        int port = freePortThenClosed(); // nothing listens: every connect is refused
        HeartbeatClient client = closeLater(virtual(Endpoints.healthchecks("http://127.0.0.1:" + port + "/" + UUID))
                .retryDeadline(Duration.ofSeconds(60)).build());
        long createdAt = clock.millis();

        JobRun run = client.startJob("backup");
        CompletableFuture<DeliveryResult> started = run.started().toCompletableFuture();
        CompletableFuture<DeliveryResult> ended = run.success().toCompletableFuture();
        assertFalse(ended.isDone(), "success() only enqueued");

        scheduler.advance(Duration.ofSeconds(20)); // the backend is down for 20 s
        assertFalse(started.isDone(), "still retrying: " + started.getNow(null));
        assertFalse(ended.isDone(), "waits behind the start signal");
        long retriedWhileDown = client.stats().retried();
        assertTrue(retriedWhileDown >= 3, "backed off and retried while down: " + retriedWhileDown);
        assertTrue(listener.calls().isEmpty(), "nothing ended yet: " + listener.calls());

        MockWebServer backend = closeLater(new MockWebServer());
        backend.enqueue(new MockResponse.Builder().code(200).build());
        backend.enqueue(new MockResponse.Builder().code(200).build());
        backend.start(InetAddress.getByName("127.0.0.1"), port);
        scheduler.advance(Duration.ofSeconds(35)); // the next retry (at most 16 s away) finds it up

        assertEquals(Outcome.DELIVERED, started.getNow(null).outcome());
        DeliveryResult end = ended.getNow(null);
        assertNotNull(end, "the job's end was delivered once the backend was back");
        assertEquals(Outcome.DELIVERED, end.outcome());
        assertEquals(1, end.attempts(), "the end signal waited behind the start; it was sent once");
        assertTrue(started.getNow(null).attempts() > 3, "start: " + started.getNow(null));
        assertEquals("/" + UUID + "/start?rid=" + run.runId(), backend.takeRequest(1, TimeUnit.SECONDS).getTarget());
        assertEquals("/" + UUID + "?rid=" + run.runId(), backend.takeRequest(1, TimeUnit.SECONDS).getTarget());

        HeartbeatStats stats = client.stats();
        assertEquals(2, stats.delivered());
        assertEquals(0, stats.pending());
        assertTrue(stats.retried() >= retriedWhileDown, stats.toString());
        assertEquals(started.getNow(null).attempts() - 1, stats.retried(), "every refused attempt was retried");
        List<RecordingListener.Call> successes = listener.about(SignalKind.SUCCESS);
        assertEquals(1, successes.size(), "onSuccess once for the job's end: " + listener.calls());
        assertTrue(successes.get(0).success());
        assertTrue(successes.get(0).atMillis() - createdAt < 60_000, "within retryDeadline");
        assertEquals(stats.lastSuccessMillis(), successes.get(0).atMillis());
        assertEquals(2, listener.successes().size());
        assertTrue(listener.failures().isEmpty(), listener.failures().toString());
        scheduler.advance(Duration.ofMinutes(5));
        assertEquals(2, backend.getRequestCount(), "each delivered exactly once");
    }

    @Test
    void connectionResetInTheMiddleOfAnErrorBodyIsRetriedThenDelivered() {
        server.enqueue(new MockResponse.Builder().code(503).body("x".repeat(4096))
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        HeartbeatClient client = closeLater(virtual(Endpoints.url(server.url("/ping/reset").toString())).build());

        CompletableFuture<DeliveryResult> result = client.ping().toCompletableFuture();
        assertFalse(result.isDone());
        scheduler.runDue();
        assertFalse(result.isDone(), "the cut-off answer is a transient failure");
        scheduler.advance(Duration.ofSeconds(5));

        assertEquals(Outcome.DELIVERED, result.getNow(null).outcome());
        assertEquals(2, result.getNow(null).attempts());
        assertEquals(2, server.getRequestCount());
        assertEquals(1, client.stats().retried());
        assertEquals(1, listener.successes().size());
    }

    @Test
    void connectionResetInTheMiddleOfASuccessBodyCountsAsDeliveredAndIsNotSentTwice() {
        server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(4096))
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        HeartbeatClient client = closeLater(virtual(Endpoints.url(server.url("/ping/reset").toString())).build());

        CompletableFuture<DeliveryResult> result = client.ping().toCompletableFuture();
        scheduler.runDue();
        scheduler.advance(Duration.ofMinutes(2));

        assertEquals(Outcome.DELIVERED, result.getNow(null).outcome(), "the backend said 200: it has the ping");
        assertEquals(1, server.getRequestCount(), "a success is never sent twice");
        assertEquals(0, client.stats().retried());
    }

    @Test
    void stormOf429And503IsWaitedOutAndEverySignalIsDeliveredInOrder() throws Exception {
        long stormEnds = clock.millis() + 25_000;
        List<Long> stormAttempts = new CopyOnWriteArrayList<>();
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicInteger answers = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long now = clock.millis();
                if (now < stormEnds) {
                    stormAttempts.add(now);
                    if (answers.getAndIncrement() % 2 == 0) {
                        return new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build();
                    }
                    String in4s = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            ZonedDateTime.ofInstant(Instant.ofEpochMilli(now + 4_000), ZoneOffset.UTC));
                    return new MockResponse.Builder().code(503).addHeader("Retry-After", in4s).build();
                }
                delivered.add(request.getTarget());
                return new MockResponse.Builder().code(200).build();
            }
        });
        HeartbeatClient client = closeLater(virtual(SeparatePingsEndpoint.of(Endpoints.healthchecks(server.url("/" + UUID).toString())))
                .retryDeadline(Duration.ofSeconds(60)).build());

        JobRun run = client.startJob("etl");
        List<CompletableFuture<DeliveryResult>> results = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        results.add(run.started().toCompletableFuture());
        expected.add("/" + UUID + "/start?rid=" + run.runId());
        for (int i = 0; i < 3; i++) {
            results.add(client.ping().toCompletableFuture());
            expected.add("/" + UUID);
        }
        results.add(run.log("rows: 42").toCompletableFuture());
        expected.add("/" + UUID + "/log?rid=" + run.runId());
        CompletableFuture<DeliveryResult> end = run.success().toCompletableFuture();
        results.add(end);
        expected.add("/" + UUID + "?rid=" + run.runId());
        for (int i = 0; i < 2; i++) {
            results.add(client.ping().toCompletableFuture());
            expected.add("/" + UUID);
        }
        for (CompletableFuture<DeliveryResult> result : results) {
            assertFalse(result.isDone(), "the caller only enqueued");
        }

        scheduler.advance(Duration.ofSeconds(24));
        assertFalse(end.isDone(), "still storming");
        assertTrue(delivered.isEmpty(), delivered.toString());
        scheduler.advance(Duration.ofSeconds(20));

        assertEquals(expected, delivered, "every signal delivered once, in the order submitted");
        for (CompletableFuture<DeliveryResult> result : results) {
            assertEquals(Outcome.DELIVERED, result.getNow(null).outcome(), result.getNow(null).toString());
        }
        assertEquals(stormAttempts.size() + 1, results.get(0).getNow(null).attempts(),
                "the head signal took the whole storm");
        for (int i = 1; i < stormAttempts.size(); i++) {
            long gap = stormAttempts.get(i) - stormAttempts.get(i - 1);
            assertTrue(gap >= 3_000, "Retry-After honoured, gap " + gap + " ms in " + stormAttempts);
        }
        assertTrue(stormAttempts.size() >= 5, "a real storm: " + stormAttempts);
        HeartbeatStats stats = client.stats();
        assertEquals(results.size(), stats.delivered());
        assertEquals(stormAttempts.size(), stats.retried());
        assertEquals(0, stats.failed() + stats.dropped() + stats.rejected() + stats.pending());
        assertEquals(results.size(), listener.successes().size());
        assertEquals(1, listener.about(SignalKind.SUCCESS).size());
    }

    /** Answers every request with 200 and a chunked body that never ends, until the client hangs up. */
    static final class EndlessBodyServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        final AtomicInteger connections = new AtomicInteger();
        final AtomicLong bytesWritten = new AtomicLong();
        final CountDownLatch writerStopped = new CountDownLatch(1);
        final Thread thread = new Thread(this::serve, "endless-body-server");

        EndlessBodyServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + socket.getLocalPort() + path;
        }

        private void serve() {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                    // the request head; a GET has no body
                }
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = ("2000\r\n" + "z".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                while (true) { // forever, until the client closes the connection
                    out.write(chunk);
                    bytesWritten.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // the client hung up (or close() closed the server socket)
            } finally {
                writerStopped.countDown();
            }
            // Count (and refuse) any further connection: the SDK should not need one.
            while (!socket.isClosed()) {
                try (Socket extra = socket.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void endlessResponseBodyIsAbandonedAfterAFewKilobytesAndThePingIsDelivered() throws Exception {
        EndlessBodyServer endless = closeLater(new EndlessBodyServer());
        HeartbeatClient client = closeLater(HeartbeatClient.builder()
                .endpoint(Endpoints.url(endless.url("/ping/endless")))
                .listener(listener).shutdownHook(false).callTimeout(Duration.ofSeconds(20)).build());

        CompletableFuture<DeliveryResult> pending = client.ping().toCompletableFuture();
        DeliveryResult result = pending.get(30, TimeUnit.SECONDS); // reading the whole body would never end

        assertEquals(Outcome.DELIVERED, result.outcome(), result.toString());
        assertEquals(200, result.statusCode());
        assertEquals(1, result.attempts());
        assertTrue(endless.writerStopped.await(30, TimeUnit.SECONDS),
                "the SDK hung up instead of reading on; server wrote " + endless.bytesWritten.get() + " bytes");
        assertEquals(1, endless.connections.get());
    }

    // A body past 8 KiB is abandoned: the call is cancelled so OkHttp neither reads on nor reuses the connection.
    @ParameterizedTest
    @ValueSource(ints = {64 * 1024, 5 * 1024 * 1024})
    void largeResponseBodyIsNotReadToItsEndAndTheConnectionIsNotReused(int bodyBytes) throws Exception {
        Buffer big = new Buffer();
        big.write(new byte[bodyBytes]);
        server.enqueue(new MockResponse.Builder().code(200).body(big).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        HeartbeatClient client = closeLater(HeartbeatClient.builder()
                .endpoint(Endpoints.url(server.url("/ping/big").toString()))
                .shutdownHook(false).build());

        assertEquals(Outcome.DELIVERED, client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS).outcome());
        assertEquals(Outcome.DELIVERED, client.ping().toCompletableFuture().get(30, TimeUnit.SECONDS).outcome());

        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotEquals(first.getConnectionIndex(), second.getConnectionIndex(),
                "a " + bodyBytes + "-byte body must be abandoned with its connection, not drained for reuse");
    }

    @Test
    void untrustedCertificateIsRejectedAfterOneAttemptAndATrustingClientDelivers() throws Exception {
        MockWebServer https = closeLater(TestTls.httpsServer());
        https.enqueue(new MockResponse.Builder().code(200).build());
        String url = https.url("/ping/tls-secret").toString();
        try (LogCapture logs = new LogCapture()) {
            HeartbeatClient untrusting = closeLater(virtual(Endpoints.url(url)).build());
            CompletableFuture<DeliveryResult> refused = untrusting.ping().toCompletableFuture();
            assertFalse(refused.isDone(), "ping() only enqueued");
            scheduler.runDue();
            scheduler.advance(Duration.ofMinutes(5));

            DeliveryResult result = refused.getNow(null);
            assertNotNull(result);
            assertEquals(Outcome.REJECTED, result.outcome());
            assertEquals(1, result.attempts(), "a certificate problem is never retried");
            assertTrue(result.error().contains("TLS: the server's certificate is not trusted"), result.error());
            assertFalse(result.error().contains("tls-secret"), result.error());
            assertEquals(1, untrusting.stats().rejected());
            assertEquals(0, untrusting.stats().retried());
            assertEquals(1, listener.failures().size());
            assertEquals(1, logs.messages(Level.WARN).size(), logs.text());
        }

        try (HeartbeatClient trusting = HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false)
                .sslSocketFactory(TestTls.CLIENT.sslSocketFactory(), TestTls.CLIENT.trustManager()).build()) {
            DeliveryResult result = trusting.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(Outcome.DELIVERED, result.outcome(), result.toString());
        }
        RecordedRequest request = https.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request.getHandshake(), "delivered over TLS");
        assertEquals("/ping/tls-secret", request.getTarget());
    }

    @Test
    void redirectFromHttpsToHttpIsNeverFollowed() throws Exception {
        MockWebServer https = closeLater(TestTls.httpsServer());
        https.enqueue(new MockResponse.Builder().code(302)
                .addHeader("Location", server.url("/landing/leaked-secret").toString()).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        HeartbeatClient client = closeLater(virtual(Endpoints.url(https.url("/ping/redirect-secret").toString()))
                .sslSocketFactory(TestTls.CLIENT.sslSocketFactory(), TestTls.CLIENT.trustManager()).build());

        CompletableFuture<DeliveryResult> result = client.ping().toCompletableFuture();
        assertFalse(result.isDone(), "ping() only enqueued");
        scheduler.runDue();
        scheduler.advance(Duration.ofMinutes(5));

        DeliveryResult rejected = result.getNow(null);
        assertNotNull(rejected);
        assertEquals(Outcome.REJECTED, rejected.outcome());
        assertEquals(302, rejected.statusCode());
        assertEquals(1, rejected.attempts());
        assertTrue(rejected.error().contains("redirect not followed"), rejected.error());
        assertEquals(1, https.getRequestCount());
        assertEquals(0, server.getRequestCount(), "the plain-http server got nothing");
        assertEquals(1, listener.failures().size());
    }

    @Test
    void proxyAskingForCredentialsGetsThemOnceAndThePingIsDelivered() throws Exception {
        MockWebServer proxy = server;
        proxy.enqueue(proxyChallenge());
        proxy.enqueue(new MockResponse.Builder().code(200).build());
        String target = PROXIED_TARGET;
        try (LogCapture logs = new LogCapture()) {
            HeartbeatClient client = closeLater(virtual(Endpoints.url(target))
                    .proxy(proxy.getHostName(), proxy.getPort()).proxyCredentials("user", "s3cret").build());
            CompletableFuture<DeliveryResult> result = client.ping().toCompletableFuture();
            assertFalse(result.isDone());
            scheduler.runDue();

            DeliveryResult delivered = result.getNow(null);
            assertNotNull(delivered);
            assertEquals(Outcome.DELIVERED, delivered.outcome(), delivered.toString());
            RecordedRequest challenge = proxy.takeRequest(5, TimeUnit.SECONDS);
            RecordedRequest authorized = proxy.takeRequest(5, TimeUnit.SECONDS);
            assertNull(challenge.getHeaders().get("Proxy-Authorization"), "no credentials before the proxy asks");
            assertEquals("Basic dXNlcjpzM2NyZXQ=", authorized.getHeaders().get("Proxy-Authorization"));
            assertEquals("GET " + target + " HTTP/1.1", authorized.getRequestLine(), "absolute-form request line");
            assertEquals(1, listener.successes().size());
            client.close();
            assertNoProxySecret(logs.text(), delivered.toString(), client.stats().toString(), client.toString());
        }
    }

    @Test
    void proxyThatKeepsRefusingTheCredentialsEndsRejectedNotInALoop() throws Exception {
        MockWebServer proxy = server;
        for (int i = 0; i < 5; i++) {
            proxy.enqueue(proxyChallenge());
        }
        try (LogCapture logs = new LogCapture()) {
            HeartbeatClient client = closeLater(virtual(Endpoints.url(PROXIED_TARGET))
                    .proxy(proxy.getHostName(), proxy.getPort()).proxyCredentials("user", "s3cret").build());
            CompletableFuture<DeliveryResult> result = client.ping().toCompletableFuture();
            assertFalse(result.isDone(), "ping() only enqueued");
            scheduler.runDue();
            scheduler.advance(Duration.ofMinutes(5));

            DeliveryResult rejected = result.getNow(null);
            assertNotNull(rejected);
            assertEquals(Outcome.REJECTED, rejected.outcome(), rejected.toString());
            assertEquals(407, rejected.statusCode());
            assertEquals(2, proxy.getRequestCount(), "asked once without and once with credentials, then gave up");
            assertEquals(1, client.stats().rejected());
            assertEquals(1, listener.failures().size());
            client.close();
            assertNoProxySecret(logs.text(), rejected.toString(), client.stats().toString(), client.toString());
            assertTrue(logs.text().contains("HTTP 407"), logs.text());
        }
    }

    private static MockResponse proxyChallenge() {
        return new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"x\"").build();
    }

    private static void assertNoProxySecret(String... texts) {
        for (String text : texts) {
            assertFalse(text.contains("s3cret"), "proxy password leaked: " + text);
            assertFalse(text.contains("dXNlcjpzM2NyZXQ="), "proxy credentials leaked: " + text);
            assertFalse(text.contains("proxy-secret-path"), "ping path leaked: " + text);
        }
    }
}
