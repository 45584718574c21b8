package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One hung backend never starves the others on a shared executor: a Sermant backend whose
 * connect never answers costs the shared thread a poll, not the connect timeout.
 */
class SharedExecutorFairnessTest {
    private final ScheduledThreadPoolExecutor shared = new ScheduledThreadPoolExecutor(1);
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
        shared.shutdownNow();
        assertTrue(shared.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void aHealthyClientKeepsBeatingBesideSixWhoseBackendsNeverAnswerAConnect() throws Exception {
        int hungPort = portThatNeverAnswersAConnect();
        for (int i = 0; i < 6; i++) {
            HeartbeatClient hung = HeartbeatClient.builder().endpoint(Endpoints.sermant("127.0.0.1", hungPort))
                    .executor(shared).shutdownHook(false).flushTimeout(Duration.ZERO)
                    .interval(Duration.ofSeconds(1)).connectTimeout(Duration.ofSeconds(30)).build();
            closeAfter.add(hung);
            hung.start();
        }
        FakeSermantBackend healthy = new FakeSermantBackend();
        closeAfter.add(healthy);
        HeartbeatClient client = HeartbeatClient.builder().endpoint(Endpoints.sermant("127.0.0.1", healthy.port()))
                .executor(shared).shutdownHook(false).flushTimeout(Duration.ZERO).interval(Duration.ofSeconds(1)).build();
        closeAfter.add(client);
        client.start();

        // First beat within 1 s of jitter, then one a second: with blocking connects six hung clients would
        // hold the only thread 30 s each, and this would see one beat at most. -Dfairness.beats=20 measures longer.
        int beats = Integer.getInteger("fairness.beats", 6);
        long start = System.nanoTime();
        for (int beat = 0; beat < beats; beat++) {
            assertTrue(healthy.takeBeat(Duration.ofSeconds(15)) != null,
                    "beat " + beat + " never arrived; stats " + client.stats());
        }
        System.out.printf("fairness: %d of %d beats delivered in %.1f s beside 6 hung clients; %s%n",
                client.stats().delivered(), beats, (System.nanoTime() - start) / 1e9, client.stats());
        assertEquals(0, client.stats().beatsSkipped(), client.stats().toString());
        assertEquals(0, client.stats().failed(), client.stats().toString());
    }

    /**
     * A listening port whose accept queue is full, so a further connect gets no answer (Linux
     * drops the SYN): the local stand-in for a backend behind a black-holing firewall.
     */
    private int portThatNeverAnswersAConnect() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        closeAfter.add(server);
        InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
        for (int filler = 0; filler < 16; filler++) {
            SocketChannel socket = SocketChannel.open();
            closeAfter.add(socket);
            socket.setOption(StandardSocketOptions.SO_LINGER, 0);
            socket.configureBlocking(false);
            if (!socket.connect(address) && !connectsWithin(socket, 300)) {
                return address.getPort(); // this one hangs: the queue is full
            }
        }
        throw new IllegalStateException("could not fill the accept queue of " + address);
    }

    private static boolean connectsWithin(SocketChannel socket, long millis) throws IOException {
        try (Selector selector = Selector.open()) {
            socket.register(selector, SelectionKey.OP_CONNECT);
            return selector.select(millis) > 0 && socket.finishConnect();
        }
    }
}
