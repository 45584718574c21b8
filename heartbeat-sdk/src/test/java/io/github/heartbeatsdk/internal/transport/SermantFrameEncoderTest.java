package io.github.heartbeatsdk.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.heartbeatsdk.internal.transport.SermantFrameEncoder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SermantFrameEncoderTest {

    private static final String HEARTBEAT_JSON = """
            {"hostName":"订单主机-01","ip":["192.168.0.10","fe80::1"],\
            "service":"订单-service","appName":"订单-service","appType":0,\
            "instanceId":"3f1c2a9e-7b4d-4e1a-9c0f-5d2b8a6e4c31",\
            "heartbeatVersion":1717171717000,"lastHeartbeat":1717171712000,\
            "version":"2.1.0","pluginInfoMap":{"flowcontrol":{"name":"flowcontrol",\
            "version":"2.1.0","extInfo":{"说明":"限流 ✓"}}}}""";

    // ---- golden bytes ---------------------------------------------------------------------

    @Test
    void smallPayloadMatchesHandComputedBytes() {
        // data: 0x12 0x03 1 2 3            -> ServiceData is 5 bytes
        // serviceData: 0x12 0x05 <5 bytes> -> NettyMessage is 7 bytes
        byte[] expected = {0x07, 0x12, 0x05, 0x12, 0x03, 1, 2, 3};

        assertArrayEquals(expected, SermantFrameEncoder.frame(new byte[] {1, 2, 3}));
    }

    @Test
    void payloadOf300BytesUsesTwoByteVarintsAtEveryLevel() {
        byte[] payload = new byte[300];
        Arrays.fill(payload, (byte) 0xAB);

        // 300 = 0b10_0101100    -> 0xAC 0x02
        // 303 = 1 + 2 + 300     -> 0b10_0101111 -> 0xAF 0x02
        // 306 = 1 + 2 + 303     -> 0b10_0110010 -> 0xB2 0x02
        byte[] expectedPrefix = {(byte) 0xB2, 0x02, 0x12, (byte) 0xAF, 0x02, 0x12, (byte) 0xAC, 0x02};

        byte[] frame = SermantFrameEncoder.frame(payload);

        assertEquals(expectedPrefix.length + 300, frame.length);
        assertArrayEquals(expectedPrefix, Arrays.copyOf(frame, expectedPrefix.length));
        assertArrayEquals(payload, Arrays.copyOfRange(frame, expectedPrefix.length, frame.length));
    }

    // ---- round trip through an independent decoder ----------------------------------------

    @Test
    void heartbeatFrameRoundTripsThroughIndependentDecoder() throws IOException {
        byte[] json = HEARTBEAT_JSON.getBytes(StandardCharsets.UTF_8);

        byte[] frame = SermantFrameEncoder.heartbeatFrame(json);
        InputStream in = new ByteArrayInputStream(frame);
        byte[] gzipped = decodeFrame(in);

        assertEquals(-1, in.read(), "frame must be fully consumed, with no trailing bytes");
        assertEquals(0x1f, gzipped[0] & 0xFF, "gzip magic byte 1");
        assertEquals(0x8b, gzipped[1] & 0xFF, "gzip magic byte 2");
        byte[] decoded = gunzip(gzipped);
        assertArrayEquals(json, decoded);

        JsonNode node = new ObjectMapper().readTree(new String(decoded, StandardCharsets.UTF_8));
        assertEquals("订单-service", node.get("service").asText());
        assertEquals("限流 ✓", node.at("/pluginInfoMap/flowcontrol/extInfo/说明").asText());
    }

    @Test
    void concatenatedFramesDecodeInOrder() throws IOException {
        List<String> messages = new ArrayList<>();
        messages.add("{\"service\":\"订单-service\",\"seq\":1}");
        messages.add(HEARTBEAT_JSON); // long enough to need a multi-byte frame length
        messages.add("{\"service\":\"支付-service\",\"seq\":3}");

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (String message : messages) {
            stream.write(SermantFrameEncoder.heartbeatFrame(message.getBytes(StandardCharsets.UTF_8)));
        }

        InputStream in = new ByteArrayInputStream(stream.toByteArray());
        for (String message : messages) {
            assertEquals(message, new String(gunzip(decodeFrame(in)), StandardCharsets.UTF_8));
        }
        assertEquals(-1, in.read(), "no bytes may follow the last frame");
    }

    @Test
    void emptyJsonStillProducesAValidFrame() throws IOException {
        byte[] frame = SermantFrameEncoder.heartbeatFrame(new byte[0]);

        assertArrayEquals(new byte[0], gunzip(decodeFrame(new ByteArrayInputStream(frame))));
    }

    // ---- varint writer ---------------------------------------------------------------------

    @Test
    void varintEdgeCases() throws IOException {
        assertVarint(0, 0x00);
        assertVarint(127, 0x7F);
        assertVarint(128, 0x80, 0x01);
        assertVarint(16383, 0xFF, 0x7F);
        assertVarint(16384, 0x80, 0x80, 0x01);
        assertVarint(Integer.MAX_VALUE, 0xFF, 0xFF, 0xFF, 0xFF, 0x07);
    }

    @Test
    void negativeVarintIsRejected() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThrows(IllegalArgumentException.class, () -> SermantFrameEncoder.writeVarint32(out, -1));
        assertThrows(IllegalArgumentException.class,
                () -> SermantFrameEncoder.writeVarint32(out, Integer.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> SermantFrameEncoder.varint32Size(-1));
        assertEquals(0, out.size(), "nothing may be written before rejecting");
    }

    // ---- argument checks -------------------------------------------------------------------

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> SermantFrameEncoder.heartbeatFrame(null));
        assertThrows(NullPointerException.class, () -> SermantFrameEncoder.frame(null));
        assertThrows(NullPointerException.class, () -> SermantFrameEncoder.gzip(null));
        assertThrows(IllegalArgumentException.class, () -> SermantFrameEncoder.frame(new byte[0]));
    }

    @Test
    void decoderSelfCheckRejectsAFrameWithAnExplicitZeroEnum() {
        // Guards the test decoder: if it accepted this, the round-trip tests could not catch an
        // encoder that wrote messageType = 0 explicitly instead of omitting it like proto3 does.
        byte[] withEnum = {0x09, 0x08, 0x00, 0x12, 0x05, 0x12, 0x03, 1, 2, 3};

        assertThrows(AssertionError.class, () -> decodeFrame(new ByteArrayInputStream(withEnum)));
    }

    // ---- helpers: an independent decoder, deliberately not sharing code with the encoder ---

    private static void assertVarint(int value, int... expectedUnsignedBytes) throws IOException {
        byte[] expected = new byte[expectedUnsignedBytes.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) expectedUnsignedBytes[i];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SermantFrameEncoder.writeVarint32(out, value);

        assertArrayEquals(expected, out.toByteArray(), "varint bytes of " + value);
        assertEquals(expected.length, SermantFrameEncoder.varint32Size(value), "varint size of " + value);
        assertEquals(value, readVarint(new ByteArrayInputStream(expected), 5), "decoded " + value);
    }

    /**
     * Reads one length-prefixed frame, checks it is a NettyMessage holding exactly one
     * ServiceData (and nothing else, as proto3 omits the zero enums), and returns its data.
     */
    private static byte[] decodeFrame(InputStream in) throws IOException {
        int length = (int) readVarint(in, 5);
        byte[] message = readExactly(in, length);

        List<Field> messageFields = parseFields(message);
        assertEquals(1, messageFields.size(), "NettyMessage fields: " + messageFields);
        Field serviceData = messageFields.get(0);
        assertEquals(2, serviceData.number, "NettyMessage.serviceData field number");
        assertEquals(2, serviceData.wireType, "NettyMessage.serviceData wire type");

        List<Field> dataFields = parseFields(serviceData.bytes);
        assertEquals(1, dataFields.size(), "ServiceData fields: " + dataFields);
        Field data = dataFields.get(0);
        assertEquals(2, data.number, "ServiceData.data field number");
        assertEquals(2, data.wireType, "ServiceData.data wire type");
        return data.bytes;
    }

    private static List<Field> parseFields(byte[] message) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(message);
        List<Field> fields = new ArrayList<>();
        while (in.available() > 0) {
            long tag = readVarint(in, 10);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 0x7);
            switch (wireType) {
                case 0 -> fields.add(new Field(number, wireType, readVarint(in, 10), null));
                case 2 -> fields.add(new Field(number, wireType, 0,
                        readExactly(in, (int) readVarint(in, 5))));
                default -> throw new AssertionError("unexpected wire type " + wireType);
            }
        }
        return fields;
    }

    private static long readVarint(InputStream in, int maxBytes) throws IOException {
        long result = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("stream ended inside a varint");
            }
            result |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new AssertionError("varint longer than " + maxBytes + " bytes");
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("wanted " + length + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    private record Field(int number, int wireType, long varint, byte[] bytes) {
        @Override
        public String toString() {
            return "field " + number + " (wire type " + wireType + ")";
        }
    }
}
