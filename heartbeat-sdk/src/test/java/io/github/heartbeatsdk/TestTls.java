package io.github.heartbeatsdk;

import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A private CA and a server certificate it signed for localhost and 127.0.0.1, made once per
 * JVM: servers present {@link #SERVER}, clients that should trust them use {@link #CLIENT}; the
 * JVM's own trust store does not know the CA, so a default client refuses them.
 */
final class TestTls {
    static final HeldCertificate ROOT = new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("heartbeat-sdk test root")
            .build();
    static final HeldCertificate SERVER_CERTIFICATE = new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName("127.0.0.1")
            .signedBy(ROOT)
            .build();
    static final HandshakeCertificates SERVER = new HandshakeCertificates.Builder()
            .heldCertificate(SERVER_CERTIFICATE, ROOT.certificate())
            .build();
    static final HandshakeCertificates CLIENT = new HandshakeCertificates.Builder()
            .addTrustedCertificate(ROOT.certificate())
            .build();

    private TestTls() {
    }

    /** A started MockWebServer speaking https with {@link #SERVER}'s certificate. */
    static MockWebServer httpsServer() throws Exception {
        MockWebServer server = new MockWebServer();
        server.useHttps(SERVER.sslSocketFactory());
        server.start();
        return server;
    }
}
