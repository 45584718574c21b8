package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.internal.transport.SermantReplies.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a Sermant backend writes back, judged byte by byte: a 1.0.x backend's HEARTBEAT_PONG
 * ({@code 04 08 01 12 00}, its {@code BaseHandler.sendPongMsg} at tag v1.0.0), however the reads
 * split it, and anything else as bytes no Sermant backend sends.
 */
class SermantRepliesTest {
    static final byte[] PONG = {0x04, 0x08, 0x01, 0x12, 0x00};

    @Test
    void aOneDotZeroBackendsPongIsAPong() {
        assertEquals(Verdict.PONG, judge(PONG));
        assertEquals(Verdict.PONG, judge(bytes(0x02, 0x08, 0x01)), "the empty heartBeat may be left out");
        assertEquals(Verdict.PONG, judge(bytes(0x06, 0x12, 0x00, 0x08, 0x01, 0x18, 0x07)),
                "fields in any order, unknown ones skipped");
        assertEquals(Verdict.PONG, judge(concat(PONG, PONG, PONG)), "several at once, as Netty may coalesce them");
    }

    @Test
    void aPongSplitAcrossReadsIsAPongOnceComplete() {
        for (int cut = 1; cut < PONG.length; cut++) {
            SermantReplies replies = new SermantReplies();
            replies.accept(slice(PONG, 0, cut), cut);
            assertEquals(Verdict.NONE, replies.verdict(), "after " + cut + " byte(s): not complete yet");
            replies.accept(slice(PONG, cut, PONG.length), PONG.length - cut);
            assertEquals(Verdict.PONG, replies.verdict(), "cut after " + cut);
            assertEquals(PONG.length, replies.received());
        }
    }

    @Test
    void anythingElseIsUnknown() {
        assertEquals(Verdict.UNKNOWN, judge(bytes(0x00)), "an empty message is a PING, which no backend sends");
        assertEquals(Verdict.UNKNOWN, judge(bytes(0x04, 0x08, 0x00, 0x12, 0x00)), "a PING");
        assertEquals(Verdict.UNKNOWN, judge(bytes(0x02, 0x08, 0x02)), "SERVICE_DATA");
        assertEquals(Verdict.UNKNOWN, judge(bytes(0x02, 0x0a, 0x00)), "messageType with the wrong wire type");
        assertEquals(Verdict.UNKNOWN, judge(bytes(0x03, 0x08, 0x01, 0x12)), "a field overrunning the message");
        assertEquals(Verdict.UNKNOWN, judge(bytes(0x02, 0x13, 0x01)), "a group");
        assertEquals(Verdict.UNKNOWN, judge(bytes(0x81, 0x80, 0x80, 0x80, 0x80, 0x01)), "a 6-byte length prefix");
        assertEquals(Verdict.UNKNOWN, judge(bytes(0xff, 0x0f)), "a frame longer than any Sermant answer");
        assertEquals(Verdict.UNKNOWN, judge(concat(bytes(0x02, 0x08, 0x02), PONG)), "the first frame decides");
        assertEquals(Verdict.UNKNOWN, judge(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)),
                "'H' reads as a 72-byte frame, which is no protobuf message");
    }

    @Test
    void bytesThatNeverBecomeAFrameAreUnknownOnceNoMoreCan() {
        SermantReplies http = new SermantReplies();
        byte[] answer = "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        http.accept(answer, answer.length);
        assertEquals(Verdict.NONE, http.verdict(), "'H' starts a 72-byte frame: 28 bytes are not all of it");
        http.noMoreToCome();
        assertEquals(Verdict.UNKNOWN, http.verdict(), "the stream ended inside it");

        SermantReplies nothing = new SermantReplies();
        nothing.noMoreToCome();
        assertEquals(Verdict.NONE, nothing.verdict(), "no byte at all says nothing: a 1.1+ backend's silence");
    }

    @Test
    void anIncompleteFrameIsNoVerdictYet() {
        assertEquals(Verdict.NONE, judge(bytes(0x04, 0x08, 0x01)));
        assertEquals(Verdict.NONE, judge(bytes(0x80)), "half a length prefix");
        assertEquals(Verdict.NONE, judge(new byte[0]));
    }

    @Test
    void theRefusalNamesTheProtocolTheVersionsAndWhatCame() {
        SermantReplies pong = new SermantReplies();
        pong.accept(PONG, PONG.length);
        assertFalse(pong.reported());
        assertEquals("the Sermant backend at 10.0.0.5:6888 speaks the 1.0.x protocol (Sermant 1.0.0-1.0.7): it"
                + " answered the beat with a HEARTBEAT_PONG and stored nothing; heartbeat-sdk supports sermant-backend"
                + " 1.1.0 and later (tested with 1.1.0 and 2.2.0)", pong.refusal("10.0.0.5:6888", 0));
        assertTrue(pong.reported());
        assertTrue(pong.refusal("10.0.0.5:6888", 2).contains("; the 2 beat(s) reported delivered on this connection"
                + " before its answer came were not stored either; "), pong.refusal("10.0.0.5:6888", 2));

        SermantReplies http = new SermantReplies();
        byte[] answer = "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        http.accept(answer, answer.length);
        http.noMoreToCome();
        assertEquals("the server at 10.0.0.5:8900 answered the beat with 28 byte(s) that no Sermant backend sends"
                + " (48 54 54 50 2f 31 2e 31 20 34 30 30 20 42 61 64 ... \"HTTP/1.1 400 Bad\"), so it is not a"
                + " sermant-backend's heartbeat port (gateway.nettyPort, default 6888); heartbeat-sdk supports"
                + " sermant-backend 1.1.0 and later (tested with 1.1.0 and 2.2.0)", http.refusal("10.0.0.5:8900", 0));
    }

    @Test
    void bytesAfterTheVerdictAreCountedNotParsed() {
        SermantReplies replies = new SermantReplies();
        replies.accept(PONG, PONG.length);
        byte[] flood = new byte[100_000];
        replies.accept(flood, flood.length);
        assertEquals(Verdict.PONG, replies.verdict());
        assertEquals(PONG.length + flood.length, replies.received());
        assertTrue(replies.preview().startsWith("04 08 01 12 00 00"), replies.preview());
    }

    private static Verdict judge(byte[] answer) {
        SermantReplies replies = new SermantReplies();
        replies.accept(answer, answer.length);
        return replies.verdict();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
