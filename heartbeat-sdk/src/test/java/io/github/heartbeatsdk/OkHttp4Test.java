package io.github.heartbeatsdk;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK as built (compiled against OkHttp 5) runs on OkHttp 4.12 with the Okio and kotlin-stdlib
 * that OkHttp 4.12 is released with: applications whose other libraries bring
 * {@code com.squareup.okhttp3:okhttp} 4.x may get OkHttp 4's classes first. A child JVM swaps the
 * jars; real local servers answer.
 */
class OkHttp4Test {
    @StartStop
    final MockWebServer http = new MockWebServer();

    private MockWebServer https;

    @TempDir
    Path dir;

    @AfterEach
    void stopHttps() throws Exception {
        if (https != null) {
            https.close();
        }
    }

    @Test
    void deliveryRetriesPostTlsAndTheExitFlushWorkOnOkHttp4() throws Exception {
        http.enqueue(new MockResponse.Builder().code(200).build());
        http.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
        http.enqueue(new MockResponse.Builder().code(200).build());
        http.enqueue(new MockResponse.Builder().code(202).build());
        http.enqueue(new MockResponse.Builder().code(200).build());
        https = TestTls.httpsServer();
        https.enqueue(new MockResponse.Builder().code(200).build());
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, TestTls.ROOT.certificatePem());

        String classPath = CompatClassPath.okHttp4();
        String base = http.url("/").toString();
        String httpsBase = https.url("/").toString();
        String output = CompatClassPath.run(classPath, List.of(), OkHttp4SmokeMain.class,
                base.substring(0, base.length() - 1), httpsBase.substring(0, httpsBase.length() - 1), ca.toString());

        assertTrue(output.lines().anyMatch(("okhttp=" + CompatClassPath.parentPomProperty("compat.okhttp4.version"))::equals),
                output);
        assertTrue(output.contains("STEP ping DELIVERED 1 null"), output);
        assertTrue(output.contains("STEP retry DELIVERED 2 null"), output);
        assertTrue(output.contains("STEP post DELIVERED 1 null"), output);
        assertTrue(output.contains("STEP tls DELIVERED 1 null"), output);
        assertTrue(output.contains("STEP tls-untrusted REJECTED 1 TLS: the server's certificate is not trusted"), output);

        assertEquals("/ping", take(http).getTarget());
        RecordedRequest retried = take(http);
        assertEquals("/retry", retried.getTarget());
        assertEquals("/retry", take(http).getTarget());
        RecordedRequest post = take(http);
        assertEquals("POST", post.getMethod());
        assertEquals("{\"up\":true}", post.getBody().string(StandardCharsets.UTF_8));
        assertTrue(post.getHeaders().get("Content-Type").startsWith("application/json"), post.getHeaders().toString());
        assertEquals("/exit", take(http).getTarget(), "the ping before System.exit is flushed by the shutdown hook");
        assertEquals("/tls", take(https).getTarget());
    }

    private static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request, "a request never arrived");
        return request;
    }
}
