package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request that leaves the process is one of the SDK's attempts, and each answer is judged
 * by what retrying can fix: OkHttp neither resends behind the SDK's back nor follows redirects.
 */
class HttpAnswersTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();

    private CompletableFuture<DeliveryResult> ping(HeartbeatClient.Builder builder) {
        HeartbeatClient client = clients.track(builder.retryDeadline(Duration.ofSeconds(60)).build());
        CompletableFuture<DeliveryResult> result = client.ping().toCompletableFuture();
        clients.scheduler.runDue();
        return result;
    }

    private CompletableFuture<DeliveryResult> ping(String url) {
        return ping(clients.builder(Endpoints.url(url)));
    }

    private String url() {
        return server.url("/ping/answers-secret").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"408", "408 Retry-After: 0", "503 Retry-After: 0"})
    void okHttpNeverResendsOnItsOwnAndEveryRequestIsACountedAttempt(String answer) {
        String[] parts = answer.split(" ", 2);
        MockResponse.Builder first = new MockResponse.Builder().code(Integer.parseInt(parts[0]));
        if (parts.length > 1) {
            first.addHeader(parts[1]);
        }
        server.enqueue(first.build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        CompletableFuture<DeliveryResult> result = ping(url());
        assertEquals(1, server.getRequestCount(), "no request but our first attempt");
        assertFalse(result.isDone(), "waiting for our backoff, not resent at once");

        assertDeliveredByOurRetry(result, 2);
    }

    @Test
    void aRequestCutOffOnAReusedConnectionIsNotResentByOkHttpButByOurBackoff() {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        HeartbeatClient client = clients.client(Endpoints.url(url()));
        CompletableFuture<DeliveryResult> first = client.ping().toCompletableFuture();
        clients.scheduler.runDue();
        assertEquals(Outcome.DELIVERED, first.getNow(null).outcome());

        CompletableFuture<DeliveryResult> second = client.ping().toCompletableFuture(); // on the kept-alive connection
        clients.scheduler.runDue();
        assertEquals(2, server.getRequestCount(), "the server read it, then hung up: OkHttp must not resend it");
        assertFalse(second.isDone(), "waiting for our backoff");

        assertDeliveredByOurRetry(second, 3);
    }

    /** The second attempt, a backoff step (at most 1 s) later, delivers; the server saw {@code requests} in all. */
    private void assertDeliveredByOurRetry(CompletableFuture<DeliveryResult> result, int requests) {
        clients.scheduler.advance(Duration.ofSeconds(1));
        assertEquals(Outcome.DELIVERED, result.getNow(null).outcome());
        assertEquals(2, result.getNow(null).attempts());
        assertEquals(requests, server.getRequestCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"503 2147483648", "503 99999999999999999999", "408 2147483648"})
    void giantRetryAfterIsATransientFailureRetriedByTheBackoff(String answer) {
        String[] codeAndRetryAfter = answer.split(" ");
        server.enqueue(new MockResponse.Builder().code(Integer.parseInt(codeAndRetryAfter[0]))
                .addHeader("Retry-After", codeAndRetryAfter[1]).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        CompletableFuture<DeliveryResult> result = ping(url());
        assertFalse(result.isDone(), "retried, whatever its Retry-After says: " + result.getNow(null));
        assertDeliveredByOurRetry(result, 2);
    }

    @Test
    void statusDecidesBeforeTheBody() {
        server.enqueue(new MockResponse.Builder().code(404).body("x".repeat(4096))
                .onResponseBody(new SocketEffect.CloseSocket()).build());

        CompletableFuture<DeliveryResult> result = ping(url());
        clients.scheduler.advance(Duration.ofMinutes(2));

        assertRejectedAfterOneRequest(404, result.getNow(null));
    }

    @Test
    void aRefusalQuotesWhatTheBackendSaid() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "text/plain; charset=utf-8")
                .body("pushed metrics are invalid or inconsistent with existing metrics: \"x\" is not a COUNTER\n").build());

        DeliveryResult rejected = ping(url()).getNow(null);

        assertRejectedAfterOneRequest(400, rejected);
        assertEquals("HTTP 400 from " + redactedUrl() + ": pushed metrics are invalid or inconsistent with existing"
                + " metrics: \"x\" is not a COUNTER", rejected.error());
    }

    @Test
    void aRefusalNeverQuotesTheUrlsSecretNorAHeadersCredential() {
        String basic = java.util.Base64.getEncoder().encodeToString("pusher:pa55-word".getBytes(StandardCharsets.UTF_8));
        server.enqueue(new MockResponse.Builder().code(403).body("no access for /ping/answers-secret with Basic "
                + basic + " (pusher:pa55-word), token tok-9911zz, password pa55-word\r\nbye").build());

        DeliveryResult rejected = ping(clients.builder(Endpoints.url(url())
                .withHeader("Authorization", "Basic " + basic).withHeader("X-Token", "tok-9911zz"))).getNow(null);

        assertEquals(Outcome.REJECTED, rejected.outcome());
        assertEquals("HTTP 403 from " + redactedUrl() + ": no access for *** with *** (***), token ***,"
                + " password *** bye", rejected.error());
    }

    @Test
    void aRefusalQuotesAtMostItsFirst500CharactersOnOneLine() {
        server.enqueue(new MockResponse.Builder().code(422).body("line one\nline\ttwo " + "y".repeat(5000)).build());

        DeliveryResult rejected = ping(url()).getNow(null);

        String quoted = rejected.error().substring(("HTTP 422 from " + redactedUrl() + ": ").length());
        assertTrue(quoted.startsWith("line one line two yyy"), quoted);
        assertEquals(500, quoted.length(), quoted);
    }

    @Test
    void anHtmlErrorPageAndATransientFailuresBodyAreNotQuoted() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>404 Not Found</h1></body></html>").build());
        assertEquals("HTTP 404 from " + redactedUrl(), ping(url()).getNow(null).error());

        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(503).body("overloaded").build();
            }
        });
        CompletableFuture<DeliveryResult> retried = ping(url());
        clients.scheduler.advance(Duration.ofMinutes(2));
        assertEquals(Outcome.FAILED, retried.getNow(null).outcome());
        assertFalse(retried.getNow(null).error().contains("overloaded"), retried.getNow(null).error());
    }

    private String redactedUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort() + "/***";
    }

    private void assertRejectedAfterOneRequest(int status, DeliveryResult rejected) {
        assertEquals(Outcome.REJECTED, rejected.outcome(), String.valueOf(rejected));
        assertEquals(status, rejected.statusCode());
        assertEquals(1, rejected.attempts());
        assertEquals(1, server.getRequestCount(), "a single request: the answer is final");
    }

    @Test
    void redirectLoopIsOneAttemptAndRejected() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(302).addHeader("Location", request.getTarget()).build();
            }
        });

        CompletableFuture<DeliveryResult> result = ping(url());
        clients.scheduler.advance(Duration.ofMinutes(2));

        DeliveryResult rejected = result.getNow(null);
        assertRejectedAfterOneRequest(302, rejected);
        assertTrue(rejected.error().contains("redirect not followed"), rejected.error());
        assertFalse(rejected.error().contains("answers-secret"), rejected.error());
    }

    @Test
    void sameSchemeRedirectIsNotFollowedEither() {
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/moved/answers-secret").build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        assertRejectedAfterOneRequest(301, ping(url()).getNow(null));
    }

    @Test
    void httpsUrlForAPlainHttpPortIsRejectedAfterOneAttempt() throws Exception {
        try (RawServer plain = new RawServer("plain-http", HttpAnswersTest::answerPlainHttp)) {
            CompletableFuture<DeliveryResult> result = ping("https://127.0.0.1:" + plain.port() + "/ping/answers-secret");
            clients.scheduler.advance(Duration.ofMinutes(2));

            DeliveryResult rejected = result.getNow(null);
            assertEquals(Outcome.REJECTED, rejected.outcome(), String.valueOf(rejected));
            assertEquals(1, rejected.attempts());
            assertTrue(rejected.error().contains("does not speak TLS on this port"), rejected.error());
            assertFalse(rejected.error().contains("answers-secret"), rejected.error());
        }
    }

    /** Answers as a plain HTTP server does to bytes it cannot read as HTTP (a TLS ClientHello). */
    private static void answerPlainHttp(Socket socket) throws IOException {
        socket.getInputStream().read(new byte[512]);
        socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void mtlsServerRefusingAMissingClientCertificateIsRejectedAfterOneAttempt() throws Exception {
        try (RawServer mtls = new RawServer("mtls", HttpAnswersTest::refuseWithoutClientCertificate)) {
            CompletableFuture<DeliveryResult> result = ping(clients.builder(
                            Endpoints.url("https://localhost:" + mtls.port() + "/ping/answers-secret"))
                    .sslSocketFactory(TestTls.CLIENT.sslSocketFactory(), TestTls.CLIENT.trustManager()));
            clients.scheduler.advance(Duration.ofMinutes(2));

            DeliveryResult rejected = result.getNow(null);
            assertEquals(Outcome.REJECTED, rejected.outcome(), String.valueOf(rejected));
            assertEquals(1, rejected.attempts());
            assertTrue(rejected.error().contains("the server refused the client certificate"), rejected.error());
        }
    }

    /**
     * An mTLS server: it refuses a client without a certificate with a TLS alert, and keeps the
     * connection open until the client hangs up, so the client reads that alert (a server that
     * closes at once races the client's first write, which then fails as a broken pipe).
     */
    private static void refuseWithoutClientCertificate(Socket socket) throws IOException {
        SSLSocket tls = (SSLSocket) TestTls.SERVER.sslSocketFactory().createSocket(socket, null, false);
        tls.setUseClientMode(false);
        tls.setNeedClientAuth(true);
        try {
            tls.startHandshake();
        } catch (IOException refused) {
            // the alert is sent; wait for the client to hang up
        }
        InputStream in = socket.getInputStream();
        while (in.read() != -1) {
            // discard
        }
    }
}
