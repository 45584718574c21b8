/**
 * The starter's machinery. Not API: anything here may change in any release; use
 * {@link io.github.heartbeatsdk.spring} and the {@code heartbeat.*} properties instead.
 */
package io.github.heartbeatsdk.spring.internal;
