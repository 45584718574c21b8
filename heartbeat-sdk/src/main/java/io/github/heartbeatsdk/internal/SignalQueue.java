package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.SignalKind;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A FIFO of pending signals bounded in count and in bytes ({@link PendingSignal#weight}). When a
 * newcomer does not fit, room is made by dropping the oldest signal of the lowest drop class
 * present (periodic beats first, then one-shot signals, job ends last); a newcomer whose class is
 * lower than everything queued is itself the one dropped.
 *
 * <p>It also knows the last bodyless ping still queued, which an identical ping offered later
 * joins instead of taking a slot ({@link #queuedPing(long)}): a burst of pings costs one request.
 */
final class SignalQueue {
    private final int capacity;
    private final long maxBytes;
    private long bytes;
    /** Starts small (it grows as needed): most clients hold a signal or two at a time. */
    private final ArrayDeque<PendingSignal> items = new ArrayDeque<PendingSignal>(4);
    private final int[] countByClass = new int[3];
    /** The last coalescible ping offered and not yet polled or dropped, or null. */
    private PendingSignal queuedPing;

    SignalQueue(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /**
     * Adds {@code signal} if it fits, and returns null. Else makes room by one step: returns the
     * signal dropped (removed from the queue) and the caller offers {@code signal} again; or
     * returns {@code signal} itself when nothing queued ranks below it, and it is not added.
     */
    synchronized PendingSignal offer(PendingSignal signal) {
        if (items.size() < capacity && bytes + signal.weight <= maxBytes) {
            items.addLast(signal);
            countByClass[signal.dropClass()]++;
            bytes += signal.weight;
            if (isCoalescible(signal)) {
                queuedPing = signal;
            }
            return null;
        }
        PendingSignal dropped = removeOldestOfLowestClass(signal.dropClass());
        return dropped != null ? dropped : signal;
    }

    /** Removes and returns the oldest signal, or null when empty. */
    synchronized PendingSignal poll() {
        PendingSignal head = items.pollFirst();
        if (head != null) {
            countByClass[head.dropClass()]--;
            bytes -= head.weight;
            if (head == queuedPing) {
                queuedPing = null; // about to be sent: a later ping must make its own request
            }
        }
        return head;
    }

    /**
     * The bodyless ping still waiting in this queue, not yet taken for sending, or null. A ping
     * that joins it is answered by a request that starts after this call, and its later deadline
     * ({@code deadlineMillis}) becomes the queued ping's: the joiner keeps its own retry time.
     */
    synchronized PendingSignal queuedPing(long deadlineMillis) {
        PendingSignal leader = queuedPing;
        if (leader != null && leader.deadlineMillis < deadlineMillis) {
            leader.deadlineMillis = deadlineMillis;
        }
        return leader;
    }

    /** True for the signals that may stand for each other: pings without a body. */
    static boolean isCoalescible(PendingSignal pending) {
        return pending.signal.kind() == SignalKind.PING && pending.signal.message() == null;
    }

    /** The queued signals' estimated bytes. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized boolean isEmpty() {
        return items.isEmpty();
    }

    synchronized int size() {
        return items.size();
    }

    private PendingSignal removeOldestOfLowestClass(int newcomerClass) {
        for (int dropClass = 0; dropClass < newcomerClass || dropClass == newcomerClass; dropClass++) {
            if (countByClass[dropClass] == 0) {
                continue;
            }
            for (Iterator<PendingSignal> it = items.iterator(); it.hasNext(); ) {
                PendingSignal candidate = it.next();
                if (candidate.dropClass() == dropClass) {
                    it.remove();
                    if (candidate == queuedPing) {
                        queuedPing = null;
                    }
                    countByClass[dropClass]--;
                    bytes -= candidate.weight;
                    return candidate;
                }
            }
        }
        return null;
    }
}
