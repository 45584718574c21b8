package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bounded FIFO that, when full, drops beats first, then one-shot signals, and job ends last. */
class SignalQueueTest {
    private long time = 1_000;

    private PendingSignal beat() {
        return new PendingSignal(Signal.beat(time++), Long.MAX_VALUE);
    }

    private PendingSignal ping() {
        return new PendingSignal(Signal.ping(time++), Long.MAX_VALUE);
    }

    private PendingSignal job(SignalKind kind) {
        int exitCode = kind == SignalKind.EXIT ? 0 : -1;
        return new PendingSignal(Signal.job(kind, time++, "job", "run-1", exitCode, -1, null), Long.MAX_VALUE);
    }

    private static SignalQueue queueOf(int capacity, PendingSignal... signals) {
        SignalQueue queue = new SignalQueue(capacity, Long.MAX_VALUE);
        for (PendingSignal signal : signals) {
            assertNull(offer(queue, signal), "room for " + signal.signal());
        }
        return queue;
    }

    /** Offers as the dispatcher does, until the signal is in or is itself the one dropped; returns the first dropped. */
    private static PendingSignal offer(SignalQueue queue, PendingSignal signal) {
        PendingSignal first = queue.offer(signal);
        for (PendingSignal dropped = first; dropped != null && dropped != signal; ) {
            dropped = queue.offer(signal);
            assertTrue(dropped == null || dropped == signal || first.dropClass() <= dropped.dropClass());
        }
        return first;
    }

    private static void assertPollsInOrder(SignalQueue queue, PendingSignal... expected) {
        for (PendingSignal signal : expected) {
            assertSame(signal, queue.poll(), "next is " + signal.signal());
        }
        assertTrue(queue.isEmpty(), "nothing else left");
    }

    @Test
    void newQueueIsEmpty() {
        SignalQueue queue = new SignalQueue(3, Long.MAX_VALUE);

        assertTrue(queue.isEmpty());
        assertEquals(0, queue.size());
        assertNull(queue.poll());
    }

    @Test
    void belowCapacityNothingIsDroppedAndOrderIsFifo() {
        PendingSignal a = ping();
        PendingSignal b = beat();
        PendingSignal c = job(SignalKind.SUCCESS);
        SignalQueue queue = queueOf(3, a, b, c);

        assertEquals(3, queue.size());
        assertFalse(queue.isEmpty());
        assertSame(a, queue.poll());
        assertEquals(2, queue.size());
        assertSame(b, queue.poll());
        assertSame(c, queue.poll());
        assertEquals(0, queue.size());
        assertTrue(queue.isEmpty());
        assertNull(queue.poll());
    }

    @Test
    void whenFullTheOldestBeatIsDroppedBeforeAnyOneShotSignal() {
        PendingSignal ping = ping();
        PendingSignal oldBeat = beat();
        PendingSignal newBeat = beat();
        SignalQueue queue = queueOf(3, ping, oldBeat, newBeat);

        PendingSignal start = job(SignalKind.START);
        assertSame(oldBeat, offer(queue, start));

        assertEquals(3, queue.size());
        assertPollsInOrder(queue, ping, newBeat, start);
    }

    @Test
    void aNewBeatReplacesTheOldestBeat() {
        PendingSignal oldBeat = beat();
        PendingSignal ping = ping();
        PendingSignal newerBeat = beat();
        SignalQueue queue = queueOf(3, oldBeat, ping, newerBeat);

        PendingSignal newest = beat();
        assertSame(oldBeat, offer(queue, newest));

        assertPollsInOrder(queue, ping, newerBeat, newest);
    }

    @Test
    void withoutBeatsTheOldestOneShotSignalIsDroppedBeforeJobEnds() {
        PendingSignal success = job(SignalKind.SUCCESS);
        PendingSignal ping = ping();
        PendingSignal log = job(SignalKind.LOG);
        SignalQueue queue = queueOf(3, success, ping, log);

        PendingSignal fail = job(SignalKind.FAIL);
        assertSame(ping, offer(queue, fail));

        assertPollsInOrder(queue, success, log, fail);
    }

    @Test
    void pingStartAndLogShareOneClassAndTheOldestOfThemGoesFirst() {
        PendingSignal start = job(SignalKind.START);
        PendingSignal log = job(SignalKind.LOG);
        PendingSignal ping = ping();
        SignalQueue queue = queueOf(3, start, log, ping);

        PendingSignal first = ping();
        assertSame(start, offer(queue, first));
        PendingSignal second = job(SignalKind.START);
        assertSame(log, offer(queue, second));
        PendingSignal third = job(SignalKind.LOG);
        assertSame(ping, offer(queue, third));

        assertPollsInOrder(queue, first, second, third);
    }

