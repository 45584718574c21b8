package io.github.heartbeatsdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A ScheduledExecutorService on virtual time: nothing runs until the test calls {@link #runDue()}
 * or {@link #advance(Duration)}, and then it runs on the test's thread. Time is a {@link FakeClock}.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final FakeClock clock;
    private final PriorityQueue<Task<?>> tasks = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;

    public ManualScheduler(FakeClock clock) {
        this.clock = clock;
    }

    /** Runs every task due now, including ones that those tasks schedule for now. */
    public int runDue() {
        int ran = 0;
        for (Task<?> task; (task = pollDue()) != null; ran++) {
            task.runOnce();
        }
        return ran;
    }

    /** Moves time forward by {@code duration}, running each task at its own time. */
    public void advance(Duration duration) {
        long end = clock.millis() + duration.toMillis();
        runDue();
        for (Task<?> next; (next = peek()) != null && next.atMillis <= end; ) {
            clock.set(Math.max(clock.millis(), next.atMillis));
            runDue();
        }
        clock.set(end);
        runDue();
    }

    /** Tasks scheduled and not yet run or cancelled. */
    public synchronized int pending() {
        tasks.removeIf(Task::isCancelled);
        return tasks.size();
    }

    private synchronized Task<?> peek() {
        tasks.removeIf(Task::isCancelled);
        return tasks.peek();
    }

    private synchronized Task<?> pollDue() {
        Task<?> head = peek();
        return head != null && head.atMillis <= clock.millis() ? tasks.poll() : null;
    }

    private synchronized <V> Task<V> add(Task<V> task) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        tasks.add(task);
        return task;
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<Void>(Executors2.callable(command), clock.millis() + unit.toMillis(delay), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, clock.millis() + unit.toMillis(delay), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(new Task<Void>(Executors2.callable(command), clock.millis() + unit.toMillis(initialDelay),
                unit.toMillis(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(new Task<Void>(Executors2.callable(command), clock.millis() + unit.toMillis(initialDelay),
                -unit.toMillis(delay)));
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        tasks.clear();
        return Collections.emptyList();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final long seq = sequence++;
        private final long periodMillis; // > 0 fixed rate, < 0 fixed delay, 0 once
        private long atMillis;

        Task(Callable<V> callable, long atMillis, long periodMillis) {
            super(callable);
            this.atMillis = atMillis;
            this.periodMillis = periodMillis;
        }

        void runOnce() {
            if (periodMillis == 0) {
                run();
                return;
            }
            if (runAndReset()) {
                atMillis = periodMillis > 0 ? atMillis + periodMillis : clock.millis() - periodMillis;
                synchronized (ManualScheduler.this) {
                    if (!shutdown) {
                        tasks.add(this);
                    }
                }
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(atMillis - clock.millis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> that = (Task<?>) other;
            int byTime = Long.compare(atMillis, that.atMillis);
            return byTime != 0 ? byTime : Long.compare(seq, that.seq);
        }

        @Override
        public V get() throws InterruptedException, ExecutionException {
            return super.get();
        }
    }

    /** Runnable to Callable without java.util.concurrent.Executors' extra wrapping. */
    private static final class Executors2 {
        static Callable<Void> callable(Runnable runnable) {
            return () -> {
                runnable.run();
                return null;
            };
        }
    }

    /** Copies of the tasks' due times, for assertions. */
    public synchronized List<Long> dueTimes() {
        List<Long> times = new ArrayList<>();
        for (Task<?> task : tasks) {
            if (!task.isCancelled()) {
                times.add(task.atMillis);
            }
        }
        Collections.sort(times);
        return times;
    }
}
