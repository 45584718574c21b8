package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.JobRun;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the wrapped command: the process, and two daemon threads that copy its stdout and
 * stderr byte for byte to the wrapper's own, flushing each read at once, while an
 * {@link OutputTail} keeps the interleaved end for the backend. Stdin is inherited, so the command
 * reads the wrapper's. Pipes rather than inheritance for the output, because the tail has to be seen.
 */
final class CommandRun {
    /** How long, after the command exits, the copy threads may take to drain what it wrote. */
    private static final long DRAIN_MILLIS = 2000;

    /** Shared by every run of a supervisor, so output never interleaves mid-write across runs. */
    private static final OutputStream STDOUT = new FileOutputStream(FileDescriptor.out);
    private static final OutputStream STDERR = new FileOutputStream(FileDescriptor.err);

    private final Process process;
    private final OutputTail tail;
    private final Thread outPump;
    private final Thread errPump;

    private CommandRun(Process process, OutputTail tail, Thread outPump, Thread errPump) {
        this.process = process;
        this.tail = tail;
        this.outPump = outPump;
        this.errPump = errPump;
    }

    /**
     * Starts {@code argv}.
     *
     * @throws IOException when the command cannot be started (not found, not executable)
     */
    static CommandRun start(List<String> argv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        OutputTail tail = new OutputTail(JobRun.MAX_MESSAGE_BYTES);
        Thread out = pump(process.getInputStream(), STDOUT, tail, "heartbeat-wrapper-stdout");
        Thread err = pump(process.getErrorStream(), STDERR, tail, "heartbeat-wrapper-stderr");
        return new CommandRun(process, tail, out, err);
    }

    /**
     * Waits for the command to exit, then (bounded) for its output to be copied: a background
     * child that keeps the pipe open must not keep the wrapper waiting. Returns the exit status:
     * 128 + the signal for a command killed by one, as Java and shells report it.
     */
    int waitFor() throws InterruptedException {
        int status = process.waitFor();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        outPump.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        errPump.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        return status;
    }

    /** Waits at most {@code millis} for the command to exit; true if it did. */
    boolean waitFor(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** The end of what the command wrote to stdout and stderr so far. */
    String tail() {
        return tail.text();
    }

    /**
     * Sends {@code signal} ({@code TERM}, {@code INT}) to the command with {@code kill}, so that it
     * can clean up as it would without the wrapper. Without a process id (an unusual JVM), TERM
     * becomes {@link Process#destroy()}, which sends SIGTERM, and INT does that too: the command
     * is asked to stop either way.
     */
    void forward(String signal) {
        long pid = pid(process);
        if (pid > 0) {
            try {
                Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
                if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                    return;
                }
            } catch (IOException e) {
                // No kill command: destroy() below still asks the command to stop.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.destroy();
    }

    /** Stops the command: SIGTERM. */
    void destroy() {
        process.destroy();
    }

    /** The process id: {@code Process.pid()} on Java 9 and later, the {@code pid} field on Java 8; -1 if neither. */
    static long pid(Process process) {
        try {
            return ((Number) Process.class.getMethod("pid").invoke(process)).longValue();
        } catch (Throwable java8) {
            try {
                Field field = process.getClass().getDeclaredField("pid");
                field.setAccessible(true);
                return ((Number) field.get(process)).longValue();
            } catch (Throwable unknown) {
                return -1;
            }
        }
    }

    private static Thread pump(final InputStream from, final OutputStream to, final OutputTail tail, String name) {
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                byte[] buffer = new byte[8192];
                boolean writing = true;
                try {
                    int n;
                    while ((n = from.read(buffer)) != -1) {
                        tail.write(buffer, 0, n);
                        if (writing) {
                            try {
                                synchronized (to) {
                                    to.write(buffer, 0, n);
                                    to.flush();
                                }
                            } catch (IOException closed) {
                                // Our stdout is gone (a closed pipe): keep reading, or the command would block on a full pipe.
                                writing = false;
                            }
                        }
                    }
                } catch (IOException ended) {
                    // The pipe broke: the command's output ends here.
                } finally {
                    try {
                        from.close();
                    } catch (IOException ignored) {
                        // Nothing more to read either way.
                    }
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
