package io.github.heartbeatsdk.spring.internal;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;

/**
 * Tells several listeners, each guarded on its own: one that throws is logged and the next is
 * still told (the SDK guards a client's listener as a whole, which would stop at the first).
 */
final class Listeners implements HeartbeatListener {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final List<HeartbeatListener> listeners;

    Listeners(List<HeartbeatListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onSuccess(Signal signal, DeliveryResult result) {
        each(listener -> listener.onSuccess(signal, result));
    }

    @Override
    public void onFailure(Signal signal, DeliveryResult result) {
        each(listener -> listener.onFailure(signal, result));
    }

    private void each(Consumer<HeartbeatListener> call) {
        for (HeartbeatListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                log.warn("heartbeat-sdk: listener {} threw {}; ignored", listener.getClass().getName(), t.toString());
            }
        }
    }
}
