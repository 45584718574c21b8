package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.Signal;

/**
 * A transport that hands every call to another: a subclass changes what it must (whether pings
 * coalesce, what a send records) and keeps the rest of the delegate's behaviour.
 */
public class ForwardingTransport implements Transport {
    private final Transport delegate;

    public ForwardingTransport(Transport delegate) {
        this.delegate = delegate;
    }

    @Override
    public Attempt send(Signal signal) {
        return delegate.send(signal);
    }

    @Override
    public void drained() {
        delegate.drained();
    }

    @Override
    public void cancel() {
        delegate.cancel();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public boolean coalescesPings() {
        return delegate.coalescesPings();
    }
}
