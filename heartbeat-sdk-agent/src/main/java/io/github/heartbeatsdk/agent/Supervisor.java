package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.JobRun;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code run}: reports a command's start and end around it, once or, with {@code --every}, at a
 * fixed rate like a small supervisor, and exits with the command's own status whatever the
 * backend does. SIGTERM and SIGINT go to the command, not to the wrapper, so the end of a stopped
 * command is still reported; the supervisor stops after the run a signal interrupted, or at once
 * between runs. Runs never overlap: one that outlasts its period is followed right away by the
 * next, and the schedule then keeps to its slots from the first start.
 */
final class Supervisor implements Signals.Handler {
    /** How long the fallback shutdown hook waits for a destroyed command to exit. */
    private static final long HOOK_WAIT_MILLIS = 10_000;

    private final HeartbeatClient client;
    private final String name;
    private final List<String> argv;
    private final Duration every;
    private final long reportMillis;
    private final Object lock = new Object();
    private final CountDownLatch done = new CountDownLatch(1);
    private CommandRun current; // guarded by lock
    private String stopSignal; // guarded by lock: the first signal caught

    /**
     * @param every the period, or null for one run
     * @param reportMillis at most how long the wrapper waits at exit for the last report (the flush timeout)
     */
    Supervisor(HeartbeatClient client, String name, List<String> argv, Duration every, long reportMillis) {
        this.client = client;
        this.name = name;
        this.argv = argv;
        this.every = every;
        this.reportMillis = reportMillis;
    }

    /** Runs the command until done; closes the client (flushing within its flush timeout); returns the exit status. */
    int run() {
        if (!Signals.install(this)) {
            Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
                @Override
                public void run() {
                    stopAtExit();
                }
            }, "heartbeat-wrapper-exit"));
        }
        try {
            return loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        } finally {
            client.close();
            done.countDown();
        }
    }

    private int loop() throws InterruptedException {
        long first = System.nanoTime();
        while (true) {
            long started = System.nanoTime();
            int status = runOnce();
            if (every == null || stopped()) {
                return status;
            }
            long period = every.toNanos();
            long nextSlot = first + ((started - first) / period + 1) * period;
            if (!sleepUntil(nextSlot)) {
                return Main.OK; // stopped between runs: nothing was interrupted
            }
        }
    }

    private int runOnce() throws InterruptedException {
        JobRun job = client.startJob(name); // returns at once: the start never delays the command
        CommandRun command;
        try {
            command = CommandRun.start(argv);
        } catch (IOException e) {
            String reason = "cannot start command: " + e.getMessage();
            System.err.println(HeartbeatAgent.PREFIX + " ERROR " + reason);
            job.fail(reason);
            return ExitStatus.ofStartFailure(e);
        }
        String early;
        synchronized (lock) {
            current = command;
            early = stopSignal;
        }
        if (early != null) {
            command.forward(early); // caught while the command was being started
        }
        int status;
        try {
            status = command.waitFor();
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
        String tail = command.tail();
        if (status >= 0 && status <= 255) {
            job.exit(status, tail);
        } else {
            job.fail("exit status " + status + "\n" + tail); // only on systems whose statuses exceed a byte
        }
        return status;
    }

    /** Waits until {@code deadline} (System.nanoTime); false if a signal came first. */
    private boolean sleepUntil(long deadline) throws InterruptedException {
        synchronized (lock) {
            while (stopSignal == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return false;
        }
    }

    private boolean stopped() {
        synchronized (lock) {
            return stopSignal != null;
        }
    }

    /** On the JVM's signal thread: passes the signal on and lets the loop end; never exits the wrapper. */
    @Override
    public void handle(String signal) {
        CommandRun command;
        synchronized (lock) {
            if (stopSignal == null) {
                stopSignal = signal;
            }
            command = current;
            lock.notifyAll();
        }
        if (command != null) {
            command.forward(signal);
        }
    }

    /**
     * Without signal handlers the JVM exits on SIGTERM: stop the command, give it a little while
     * to exit, and wait (bounded) for the loop to report it and flush.
     */
    private void stopAtExit() {
        CommandRun command;
        synchronized (lock) {
            if (stopSignal == null) {
                stopSignal = "TERM";
            }
            command = current;
            lock.notifyAll();
        }
        try {
            if (command != null) {
                command.destroy();
                command.waitFor(HOOK_WAIT_MILLIS);
            }
            done.await(reportMillis + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
