/**
 * The engine of heartbeat-sdk. <strong>Not API:</strong> anything here may change or disappear in
 * any release; use only the types of {@code io.github.heartbeatsdk}, {@code .endpoints} and
 * {@code .testing}.
 *
 * <p>How a signal travels: {@code HeartbeatClient} hands it to a {@link
 * io.github.heartbeatsdk.internal.Dispatcher} (one per endpoint, with one lifecycle: open, closing,
 * closed), which keeps it in a bounded {@code SignalQueue} and delivers it on the client's
 * delivery thread through a transport of {@code io.github.heartbeatsdk.internal.transport},
 * retrying transient failures with {@link io.github.heartbeatsdk.internal.Backoff} until the
 * signal's deadline. {@link io.github.heartbeatsdk.internal.BeatScheduler} takes periodic beats.
 */
package io.github.heartbeatsdk.internal;
