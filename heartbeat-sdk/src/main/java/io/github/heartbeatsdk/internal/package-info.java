/**
 * Internals of heartbeat-sdk. <strong>Not API:</strong> anything here may change or disappear in
 * any release; use only the types of {@code io.github.heartbeatsdk}.
 *
 * <p>How a signal travels: {@code HeartbeatClient} hands it to a {@link
 * io.github.heartbeatsdk.internal.Dispatcher}, which keeps it in a bounded {@link
 * io.github.heartbeatsdk.internal.SignalQueue} and delivers it on the client's one delivery
 * thread through a {@link io.github.heartbeatsdk.internal.Transport}, retrying transient
 * failures with {@link io.github.heartbeatsdk.internal.Backoff} until the signal's deadline.
 */
package io.github.heartbeatsdk.internal;
