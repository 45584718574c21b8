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
        SignalQueue queue = new SignalQueue(capacity);
        for (PendingSignal signal : signals) {
            assertNull(queue.offer(signal), "room for " + signal.signal());
        }
        return queue;
    }

    private static void assertPollsInOrder(SignalQueue queue, PendingSignal... expected) {
        for (PendingSignal signal : expected) {
            assertSame(signal, queue.poll(), "next is " + signal.signal());
        }
        assertTrue(queue.isEmpty(), "nothing else left");
    }

    @Test
    void newQueueIsEmpty() {
        SignalQueue queue = new SignalQueue(3);

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
        assertSame(oldBeat, queue.offer(start));

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
        assertSame(oldBeat, queue.offer(newest));

        assertPollsInOrder(queue, ping, newerBeat, newest);
    }

    @Test
    void withoutBeatsTheOldestOneShotSignalIsDroppedBeforeJobEnds() {
        PendingSignal success = job(SignalKind.SUCCESS);
        PendingSignal ping = ping();
        PendingSignal log = job(SignalKind.LOG);
        SignalQueue queue = queueOf(3, success, ping, log);

        PendingSignal fail = job(SignalKind.FAIL);
        assertSame(ping, queue.offer(fail));

        assertPollsInOrder(queue, success, log, fail);
    }

    @Test
    void pingStartAndLogShareOneClassAndTheOldestOfThemGoesFirst() {
        PendingSignal start = job(SignalKind.START);
        PendingSignal log = job(SignalKind.LOG);
        PendingSignal ping = ping();
        SignalQueue queue = queueOf(3, start, log, ping);

        PendingSignal first = ping();
        assertSame(start, queue.offer(first));
        PendingSignal second = job(SignalKind.START);
        assertSame(log, queue.offer(second));
        PendingSignal third = job(SignalKind.LOG);
        assertSame(ping, queue.offer(third));

        assertPollsInOrder(queue, first, second, third);
    }

    @Test
    void jobEndsAreDroppedLastAndOldestFirst() {
        PendingSignal success = job(SignalKind.SUCCESS);
        PendingSignal fail = job(SignalKind.FAIL);
        SignalQueue queue = queueOf(2, success, fail);

        PendingSignal exit = job(SignalKind.EXIT);
        assertSame(success, queue.offer(exit));
        PendingSignal success2 = job(SignalKind.SUCCESS);
        assertSame(fail, queue.offer(success2));

        assertPollsInOrder(queue, exit, success2);
    }

    @Test
    void aBeatOfferedToAQueueWithoutBeatsIsItselfDropped() {
        PendingSignal ping = ping();
        PendingSignal exit = job(SignalKind.EXIT);
        SignalQueue queue = queueOf(2, ping, exit);

        PendingSignal beat = beat();
        assertSame(beat, queue.offer(beat));

        assertEquals(2, queue.size());
        assertPollsInOrder(queue, ping, exit);
    }

    @Test
    void aOneShotSignalOfferedToAQueueOfJobEndsIsItselfDropped() {
        PendingSignal success = job(SignalKind.SUCCESS);
        PendingSignal fail = job(SignalKind.FAIL);
        SignalQueue queue = queueOf(2, success, fail);

        for (PendingSignal newcomer : new PendingSignal[] {ping(), job(SignalKind.START), job(SignalKind.LOG)}) {
            assertSame(newcomer, queue.offer(newcomer), newcomer.signal() + " is dropped");
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
        assertSame(beat, queue.offer(exit1), "the beat goes first");
        PendingSignal exit2 = job(SignalKind.EXIT);
        assertSame(ping, queue.offer(exit2), "then the one-shot signal");
        PendingSignal exit3 = job(SignalKind.EXIT);
        assertSame(success, queue.offer(exit3), "then the oldest job end");

        assertPollsInOrder(queue, exit1, exit2, exit3);
    }

    @Test
    void pollingMakesRoomAgain() {
        PendingSignal ping = ping();
        SignalQueue queue = queueOf(1, ping);

        PendingSignal beat = beat();
        assertSame(beat, queue.offer(beat), "full of a higher class");
        assertSame(ping, queue.poll());
        assertNull(queue.offer(beat), "room after poll");

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
        assertNull(queue.offer(success));

        PendingSignal newBeat = beat();
        assertSame(newBeat, queue.offer(newBeat), "no beat queued, so the newcomer beat is dropped");

        assertPollsInOrder(queue, ping, success);
    }
}
