package io.github.heartbeatsdk;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ManualScheduler} that also keeps the last periodic task it was given, so a test can
 * run a beat tick at a moment of its choosing: for example one that was already running when
 * close() began, and submits its beat after close() returned.
 */
final class CapturingExecutor extends AbstractExecutorService implements ScheduledExecutorService {
    private final ManualScheduler delegate;
    private volatile Runnable lastPeriodic;

    CapturingExecutor(ManualScheduler delegate) {
        this.delegate = delegate;
    }

    /** The last task given to scheduleAtFixedRate, for the test to run by hand. */
    Runnable lastPeriodic() {
        return lastPeriodic;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        lastPeriodic = command;
        return delegate.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return delegate.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return delegate.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return delegate.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        delegate.execute(command);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return delegate.awaitTermination(timeout, unit);
    }
}
