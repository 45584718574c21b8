package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.HttpMethod;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.endpoints.UrlEndpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plain ping URL: which signals it reports, and the requests its refinements produce. */
class UrlEndpointTest {
    private static final String SECRET = "1000rquike6143511677680410";
    private static final String URL = "https://node.xitoring.com/heartbeat/" + SECRET;
    private static final long T = 1_732_300_000_000L;

    private static Signal job(SignalKind kind, int exitCode) {
        return Signal.job(kind, T, "job", "run-1", exitCode, -1, null);
    }

    private static void assertPlainGet(EndpointRequest request) {
        assertNotNull(request);
        assertEquals(HttpMethod.GET, request.method());
        assertEquals(URL, request.url());
        assertEquals(Map.of(), request.headers());
        assertNull(request.contentType());
        assertEquals(0, request.bodyLength());
        assertArrayEquals(new byte[0], request.body());
    }

    // ---- which signals produce a request ---------------------------------------------------

    @Test
    void pingBeatSuccessAndExitZeroAreAGetOfTheUrl() {
        UrlEndpoint endpoint = Endpoints.url(URL);

        assertPlainGet(endpoint.request(Signal.ping(T)));
        assertPlainGet(endpoint.request(Signal.beat(T)));
        assertPlainGet(endpoint.request(job(SignalKind.SUCCESS, -1)));
        assertPlainGet(endpoint.request(job(SignalKind.EXIT, 0)));
    }

    @Test
    void startFailLogAndNonZeroExitSendNothing() {
        UrlEndpoint endpoint = Endpoints.url(URL);

        assertNull(endpoint.request(job(SignalKind.START, -1)));
        assertNull(endpoint.request(job(SignalKind.FAIL, -1)));
        assertNull(endpoint.request(job(SignalKind.LOG, -1)));
        assertNull(endpoint.request(job(SignalKind.EXIT, 3)));
        assertNull(endpoint.request(job(SignalKind.EXIT, 1)));
        assertNull(endpoint.request(job(SignalKind.EXIT, 255)));
    }

    @Test
    void urlIsCheckedAndTrimmedAtCreation() {
        assertPlainGet(Endpoints.url("  " + URL + "\n").request(Signal.ping(T)));

        var e = assertThrows(IllegalArgumentException.class, () -> Endpoints.url("ftp://node.xitoring.com/" + SECRET));
        assertEquals("url must be an absolute http or https URL, got scheme 'ftp' (ftp://node.xitoring.com/***)",
                e.getMessage());
        var npe = assertThrows(NullPointerException.class, () -> Endpoints.url(null));
        assertEquals("url == null", npe.getMessage());
    }

    // ---- refinements -----------------------------------------------------------------------

    @Test
    void withMethodHeadSendsAHead() {
        EndpointRequest request = Endpoints.url(URL).withMethod(HttpMethod.HEAD).request(Signal.ping(T));

        assertEquals(HttpMethod.HEAD, request.method());
        assertEquals(URL, request.url());
        assertNull(request.contentType());
        assertEquals(0, request.bodyLength());
    }

    @Test
    void withMethodPostWithoutBodySendsAnEmptyTextBody() {
        EndpointRequest request = Endpoints.url(URL).withMethod(HttpMethod.POST).request(Signal.ping(T));

        assertEquals(HttpMethod.POST, request.method());
        assertEquals("text/plain; charset=utf-8", request.contentType());
        assertEquals(0, request.bodyLength());
    }

