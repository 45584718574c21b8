package io.github.heartbeatsdk.agent;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutputTailTest {
    private static void write(OutputTail tail, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tail.write(bytes, 0, bytes.length);
    }

    @Test
    void keepsEverythingUpToItsCapacity() {
        OutputTail tail = new OutputTail(10);
        write(tail, "hello");
        assertEquals("hello", tail.text());
        write(tail, "world");
        assertEquals("helloworld", tail.text()); // exactly the limit: nothing lost
        assertEquals(10, tail.written());
    }

    @Test
    void wrapsAroundKeepingTheLastBytesInOrder() {
        OutputTail tail = new OutputTail(8);
        for (int i = 0; i < 10; i++) {
            write(tail, "ab" + i); // 30 bytes through an 8-byte ring, in writes that straddle its end
        }
        assertEquals("b7ab8ab9", tail.text());
        assertEquals(30, tail.written());
    }

    @Test
    void aWriteLargerThanTheRingKeepsItsEnd() {
        OutputTail tail = new OutputTail(4);
        write(tail, "x");
        byte[] big = "0123456789".getBytes(StandardCharsets.US_ASCII);
        tail.write(big, 2, 7); // "2345678"
        assertArrayEquals("5678".getBytes(StandardCharsets.US_ASCII), tail.bytes());
        write(tail, "9");
        assertEquals("6789", tail.text());
        assertEquals(9, tail.written());
    }

    @Test
    void neverStartsInsideACharacter() {
        OutputTail tail = new OutputTail(5);
        write(tail, "a€€"); // 7 bytes: the ring keeps the last 5, which begin inside the first €
        assertEquals("€", tail.text()); // not "\uFFFD\uFFFD€"
        OutputTail emoji = new OutputTail(6);
        write(emoji, "x😀😀"); // 9 bytes; the ring starts inside the first 4-byte emoji
        assertEquals("😀", emoji.text());
    }

    @Test
    void aCharacterThatFitsWhollyIsKept() {
        OutputTail tail = new OutputTail(6);
        write(tail, "a€€"); // 7 bytes; the last 6 are exactly two €
        assertEquals("€€", tail.text());
    }

    @Test
    void refusesAnEmptyRing() {
        assertThrows(IllegalArgumentException.class, () -> new OutputTail(0));
    }
}
