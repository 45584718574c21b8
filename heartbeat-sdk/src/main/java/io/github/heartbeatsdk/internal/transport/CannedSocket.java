package io.github.heartbeatsdk.internal.transport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A socket that connects nowhere: what is written to it is thrown away, and reading it yields one
 * canned HTTP response. {@link OkHttpWarmUp} sends its request over it, so OkHttp's whole call
 * path runs once without a byte on the network.
 */
final class CannedSocket extends Socket {
    private static final byte[] RESPONSE = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final InputStream in = new ByteArrayInputStream(RESPONSE);
    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile boolean inputShut;
    private volatile boolean outputShut;
    private volatile int soTimeout;

    @Override
    public void connect(SocketAddress endpoint) {
        connected = true;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) {
        connected = true;
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void shutdownInput() {
        inputShut = true;
    }

    @Override
    public void shutdownOutput() {
        outputShut = true;
    }

    @Override
    public boolean isInputShutdown() {
        return inputShut;
    }

    @Override
    public boolean isOutputShutdown() {
        return outputShut;
    }

    @Override
    public void setSoTimeout(int timeout) {
        soTimeout = timeout;
    }

    @Override
    public int getSoTimeout() {
        return soTimeout;
    }

    @Override
    public InetAddress getInetAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return InetAddress.getLoopbackAddress();
    }
}
