package io.github.heartbeatsdk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A local TCP server on 127.0.0.1 that answers each connection with hand-written bytes, for
 * answers MockWebServer cannot give (a plain-http port, an echo of the request line, a TLS
 * handshake it controls). Each connection is closed after its answer.
 */
final class RawServer implements AutoCloseable {
    /** What to do with one accepted connection. */
    interface Answer {
        void answer(Socket socket) throws IOException;
    }

    private final ServerSocket socket;

    RawServer(String name, Answer answer) throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        Thread accepting = new Thread(() -> serve(answer), name);
        accepting.setDaemon(true);
        accepting.start();
    }

    private void serve(Answer answer) {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                answer.answer(connection);
            } catch (IOException closedOrBroken) {
                // the next connection, or the end when the server is closed
            }
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
