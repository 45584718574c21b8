package io.github.heartbeatsdk.spring.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.util.ArrayList;
import java.util.List;

/**
 * Closes the starter's clients and shared executor after every other bean of the context has
 * been destroyed, so that a ping or a job's end sent from a {@code @PreDestroy} method, or by a
 * scheduled job that its scheduler waits for, is still delivered.
 *
 * <p>It is a {@link BeanPostProcessor} (one that changes nothing) because Spring creates those
 * before ordinary beans, and destroys singletons in the reverse order of their creation: so it is
 * destroyed after them.
 */
public final class CloseLast implements BeanPostProcessor, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(CloseLast.class);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private boolean closed;

    /** Closes {@code resource} when the context is destroyed; resources close in the reverse order of adding. */
    public synchronized void add(AutoCloseable resource) {
        if (closed) {
            closeQuietly(resource); // added while the context is already gone: nothing would close it later
            return;
        }
        resources.add(resource);
    }

    @Override
    public void destroy() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(resources);
            resources.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            closeQuietly(toClose.get(i));
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
