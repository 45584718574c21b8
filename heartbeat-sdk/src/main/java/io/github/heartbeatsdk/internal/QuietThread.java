package io.github.heartbeatsdk.internal;

/**
 * A thread of the SDK's on which it logs nothing: the warm-up's. A log line from it would start
 * the application's logging (SLF4J and its backend) from a background thread while the
 * application may be starting it itself, and SLF4J then warns on stderr about the calls it
 * intercepted; the warm-up's work is only a head start, never worth a word.
 */
public class QuietThread extends Thread {
    /** A daemon thread named {@code name} running {@code task}. */
    public QuietThread(Runnable task, String name) {
        super(task, name);
        setDaemon(true);
    }
}
