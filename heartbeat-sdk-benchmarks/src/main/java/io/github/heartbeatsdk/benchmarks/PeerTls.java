package io.github.heartbeatsdk.benchmarks;

import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The TLS set-up of {@link PeersScenario}, made at run time: a test CA, a server certificate it
 * signed for {@code localhost}, {@code 127.0.0.1} and {@code cronitor.link} (the host the Cronitor
 * client cannot be told to leave, reached through the receiver's CONNECT), the receiver's
 * {@link SSLContext}, and a PKCS12 trust store holding the CA alone.
 *
 * <p>Every child gets the trust store through the JDK's own system properties
 * ({@link #childJvmArgs()}), so each client trusts the receiver through its default TLS set-up and
 * none gets a hand-built {@code SSLContext}.
 */
final class PeerTls {
    private static final String PASSWORD = "peers-test";
    /** The host the Cronitor client is fixed to; the server certificate names it so its tunnel verifies. */
    static final String CRONITOR_HOST = "cronitor.link";

    private final HandshakeCertificates server;
    private final Path trustStore;

    private PeerTls(HandshakeCertificates server, Path trustStore) {
        this.server = server;
        this.trustStore = trustStore;
    }

    /** Makes the CA and the server certificate and writes the CA's trust store to {@code trustStore}. */
    static PeerTls create(Path trustStore) throws IOException, GeneralSecurityException {
        HeldCertificate ca = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("heartbeat-sdk peers benchmark test CA")
                .build();
        HeldCertificate serverCertificate = new HeldCertificate.Builder()
                .signedBy(ca)
                .commonName("localhost")
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName(CRONITOR_HOST)
                .build();
        HandshakeCertificates server = new HandshakeCertificates.Builder()
                .heldCertificate(serverCertificate, ca.certificate())
                .build();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("peers-test-ca", ca.certificate());
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return new PeerTls(server, trustStore);
    }

    /** The receiver's side: its certificate and the CA's. */
    SSLContext serverContext() {
        return server.sslContext();
    }

    /** The JVM options that make the trust store every child's default. */
    List<String> childJvmArgs() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore.toAbsolutePath(),
                "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }
}
