package io.github.heartbeatsdk.internal.transport;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK half of an https warm-up, with no OkHttp class in it: reads the JDK's trust store,
 * initialises an SSL context and has an {@link SSLEngine} write a ClientHello into a buffer (the
 * key share, the cipher suites, the extensions), all in memory. Run first on the warm-up thread,
 * it overlaps with the loading of OkHttp's classes by a signal's delivery thread; OkHttp's own
 * trust set-up then finds the trust store the JDK has already parsed.
 */
final class JdkTlsWarmUp {
    private JdkTlsWarmUp() {
    }

    /**
     * Returns the trust managers made: the JDK keeps the parsed trust store only while something
     * holds them, so the caller keeps them until OkHttp has built its own.
     */
    static TrustManager[] run() throws GeneralSecurityException, SSLException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        TrustManager[] trustManagers = factory.getTrustManagers();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        if (WarmUp.sendStarted) {
            return trustManagers; // a signal's own handshake comes first: no ClientHello to rehearse
        }
        SSLEngine engine = context.createSSLEngine("heartbeat-sdk-warm-up.invalid", 443);
        engine.setUseClientMode(true);
        engine.beginHandshake();
        engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        engine.closeOutbound();
        return trustManagers;
    }
}
