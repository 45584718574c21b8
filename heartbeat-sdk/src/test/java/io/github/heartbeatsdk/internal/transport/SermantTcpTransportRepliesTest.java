package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.FakeClock;
import io.github.heartbeatsdk.FakeSermantBackend;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.ApiAccess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sermant TCP transport reads what the backend sends. A 1.0.x backend answers each frame with
 * a HEARTBEAT_PONG and stores nothing: the beat ends REJECTED, saying so. A 1.1+ backend never
 * answers: the first beat on a new connection counts as delivered once the reply window has
 * passed, and later ones at once. Waiting for the answer is a poll, never a block.
 *
 * <p>Each test drives {@link SermantTcpTransport#send} itself, as the dispatcher does, on a
 * {@link FakeClock}. The reply window is an hour of both clocks, so only the fake clock ends it,
 * and whether an answer counts never depends on how fast a fake backend's thread runs.
 */
class SermantTcpTransportRepliesTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final long WINDOW = TimeUnit.HOURS.toMillis(1);

    final FakeClock clock = new FakeClock();

    private SermantTcpTransport transport(int port) {
        return new SermantTcpTransport("127.0.0.1", port, Duration.ofSeconds(5), Duration.ofSeconds(10), clock, WINDOW);
    }

    private static String pongRefusal(int port) {
        return "the Sermant backend at 127.0.0.1:" + port + " speaks the 1.0.x protocol (Sermant 1.0.0-1.0.7): it"
                + " answered the beat with a HEARTBEAT_PONG and stored nothing; heartbeat-sdk supports sermant-backend"
                + " 1.1.0 and later (tested with 1.1.0 and 2.2.0)";
    }

    @Test
    void aOneDotZeroBackendsPongRejectsTheBeatAndEveryLaterOneWithoutWritingThem() throws Exception {
        try (FakeSermantBackend backend = FakeSermantBackend.answering(FakeSermantBackend.PONG)) {
            SermantTcpTransport transport = transport(backend.port());
            try {
                Signal first = beat(1);
                Attempt written = sendUntilWritten(transport, first);
                assertEquals(Attempt.Kind.IN_PROGRESS, written.kind(), written.toString());
                assertTrue(backend.awaitAnswers(1, WAIT), "the fake answered the frame with a PONG");

                Attempt verdict = awaitVerdict(transport, first);
                assertEquals(Attempt.Kind.REJECTED, verdict.kind(), verdict.toString());
                assertEquals(pongRefusal(backend.port()), verdict.error());

                Attempt second = transport.send(beat(2));
                assertEquals(Attempt.Kind.REJECTED, second.kind(), "known at once: " + second);
                assertEquals(pongRefusal(backend.port()), second.error());
            } finally {
                transport.close();
            }
            assertTrue(backend.awaitOpenConnections(0, WAIT));
            assertEquals(1, backend.beats().size(), "the second beat was not written: the backend keeps nothing");
            assertEquals(1, backend.connectionsAccepted());
        }
    }

    @Test
    void aBackendThatNeverAnswersGetsTheFirstBeatOnceTheWindowPassedAndLaterOnesAtOnce() throws Exception {
        try (FakeSermantBackend backend = new FakeSermantBackend()) {
            SermantTcpTransport transport = transport(backend.port());
            try {
                Signal first = beat(1);
                assertEquals(Attempt.Kind.IN_PROGRESS, sendUntilWritten(transport, first).kind());
                assertNotNull(backend.takeBeat(WAIT), "written at once");
                Attempt stillWaiting = transport.send(first);
                assertEquals(Attempt.Kind.IN_PROGRESS, stillWaiting.kind(), stillWaiting.toString());
                assertTrue(stillWaiting.error().contains("waiting up to " + WINDOW + " ms for an answer"),
                        stillWaiting.error());

                clock.advance(Duration.ofMillis(WINDOW));
                Attempt delivered = transport.send(first);
                assertEquals(Attempt.Kind.DELIVERED, delivered.kind(), delivered.toString());

                Attempt second = transport.send(beat(2));
                assertEquals(Attempt.Kind.DELIVERED, second.kind(), "no wait on a connection that carried a beat");
                assertEquals(1, backend.takeBeat(WAIT).connectionNumber());
                assertEquals(1, backend.connectionsAccepted());
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void waitingForTheAnswerNeverBlocksTheDeliveryThread() throws Exception {
        try (FakeSermantBackend backend = new FakeSermantBackend()) {
            SermantTcpTransport transport = transport(backend.port());
            try {
                Signal beat = beat(1);
                sendUntilWritten(transport, beat);
                int polls = 20;
                CountDownLatch returned = new CountDownLatch(polls);
                AtomicReference<Attempt> last = new AtomicReference<>();
                Thread delivery = new Thread(() -> {
                    for (int i = 0; i < polls; i++) {
                        last.set(transport.send(beat));
                        returned.countDown();
                    }
                }, "delivery");
                delivery.start();
                // A window of an hour on both clocks: a send that waited for the answer would not return.
                assertTrue(returned.await(WAIT.toMillis(), TimeUnit.MILLISECONDS),
                        (polls - returned.getCount()) + " of " + polls + " polls returned");
                assertEquals(Attempt.Kind.IN_PROGRESS, last.get().kind(), last.get().toString());
                delivery.join(WAIT.toMillis());
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void anAnswerLaterThanTheWindowRejectsTheNextBeatAndCountsTheOnesReportedDelivered() throws Exception {
        CountDownLatch answers = new CountDownLatch(1);
        try (FakeSermantBackend backend = FakeSermantBackend.answering(FakeSermantBackend.PONG, answers, null)) {
            SermantTcpTransport transport = transport(backend.port());
            try {
                Signal first = beat(1);
                sendUntilWritten(transport, first);
                clock.advance(Duration.ofMillis(WINDOW));
                assertEquals(Attempt.Kind.DELIVERED, transport.send(first).kind(), "no answer within the window");
                answers.countDown();
                assertTrue(backend.awaitAnswers(1, WAIT));

                // Until the PONG is readable here, beats still go out (and are answered too).
                int delivered = 1;
                Attempt attempt;
                long deadline = System.nanoTime() + WAIT.toNanos();
                for (long at = 2; ; at++) {
                    attempt = transport.send(beat(at));
                    if (attempt.kind() != Attempt.Kind.DELIVERED || System.nanoTime() > deadline) {
                        break;
                    }
                    delivered++;
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // polling the socket, not a result
                }
                assertEquals(Attempt.Kind.REJECTED, attempt.kind(), attempt.toString());
                assertTrue(attempt.error().startsWith("the Sermant backend at 127.0.0.1:" + backend.port()
                        + " speaks the 1.0.x protocol"), attempt.error());
                assertTrue(attempt.error().contains("; the " + delivered + " beat(s) reported delivered on this"
                        + " connection before its answer came were not stored either; heartbeat-sdk supports"
                        + " sermant-backend 1.1.0 and later"), attempt.error());
                assertEquals(Attempt.Kind.REJECTED, transport.send(beat(1_000)).kind());
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void aOneDotZeroBackendIsAskedAgainOnEachNewConnectionSoAnUpgradeIsNoticed() throws Exception {
        int port;
        SermantTcpTransport transport;
        try (FakeSermantBackend old = FakeSermantBackend.answering(FakeSermantBackend.PONG, null,
                Duration.ofMillis(200))) {
            port = old.port();
            transport = transport(port);
            Signal first = beat(1);
            sendUntilWritten(transport, first);
            assertEquals(Attempt.Kind.REJECTED, awaitVerdict(transport, first).kind());
            // Nothing more is written, so the backend closes the idle connection, as netty.wait.time does.
            assertTrue(old.awaitOpenConnections(0, WAIT), "idle-closed");

            Signal second = beat(2);
            sendUntilWritten(transport, skipRefusalsOfTheClosedConnection(transport, second));
            Attempt again = awaitVerdict(transport, second);
            assertEquals(Attempt.Kind.REJECTED, again.kind(), "asked again on the new connection: " + again);
            assertEquals(pongRefusal(port), again.error());
            assertEquals(2, old.connectionsAccepted());
            assertEquals(2, old.beats().size());
        }
        try (FakeSermantBackend upgraded = new FakeSermantBackend(port)) {
            try {
                Signal third = beat(3);
                assertEquals(Attempt.Kind.IN_PROGRESS,
                        sendUntilWritten(transport, skipRefusalsOfTheClosedConnection(transport, third)).kind());
                clock.advance(Duration.ofMillis(WINDOW));
                assertEquals(Attempt.Kind.DELIVERED, awaitVerdict(transport, third).kind());
                assertNotNull(upgraded.takeBeat(WAIT));
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void aServerThatAnswersWithSomethingElseRejectsTheBeatAndSaysWhatCame() throws Exception {
        byte[] page = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (FakeSermantBackend backend = FakeSermantBackend.answering(page)) {
            SermantTcpTransport transport = transport(backend.port());
            try {
                Signal first = beat(1);
                sendUntilWritten(transport, first);
                assertTrue(backend.awaitAnswers(1, WAIT));
                Attempt verdict = awaitVerdict(transport, first);
                assertEquals(Attempt.Kind.REJECTED, verdict.kind(), verdict.toString());
                assertTrue(verdict.error().startsWith("the server at 127.0.0.1:" + backend.port() + " answered the"
                        + " beat with "), verdict.error());
                assertTrue(verdict.error().contains("(48 54 54 50 2f 31 2e 31 20 34 30 30 20 42 61 64 ..."
                        + " \"HTTP/1.1 400 Bad\"), so it is not a sermant-backend's heartbeat port"), verdict.error());
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void aShortAnswerAndACloseIsStillAnAnswer() throws Exception {
        byte[] page = "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> answerOnceAndClose(server, page), "http-like-peer");
            peer.setDaemon(true);
            peer.start();
            SermantTcpTransport transport = transport(server.getLocalPort());
            try {
                Signal first = beat(1);
                sendUntilWritten(transport, first);
                Attempt verdict = awaitVerdict(transport, first);
                assertEquals(Attempt.Kind.REJECTED, verdict.kind(), "28 bytes that end inside a 72-byte frame: "
                        + verdict);
                assertTrue(verdict.error().contains("answered the beat with 28 byte(s) that no Sermant backend sends"),
                        verdict.error());
            } finally {
                transport.close();
            }
            peer.join(WAIT.toMillis());
        }
    }

    @Test
    void closeWhileTheFirstBeatWaitsForAnAnswerOpensNothingAgain() throws Exception {
        try (FakeSermantBackend backend = new FakeSermantBackend()) {
            SermantTcpTransport transport = transport(backend.port());
            Signal first = beat(1);
            sendUntilWritten(transport, first);
            assertNotNull(backend.takeBeat(WAIT));
            transport.close();
            Attempt afterClose = transport.send(first);
            assertEquals(Attempt.Kind.RETRYABLE, afterClose.kind(), afterClose.toString());
            assertEquals("transport closed", afterClose.error());
            assertTrue(backend.awaitOpenConnections(0, WAIT));
            assertEquals(1, backend.connectionsAccepted());
        }
    }

    /** Sends until the frame is out: past the connect's polls, to the wait for an answer (or a verdict). */
    private static Attempt sendUntilWritten(SermantTcpTransport transport, Signal beat) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Attempt attempt = transport.send(beat);
            boolean connecting = attempt.kind() == Attempt.Kind.IN_PROGRESS && attempt.error().startsWith("connecting");
            if (!connecting || System.nanoTime() > deadline) {
                return attempt;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // the connect's poll, as the dispatcher's
        }
    }

    /**
     * Until the transport has read the end of a connection the backend closed, beats on it are
     * still refused as that connection's backend was; returns {@code beat} once one is not.
     */
    private static Signal skipRefusalsOfTheClosedConnection(SermantTcpTransport transport, Signal beat) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Attempt attempt = transport.send(beat);
            if (attempt.kind() != Attempt.Kind.REJECTED) {
                assertEquals(Attempt.Kind.IN_PROGRESS, attempt.kind(), "a new connection: " + attempt);
                return beat;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // polling the socket, not a result
        }
        throw new AssertionError("the closed connection was never noticed");
    }

    /** Polls as the dispatcher does until the beat's attempt ends (real time bounds it, not the window). */
    private static Attempt awaitVerdict(SermantTcpTransport transport, Signal beat) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Attempt attempt = transport.send(beat);
            if (attempt.kind() != Attempt.Kind.IN_PROGRESS || System.nanoTime() > deadline) {
                return attempt;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // polling the socket, not a result
        }
    }

    private static void answerOnceAndClose(ServerSocket server, byte[] answer) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            int length = 0;
            for (int shift = 0, b = 0x80; (b & 0x80) != 0; shift += 7) {
                b = in.read();
                if (b < 0) {
                    return;
                }
                length |= (b & 0x7F) << shift;
            }
            in.readNBytes(length); // all of it: closing on unread bytes would reset the connection
            OutputStream out = socket.getOutputStream();
            out.write(answer);
            out.flush();
            socket.shutdownOutput();
            while (in.read() >= 0) {
                // until the client lets go
            }
        } catch (IOException e) {
            // the test's assertions tell what went wrong
        }
    }

    private static Signal beat(long at) {
        ApiAccess api = ApiAccess.get();
        return api.beat(at, 0, api.instance("order-service", "shop", "java", "default",
                "17862fff-0c55-4c1a-a4f0-5d7b2a3f9f10", "vm", List.of("10.0.0.42"), "4242", "0.1.0", false), Map.of());
    }
}
