/**
 * heartbeat-sdk: tell a monitoring backend "I am alive" from any JVM application.
 *
 * <p>What every user touches: {@link io.github.heartbeatsdk.HeartbeatClient} (start at
 * {@link io.github.heartbeatsdk.HeartbeatClient#builder()}), {@link io.github.heartbeatsdk.JobRun},
 * the ext-info registry, configuration, the listener, the values a delivery ends in, and the SPI
 * for your own backend: {@link io.github.heartbeatsdk.Endpoint},
 * {@link io.github.heartbeatsdk.EndpointRequest} and {@link io.github.heartbeatsdk.EndpointResponse}.
 *
 * <p>Where signals go: {@code io.github.heartbeatsdk.endpoints} ({@code Endpoints} and every
 * preset). For your own tests: {@code io.github.heartbeatsdk.testing}. The
 * {@code io.github.heartbeatsdk.internal} packages are the engine and are not API: they change in
 * any release.
 */
package io.github.heartbeatsdk;