    @Test
    void jobEndsAreDroppedLastAndOldestFirst() {
        PendingSignal success = job(SignalKind.SUCCESS);
        PendingSignal fail = job(SignalKind.FAIL);
        SignalQueue queue = queueOf(2, success, fail);

        PendingSignal exit = job(SignalKind.EXIT);
        assertSame(success, offer(queue, exit));
        PendingSignal success2 = job(SignalKind.SUCCESS);
        assertSame(fail, offer(queue, success2));

        assertPollsInOrder(queue, exit, success2);
    }

    @Test
    void aBeatOfferedToAQueueWithoutBeatsIsItselfDropped() {
        PendingSignal ping = ping();
        PendingSignal exit = job(SignalKind.EXIT);
        SignalQueue queue = queueOf(2, ping, exit);

        PendingSignal beat = beat();
        assertSame(beat, offer(queue, beat));

        assertEquals(2, queue.size());
        assertPollsInOrder(queue, ping, exit);
    }

    @Test
    void aOneShotSignalOfferedToAQueueOfJobEndsIsItselfDropped() {
        PendingSignal success = job(SignalKind.SUCCESS);
        PendingSignal fail = job(SignalKind.FAIL);
        SignalQueue queue = queueOf(2, success, fail);

        for (PendingSignal newcomer : new PendingSignal[] {ping(), job(SignalKind.START), job(SignalKind.LOG)}) {
            assertSame(newcomer, offer(queue, newcomer), newcomer.signal() + " is dropped");
        }

        assertPollsInOrder(queue, success, fail);
    }

    @Test
    void aJobEndDisplacesOtherClassesInDropOrder() {
        PendingSignal ping = ping();
        PendingSignal beat = beat();
        PendingSignal success = job(SignalKind.SUCCESS);
        SignalQueue queue = queueOf(3, ping, beat, success);

        PendingSignal exit1 = job(SignalKind.EXIT);
        assertSame(beat, offer(queue, exit1), "the beat goes first");
        PendingSignal exit2 = job(SignalKind.EXIT);
        assertSame(ping, offer(queue, exit2), "then the one-shot signal");
        PendingSignal exit3 = job(SignalKind.EXIT);
        assertSame(success, offer(queue, exit3), "then the oldest job end");

        assertPollsInOrder(queue, exit1, exit2, exit3);
    }

    @Test
    void pollingMakesRoomAgain() {
        PendingSignal ping = ping();
        SignalQueue queue = queueOf(1, ping);

        PendingSignal beat = beat();
        assertSame(beat, offer(queue, beat), "full of a higher class");
        assertSame(ping, queue.poll());
        assertNull(offer(queue, beat), "room after poll");

        assertPollsInOrder(queue, beat);
    }

    @Test
    void dropCountsStayRightAfterPolls() {
        // A beat that was polled must no longer count as droppable.
        PendingSignal beat = beat();
        PendingSignal ping = ping();
        SignalQueue queue = queueOf(2, beat, ping);
        assertSame(beat, queue.poll());
        PendingSignal success = job(SignalKind.SUCCESS);
        assertNull(offer(queue, success));

        PendingSignal newBeat = beat();
        assertSame(newBeat, offer(queue, newBeat), "no beat queued, so the newcomer beat is dropped");

        assertPollsInOrder(queue, ping, success);
    }

    @Test
    void theByteBudgetDropsByTheSamePolicyAndCountsWhatLeaves() {
        PendingSignal beat = beat();
        PendingSignal log = new PendingSignal(Signal.job(SignalKind.LOG, time++, "job", "run-1", -1, -1,
                new String(new char[1_000])), Long.MAX_VALUE);
        PendingSignal end = job(SignalKind.SUCCESS);
        long budget = beat.weight + log.weight + end.weight;
        SignalQueue queue = new SignalQueue(100, budget);
        assertNull(queue.offer(beat));
        assertNull(queue.offer(log));
        assertNull(queue.offer(end));
        assertEquals(budget, queue.bytes());

        PendingSignal bigLog = new PendingSignal(Signal.job(SignalKind.LOG, time++, "job", "run-1", -1, -1,
                new String(new char[1_100])), Long.MAX_VALUE);
        assertSame(beat, queue.offer(bigLog), "the beat goes first");
        assertSame(log, queue.offer(bigLog), "then the older log, to make room in bytes");
        assertNull(queue.offer(bigLog));
        assertEquals(end.weight + bigLog.weight, queue.bytes());
        assertPollsInOrder(queue, end, bigLog);
        assertEquals(0, queue.bytes());
    }

    @Test
    void aNewcomerOutrankingNothingIsItselfDroppedAndTheQueueKeepsItsBytes() {
        PendingSignal end = job(SignalKind.FAIL);
        SignalQueue queue = new SignalQueue(100, end.weight);
        assertNull(queue.offer(end));
        PendingSignal log = new PendingSignal(Signal.job(SignalKind.LOG, time++, "job", "run-1", -1, -1, "text"),
                Long.MAX_VALUE);

        assertSame(log, queue.offer(log));
        assertEquals(end.weight, queue.bytes());
        assertPollsInOrder(queue, end);
    }
}
