package io.github.heartbeatsdk.internal;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A bounded FIFO of pending signals. When full, it makes room by dropping the oldest signal of
 * the lowest drop class present (periodic beats first, then one-shot signals, job ends last);
 * a new signal whose class is lower than everything queued is itself the one dropped.
 */
final class SignalQueue {
    private final int capacity;
    /** Starts small (it grows as needed): most clients hold a signal or two at a time. */
    private final ArrayDeque<PendingSignal> items = new ArrayDeque<PendingSignal>(4);
    private final int[] countByClass = new int[3];

    SignalQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds {@code signal}; returns the signal dropped to make room (maybe {@code signal}), or null. */
    synchronized PendingSignal offer(PendingSignal signal) {
        PendingSignal dropped = null;
        if (items.size() >= capacity) {
            dropped = removeOldestOfLowestClass(signal.dropClass());
            if (dropped == null) {
                return signal;
            }
        }
        items.addLast(signal);
        countByClass[signal.dropClass()]++;
        return dropped;
    }

    /** Removes and returns the oldest signal, or null when empty. */
    synchronized PendingSignal poll() {
        PendingSignal head = items.pollFirst();
        if (head != null) {
            countByClass[head.dropClass()]--;
        }
        return head;
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
                    countByClass[dropClass]--;
                    return candidate;
                }
            }
        }
        return null;
    }
}
