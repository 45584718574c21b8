package io.github.heartbeatsdk.internal;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering stops at the limits, whatever a provider returns: the work is bounded by the limits, not by the input. */
class ExtInfoRendererTest {
    /** Far more steps than any rendering within the limits takes; an unbounded loop reaches it and fails. */
    private static final long RUNAWAY = 100_000;

    /** An endless iterator of {@code element(n)}, counting in {@code taken} how many were taken. */
    private static <T> Iterator<T> endlessIterator(AtomicLong taken, LongFunction<T> element) {
        return new Iterator<T>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public T next() {
                long n = taken.incrementAndGet();
                if (n > RUNAWAY) {
                    throw new AssertionError("still iterating after " + RUNAWAY + " elements");
                }
                return element.apply(n);
            }
        };
    }

    /** An endless sequence of "x". */
    private static Iterable<String> endless(AtomicLong taken) {
        return () -> endlessIterator(taken, n -> "x");
    }

    /** A map that claims {@code claimedSize} entries and yields endless ones. */
    private static Map<String, Object> endlessMap(int claimedSize, AtomicLong taken) {
        Set<Map.Entry<String, Object>> entries = new AbstractSet<Map.Entry<String, Object>>() {
            @Override
            public int size() {
                return claimedSize;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return endlessIterator(taken, n -> new AbstractMap.SimpleEntry<String, Object>("k" + n, "v"));
            }
        };
        return new AbstractMap<String, Object>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                return entries; // AbstractMap takes its size() from here
            }
        };
    }

    /** What a failure message shows of a rendering: its length, never megabytes of it. */
    private static String lengthOf(String rendered) {
        return rendered == null ? null : rendered.length() + " characters";
    }

    @Test
    void anEndlessIterableStopsAtTheCharacterLimit() {
        AtomicLong taken = new AtomicLong();

        assertNull(lengthOf(ExtInfoRenderer.text(endless(taken))), "over the limit");
        assertTrue(taken.get() <= ExtInfoRenderer.MAX_VALUE_LENGTH, "took " + taken.get());

        var refused = assertThrows(ExtInfoRenderer.Refused.class,
                () -> ExtInfoRenderer.render(Collections.singletonMap("items", endless(new AtomicLong()))));
        assertEquals("returned a value of more than 1024 characters for key 'items'", refused.getMessage());
    }

    @Test
    void aHugeOrEndlessNestedMapIsNeverCopied() {
        AtomicLong taken = new AtomicLong();
        assertNull(ExtInfoRenderer.text(endlessMap(1_000_000, taken)));
        assertEquals(0, taken.get(), "a million entries cannot fit: none is read");

        AtomicLong lying = new AtomicLong();
        assertNull(ExtInfoRenderer.text(endlessMap(3, lying)));
        assertTrue(lying.get() <= ExtInfoRenderer.MAX_VALUE_LENGTH, "read " + lying.get());
    }

    @Test
    void aTopLevelMapThatMisstatesItsSizeIsRefusedAfterTheKeyLimit() {
        AtomicLong taken = new AtomicLong();

        var refused = assertThrows(ExtInfoRenderer.Refused.class, () -> ExtInfoRenderer.render(endlessMap(1, taken)));

        assertEquals("returned more than 64 keys", refused.getMessage());
        assertEquals(ExtInfoRenderer.MAX_KEYS + 1, taken.get());
    }

    @Test
    void hugeArraysDeepNestingAndHugeToStringsAreBounded() {
        assertNull(lengthOf(ExtInfoRenderer.text(new int[10_000_000])));
        Object deep = "leaf";
        for (int i = 0; i < 100_000; i++) {
            deep = Collections.singletonList(deep);
        }
        assertEquals("[[[[[[[[[...]]]]]]]]]", ExtInfoRenderer.text(deep));
        Object tenMegabytes = new Object() {
            @Override
            public String toString() {
                return "x".repeat(10 * 1024 * 1024);
            }
        };
        assertNull(lengthOf(ExtInfoRenderer.text(Arrays.asList(tenMegabytes))));
        assertEquals("[1, 2]", ExtInfoRenderer.text(Arrays.asList(1, 2)), "small values render as before");
        assertEquals("{a=[1], b=null}", ExtInfoRenderer.text(new java.util.TreeMap<>(Map.of("a", new int[] {1}, "b", "null"))));
    }
}
