package io.github.heartbeatsdk.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A stage only the SDK completes. Callers get it as a {@code CompletionStage}; even cast to a
 * {@code CompletableFuture} it refuses {@code complete}, {@code completeExceptionally},
 * {@code cancel} and {@code obtrude*}, so no caller can make a delivered signal look failed to
 * another. {@link #toCompletableFuture()} returns a copy the caller owns (it may cancel it or add
 * {@code orTimeout}) that completes when this does.
 */
public class ResultFuture<T> extends CompletableFuture<T> {
    @SuppressWarnings("rawtypes")
    private static final Function IDENTITY = new Function() {
        @Override
        public Object apply(Object value) {
            return value;
        }
    };

    /** A stage completed with {@code value}. */
    public static <T> ResultFuture<T> completed(T value) {
        ResultFuture<T> done = new ResultFuture<T>();
        done.end(value);
        return done;
    }

    /** Completes this stage with {@code value}; the only way it completes. True the first time. */
    final boolean end(T value) {
        return super.complete(value);
    }

    /** Refused: the SDK completes this stage. Returns false. */
    @Override
    public final boolean complete(T value) {
        return false;
    }

    /** Refused: the SDK completes this stage, and never exceptionally. Returns false. */
    @Override
    public final boolean completeExceptionally(Throwable ex) {
        return false;
    }

    /** Refused: a signal, once offered, is the SDK's to end. Returns false. */
    @Override
    public final boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    /** Refused. */
    @Override
    public final void obtrudeValue(T value) {
        throw new UnsupportedOperationException("this stage is completed by heartbeat-sdk only");
    }

    /** Refused. */
    @Override
    public final void obtrudeException(Throwable ex) {
        throw new UnsupportedOperationException("this stage is completed by heartbeat-sdk only");
    }

    /**
     * Refused (Java 9+ {@code CompletableFuture.completeAsync}, which would complete this stage
     * without {@link #complete}): returns this stage, unchanged.
     */
    public final CompletableFuture<T> completeAsync(Supplier<? extends T> supplier) {
        return this;
    }

    /** Refused, as {@link #completeAsync(Supplier)}. */
    public final CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
        return this;
    }

    /** A new future, the caller's own, completed with this stage's result. */
    @Override
    @SuppressWarnings("unchecked")
    public final CompletableFuture<T> toCompletableFuture() {
        return thenApply((Function<T, T>) IDENTITY);
    }
}
