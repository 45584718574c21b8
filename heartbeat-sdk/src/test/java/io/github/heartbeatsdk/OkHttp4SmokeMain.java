package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;

import java.io.FileInputStream;
import java.io.InputStream;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Run in a child JVM by {@link OkHttp4Test} with OkHttp 4 in place of OkHttp 5: prints the OkHttp
 * it runs on, then one {@code STEP name outcome attempts} line per delivery (a GET ping, a 503 with
 * {@code Retry-After} retried, a POST with a body, https with and without the test CA), and ends
 * with a ping sent right before {@code System.exit}, which the shutdown hook flushes.
 * Arguments: the http base URL, the https base URL, the test CA's PEM file.
 */
public final class OkHttp4SmokeMain {
    private OkHttp4SmokeMain() {
    }

    public static void main(String[] args) throws Exception {
        String http = args[0];
        String https = args[1];
        System.out.println("okhttp=" + Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));

        step("ping", HeartbeatClient.builder().endpoint(Endpoints.url(http + "/ping")));
        step("retry", HeartbeatClient.builder().endpoint(Endpoints.url(http + "/retry")));
        step("post", HeartbeatClient.builder().endpoint(Endpoints.url(http + "/post")
                .withBody("application/json", "{\"up\":true}")));
        X509TrustManager trust = trustManager(args[2]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trust}, null);
        step("tls", HeartbeatClient.builder().endpoint(Endpoints.url(https + "/tls"))
                .sslSocketFactory(tls.getSocketFactory(), trust));
        step("tls-untrusted", HeartbeatClient.builder().endpoint(Endpoints.url(https + "/untrusted")));

        HeartbeatClient exiting = HeartbeatClient.builder().endpoint(Endpoints.url(http + "/exit")).build();
        exiting.ping();
        System.exit(0);
    }

    private static void step(String name, HeartbeatClient.Builder builder) throws Exception {
        try (HeartbeatClient hb = builder.shutdownHook(false).retryDeadline(Duration.ofSeconds(20)).build()) {
            DeliveryResult result = hb.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
            System.out.println("STEP " + name + " " + result.outcome() + " " + result.attempts() + " " + result.error());
        }
    }

    private static X509TrustManager trustManager(String caPem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = new FileInputStream(caPem)) {
            store.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
