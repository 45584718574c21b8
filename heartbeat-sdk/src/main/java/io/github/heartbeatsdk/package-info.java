/**
 * heartbeat-sdk: tell a monitoring backend "I am alive" from any JVM application.
 *
 * <p>Start at {@link io.github.heartbeatsdk.HeartbeatClient#builder()} and
 * {@link io.github.heartbeatsdk.Endpoints}. Everything in this package is API; the
 * {@code internal} package is not.
 */
package io.github.heartbeatsdk;
