package io.github.heartbeatsdk;

/**
 * A job's work for {@link HeartbeatClient#run(String, Job)}: a lambda or method reference that
 * may throw a checked exception of type {@code E}, which {@code run} then rethrows unchanged.
 * A job that throws no checked exception infers {@code E} as {@code RuntimeException}, so its
 * caller has nothing to catch.
 *
 * @param <E> what the job may throw
 */
public interface Job<E extends Throwable> {
    /** Does the job's work. */
    void run() throws E;
}
