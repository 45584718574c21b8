package io.github.heartbeatsdk.spring.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.util.ArrayList;
import java.util.List;

/**
 * Closes the starter's clients, then what they share (the executor, the health probe), after
 * every other bean of the context has been destroyed, so that a ping or a job's end sent from a
 * {@code @PreDestroy} method, or by a scheduled job that its scheduler waits for, is still delivered.
 * The clients close at the same time, each within {@code heartbeat.flush-timeout}: closing takes
 * one flush timeout, not one per client.
 *
 * <p>It is a {@link BeanPostProcessor} (one that changes nothing) because Spring creates those
 * before ordinary beans, and destroys singletons in the reverse order of their creation: so it is
 * destroyed after them.
 */
public final class CloseLast implements BeanPostProcessor, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(CloseLast.class);

    private final List<AutoCloseable> clients = new ArrayList<>();
    private final List<AutoCloseable> shared = new ArrayList<>();
    private boolean closed;

    /** Closes {@code client} when the context is destroyed, with the other clients, at the same time. */
    public void add(AutoCloseable client) {
        addTo(clients, client);
    }

    /** Closes {@code resource} after every client has closed; such resources close in the reverse order of adding. */
    public void addShared(AutoCloseable resource) {
        addTo(shared, resource);
    }

    private void addTo(List<AutoCloseable> list, AutoCloseable resource) {
        synchronized (this) {
            if (!closed) {
                list.add(resource);
                return;
            }
        }
        closeQuietly(resource); // added while the context is already gone: nothing would close it later
    }

    @Override
    public void destroy() {
        List<AutoCloseable> closingClients;
        List<AutoCloseable> closingShared;
        synchronized (this) {
            closed = true;
            closingClients = new ArrayList<>(clients);
            closingShared = new ArrayList<>(shared);
            clients.clear();
            shared.clear();
        }
        closeTogether(closingClients);
        for (int i = closingShared.size() - 1; i >= 0; i--) {
            closeQuietly(closingShared.get(i));
        }
    }

    /** One thread per client but the first (closed here): each close() is bounded by its own flush timeout. */
    private static void closeTogether(List<AutoCloseable> all) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            AutoCloseable client = all.get(i);
            Thread thread = new Thread(() -> closeQuietly(client), "heartbeat-sdk-spring-close-" + i);
            thread.setDaemon(true); // joined below; a daemon so that nothing here can hold the JVM
            thread.start();
            threads.add(thread);
        }
        if (!all.isEmpty()) {
            closeQuietly(all.get(0));
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // close() of each client gives up its flush when interrupted; keep waiting briefly
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception | LinkageError e) {
            // One resource failing to close must not keep the others open, nor fail the context's shutdown.
            log.warn("heartbeat-sdk: closing {} failed: {}", resource, e.toString());
        }
    }
}
