package io.github.heartbeatsdk.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;

/** Taking tasks back from an executor that may be the user's. */
final class Tasks {
    private Tasks() {
    }

    /**
     * Cancels {@code task} and, on a thread pool, removes it from the queue too: a user's
     * {@code ScheduledThreadPoolExecutor} keeps cancelled tasks queued until their time unless
     * told otherwise, and with them everything of a closed client. Returns whether it was
     * cancelled before it ran; a user's executor whose futures fail counts as not cancelled.
     */
    static boolean cancel(ScheduledExecutorService executor, ScheduledFuture<?> task) {
        try {
            boolean cancelled = task.cancel(false);
            if (cancelled && executor instanceof ThreadPoolExecutor && task instanceof Runnable) {
                ((ThreadPoolExecutor) executor).remove((Runnable) task);
            }
            return cancelled;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return false;
        }
    }
}