    @Test
    void withHeaderAddsHeadersInOrderAndReplacesSameName() {
        UrlEndpoint endpoint = Endpoints.url(URL)
                .withHeader("Authorization", "Bearer old")
                .withHeader("X-Source", "backup-job")
                .withHeader("Authorization", "Bearer " + SECRET);

        EndpointRequest request = endpoint.request(Signal.ping(T));

        assertEquals(HttpMethod.GET, request.method());
        assertEquals(URL, request.url());
        assertEquals(Map.of("Authorization", "Bearer " + SECRET, "X-Source", "backup-job"), request.headers());
        assertEquals(List.of("Authorization", "X-Source"), List.copyOf(request.headers().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> request.headers().put("X", "y"));
    }

    @Test
    void withHeaderRejectsLineBreaks() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Endpoints.url(URL).withHeader("X-Token", SECRET + "\r\n"));
        assertEquals("header X-Token must not contain CR or LF, got ***", e.getMessage());
    }

    @Test
    void withBodyPostsUtf8BytesWithTheContentType() {
        String json = "{\"status\":\"ok\",\"host\":\"订单主机\"}";
        EndpointRequest request = Endpoints.url(URL)
                .withHeader("X-Api-Key", SECRET)
                .withBody("application/json", json)
                .request(job(SignalKind.SUCCESS, -1));

        assertEquals(HttpMethod.POST, request.method());
        assertEquals(URL, request.url());
        assertEquals(Map.of("X-Api-Key", SECRET), request.headers());
        assertEquals("application/json", request.contentType());
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), request.body());
        assertEquals(json.getBytes(StandardCharsets.UTF_8).length, request.bodyLength());
    }

    @Test
    void withBodyRejectsNulls() {
        UrlEndpoint endpoint = Endpoints.url(URL);

        assertEquals("contentType == null",
                assertThrows(NullPointerException.class, () -> endpoint.withBody(null, "x")).getMessage());
        assertEquals("body == null",
                assertThrows(NullPointerException.class, () -> endpoint.withBody("text/plain", null)).getMessage());
        assertEquals("method == null",
                assertThrows(NullPointerException.class, () -> endpoint.withMethod(null)).getMessage());
    }

    @Test
    void withMethodOtherThanPostAfterWithBodyIsRejected() {
        UrlEndpoint withBody = Endpoints.url(URL).withBody("text/plain", "done");

        var get = assertThrows(IllegalArgumentException.class, () -> withBody.withMethod(HttpMethod.GET));
        assertEquals("method must be POST when a body is set, got GET", get.getMessage());
        var head = assertThrows(IllegalArgumentException.class, () -> withBody.withMethod(HttpMethod.HEAD));
        assertEquals("method must be POST when a body is set, got HEAD", head.getMessage());
        assertEquals(HttpMethod.POST, withBody.withMethod(HttpMethod.POST).request(Signal.ping(T)).method());
    }

    @Test
    void refinementsLeaveTheOriginalUnchanged() {
        UrlEndpoint original = Endpoints.url(URL);

        UrlEndpoint head = original.withMethod(HttpMethod.HEAD);
        UrlEndpoint withHeader = original.withHeader("Authorization", "Bearer " + SECRET);
        UrlEndpoint withBody = original.withBody("text/plain", "hello");
        withHeader.withHeader("X-More", "1");

        assertPlainGet(original.request(Signal.ping(T)));
        assertEquals(HttpMethod.HEAD, head.request(Signal.ping(T)).method());
        assertEquals(Map.of(), head.request(Signal.ping(T)).headers());
        assertEquals(Map.of("Authorization", "Bearer " + SECRET), withHeader.request(Signal.ping(T)).headers());
        assertEquals(HttpMethod.GET, withHeader.request(Signal.ping(T)).method());
        assertEquals(Map.of(), withBody.request(Signal.ping(T)).headers());
        assertEquals("hello", new String(withBody.request(Signal.ping(T)).body(), StandardCharsets.UTF_8));
    }

    @Test
    void requestBodyIsACopy() {
        UrlEndpoint endpoint = Endpoints.url(URL).withBody("text/plain", "abc");
        EndpointRequest request = endpoint.request(Signal.ping(T));

        request.body()[0] = 'X';

        assertEquals("abc", new String(request.body(), StandardCharsets.UTF_8));
        assertEquals("abc", new String(endpoint.request(Signal.ping(T)).body(), StandardCharsets.UTF_8));
    }

    // ---- toString --------------------------------------------------------------------------

    @Test
    void toStringMasksTheSecret() {
        assertEquals("UrlEndpoint{GET https://node.xitoring.com/***}", Endpoints.url(URL).toString());
        String post = Endpoints.url(URL).withHeader("Authorization", "Bearer " + SECRET)
                .withBody("text/plain", SECRET).toString();
        assertEquals("UrlEndpoint{POST https://node.xitoring.com/***}", post);
    }

    @Test
    void requestToStringMasksTheUrlAndHeaderValues() {
        EndpointRequest request = Endpoints.url(URL)
                .withHeader("Authorization", "Bearer " + SECRET)
                .withHeader("X-Api-Key", SECRET)
                .withBody("text/plain", "12345")
                .request(Signal.ping(T));

        String text = request.toString();

        assertEquals("POST https://node.xitoring.com/*** headers=[Authorization, X-Api-Key] body=5 bytes", text);
        assertFalse(text.contains(SECRET));
        assertEquals("GET https://node.xitoring.com/***", Endpoints.url(URL).request(Signal.ping(T)).toString());
    }

    // ---- EndpointRequest factories ---------------------------------------------------------

    @Test
    void endpointRequestOfGetWithABodyIsRejected() {
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);

        var e = assertThrows(IllegalArgumentException.class,
                () -> EndpointRequest.of(HttpMethod.GET, URL, "text/plain", body));
        assertEquals("a body needs method POST or PUT, got GET", e.getMessage());

        var typeOnly = assertThrows(IllegalArgumentException.class,
                () -> EndpointRequest.of(HttpMethod.HEAD, URL, "text/plain", null));
        assertEquals("a body needs method POST or PUT, got HEAD", typeOnly.getMessage());
    }

    @Test
    void endpointRequestPostCopiesTheBody() {
        byte[] body = "abc".getBytes(StandardCharsets.UTF_8);
        EndpointRequest request = EndpointRequest.post(URL, "text/plain", body);

        body[0] = 'X';

        assertEquals(HttpMethod.POST, request.method());
        assertEquals("text/plain", request.contentType());
        assertEquals("abc", new String(request.body(), StandardCharsets.UTF_8));
        assertTrue(request.headers().isEmpty());
    }
}
