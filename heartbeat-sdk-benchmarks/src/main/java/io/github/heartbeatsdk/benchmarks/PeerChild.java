package io.github.heartbeatsdk.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * What the children of {@link PeersScenario} share: the moment main started (by {@code nanoTime}
 * and by the wall clock, for the parent's check that {@code nanoTime} is one clock for both
 * processes), the heap after a GC, and the {@code RESULT key=value} lines. Everything here runs
 * outside the measured stretch: the lines are printed once the measured work is over, and no
 * string is concatenated before it (the JDK's first {@code +} on strings links an invokedynamic
 * call site, a cost no client should be charged for by the harness).
 */
final class PeerChild {
    /** The burst's size, the same for every client. */
    static final int BURST = 20_000;

    private final long mainNanos = System.nanoTime();
    private final long mainMillis = System.currentTimeMillis();
    private final StringBuilder out = new StringBuilder();

    /**
     * Marks, in a class-load log ({@code -Xlog:class+load}), where the measured stretch starts:
     * right before {@code t0}. Loading it costs the child a class before its clock starts.
     */
    static final class Start {
        static void mark() {
        }
    }

    /** Marks where the first delivery is over: right after the client said so (its call returned, its future ended). */
    static final class Delivered {
        static void mark() {
        }
    }

    /** Call as main's first act. */
    static PeerChild start() {
        return new PeerChild();
    }

    PeerChild put(String key, Object value) {
        out.append("RESULT ").append(key).append('=').append(value).append('\n');
        return this;
    }

    /** Prints the main's start and every value put. */
    void print() {
        put("mainNanos", mainNanos);
        put("mainMillis", mainMillis);
        System.out.print(out);
        System.out.flush();
    }

    /** One call of a synchronous client's burst: its HTTP status, or {@link #UNTOLD} where the client does not say. */
    interface Call {
        int call() throws Exception;
    }

    /** What a {@link Call} returns for a client that does not tell how a call went. */
    static final int UNTOLD = -1;

    /**
     * The burst of a synchronous client: {@link #BURST} calls one after the other, the heap after a
     * GC before and after them, the time they took and, where the client tells, how many got a 200.
     */
    void sequentialBurst(Call call) throws Exception {
        long heapBefore = usedHeapAfterGc();
        long t0 = System.nanoTime();
        int delivered = 0;
        boolean told = true;
        for (int i = 0; i < BURST; i++) {
            int status = call.call();
            told &= status != UNTOLD;
            if (status == 200) {
                delivered++;
            }
        }
        long t1 = System.nanoTime();
        put("burst.offerMs", (t1 - t0) / 1e6).put("burst.heapBefore", heapBefore).put("burst.heapAfter", usedHeapAfterGc());
        if (told) {
            put("burst.delivered", delivered);
        }
    }

    /** Heap in use after one full GC: what the objects still referenced take. */
    static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Fails the child (exit 1, the parent stops) when {@code ok} is false. */
    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    /** The mode argument was none this child knows. */
    static IllegalArgumentException unknownMode(String mode) {
        return new IllegalArgumentException("unknown mode " + mode);
    }
}
