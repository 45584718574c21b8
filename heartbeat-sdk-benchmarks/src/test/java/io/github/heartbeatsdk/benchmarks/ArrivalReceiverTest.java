package io.github.heartbeatsdk.benchmarks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the peers' receiver reads and counts. No assertion here is about time. */
class ArrivalReceiverTest {
    @TempDir
    static Path dir;

    private static PeerTls tls;
    private ArrivalReceiver receiver;

    @BeforeAll
    static void certificates() throws Exception {
        tls = PeerTls.create(dir.resolve("trust.p12"));
    }

    @BeforeEach
    void start() throws Exception {
        receiver = ArrivalReceiver.start(tls.serverContext());
    }

    @AfterEach
    void stop() throws IOException {
        receiver.close();
    }

    @Test
    void requestHeadKeepsThePathOfOriginAndAbsoluteFormTargets() throws IOException {
        RequestHead origin = head("GET /ping/abc?x=1 HTTP/1.1\r\nHost: h\r\n\r\n");
        assertEquals("/ping/abc", origin.path);
        assertTrue(origin.keepAlive);
        RequestHead proxied = head("GET http://cronitor.link/code/complete?auth_key=k HTTP/1.1\r\nHost: cronitor.link\r\n\r\n");
        assertEquals("/code/complete", proxied.path);
        assertEquals("/", RequestHead.pathOf("GET", "http://host"));
        assertEquals("cronitor.link:443", head("CONNECT cronitor.link:443 HTTP/1.1\r\n\r\n").path);
        assertNull(RequestHead.read(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void requestHeadReadsConnectionAndBodyHeaders() throws IOException {
        RequestHead http10 = head("GET / HTTP/1.0\r\n\r\n");
        assertTrue(!http10.keepAlive);
        RequestHead close = head("POST /a HTTP/1.1\r\nConnection: close\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
        assertTrue(!close.keepAlive);
        assertTrue(close.expectContinue);
        assertEquals(3, close.contentLength);
        assertTrue(head("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").chunked);
        assertThrows(IOException.class, () -> head("GARBAGE\r\n\r\n"));
    }

    @Test
    void skipsContentLengthAndChunkedBodiesOnOneKeptAliveConnection() throws Exception {
        String requests = "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
                + "POST /b HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n"
                + "GET http://cronitor.link/c/complete HTTP/1.1\r\nHost: cronitor.link\r\n\r\n"
                + "GET /a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", receiver.plainPort())) {
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals(4, answers.split("HTTP/1.1 200 OK", -1).length - 1, answers);
            assertTrue(answers.endsWith("Connection: close\r\n\r\nOK"), answers);
        }
        assertEquals(2, receiver.requests("/a"));
        assertEquals(1, receiver.requests("/b"));
        assertEquals(1, receiver.requests("/c/complete"));
        assertEquals(1, receiver.connections("/a"));
        assertEquals(0, receiver.connections("/b"));
        assertTrue(receiver.awaitFirstArrival("/b", 1_000) > 0);
        assertThrows(IllegalStateException.class, () -> receiver.awaitFirstArrival("/never", 1));
        assertEquals(0, receiver.errors());
    }

    @Test
    void servesTheRequestInsideAConnectTunnelOverTlsTrustedThroughTheTrustStoreFile() throws Exception {
        SSLContext client = clientContext(dir.resolve("trust.p12"));
        try (Socket socket = new Socket("127.0.0.1", receiver.plainPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("CONNECT cronitor.link:443 HTTP/1.1\r\nHost: cronitor.link:443\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            assertEquals("HTTP/1.1 200 Connection established", line(in));
            assertEquals("", line(in));
            try (SSLSocket tlsSocket = (SSLSocket) client.getSocketFactory().createSocket(socket, PeerTls.CRONITOR_HOST, 443, true)) {
                javax.net.ssl.SSLParameters parameters = tlsSocket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name cronitor.link
                tlsSocket.setSSLParameters(parameters);
                tlsSocket.getOutputStream().write("GET /t/complete HTTP/1.1\r\nHost: cronitor.link\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                BufferedReader reader = new BufferedReader(new InputStreamReader(tlsSocket.getInputStream(), StandardCharsets.US_ASCII));
                assertEquals("HTTP/1.1 200 OK", reader.readLine());
            }
        }
        assertEquals(1, receiver.requests("/t/complete"));
        assertEquals(1, receiver.tunnels());
    }

    @Test
    void theTlsPortServesHttpsForTheLoopbackAddress() throws Exception {
        SSLContext client = clientContext(dir.resolve("trust.p12"));
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1",
                Integer.parseInt(receiver.httpsBase().substring(receiver.httpsBase().lastIndexOf(':') + 1)))) {
            javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.getOutputStream().write("GET /s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 200 OK"), answer);
        }
        assertEquals(1, receiver.requests("/s"));
    }

    private static RequestHead head(String text) throws IOException {
        return RequestHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** A client that trusts what the children trust: the trust store file, read as the JDK reads javax.net.ssl.trustStore. */
    private static SSLContext clientContext(Path trustStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, "peers-test".toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
