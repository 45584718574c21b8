package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.EndpointResponse;
import io.github.heartbeatsdk.Schedule;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.transport.MonitorSetup;

/**
 * An endpoint whose monitor's schedule is asked for when its first signal is sent, on the
 * delivery thread: a framework learns a job's schedule after the client is built (Spring's
 * {@code @Scheduled} methods, Quartz's triggers). The answer is asked once; null means no monitor.
 */
final class DeferredMonitorEndpoint implements Endpoint, MonitorSetup {
    /** Supplies the schedule; a Java 8 {@code Supplier} without the lambda on the caller's path. */
    interface ScheduleSource {
        Schedule schedule();
    }

    private final Endpoint base;
    private final ScheduleSource source;
    private volatile Endpoint resolved;
    /** What asking for the schedule threw, rethrown by {@link #hasMonitor()}: the transport makes it a refusal. */
    private Throwable failure;

    DeferredMonitorEndpoint(Endpoint base, ScheduleSource source) {
        this.base = base;
        this.source = source;
    }

    /** The endpoint with its monitor, once the schedule is known; the base endpoint without one. */
    private Endpoint resolved() {
        Endpoint r = resolved;
        if (r == null) {
            synchronized (this) {
                r = resolved;
                if (r == null) {
                    try {
                        Schedule schedule = source.schedule();
                        r = schedule == null ? base : Endpoints.withMonitor(base, schedule);
                    } catch (VirtualMachineError e) {
                        throw e;
                    } catch (Throwable t) {
                        failure = t;
                        r = base;
                    }
                    resolved = r;
                }
            }
        }
        return r;
    }

    @Override
    public EndpointRequest request(Signal signal) {
        return resolved().request(signal);
    }

    @Override
    public void onResponse(EndpointResponse response) {
        resolved().onResponse(response);
    }

    @Override
    public boolean hasMonitor() {
        Endpoint r = resolved();
        synchronized (this) {
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getClass().getName()); // a checked exception, thrown sneakily
            }
        }
        return r instanceof MonitorSetup && ((MonitorSetup) r).hasMonitor();
    }

    @Override
    public String backend() {
        return ((MonitorSetup) resolved()).backend();
    }

    @Override
    public String credentialKey() {
        return ((MonitorSetup) resolved()).credentialKey();
    }

    @Override
    public EndpointRequest upsertRequest(String credential) {
        return ((MonitorSetup) resolved()).upsertRequest(credential);
    }

    @Override
    public String[] secrets() {
        return ((MonitorSetup) resolved()).secrets();
    }

    @Override
    public String toString() {
        Endpoint r = resolved;
        return r != null ? r.toString() : base + " (monitor's schedule not asked yet)";
    }
}
