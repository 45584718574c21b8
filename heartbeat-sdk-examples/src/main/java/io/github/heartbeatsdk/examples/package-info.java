/**
 * Runnable examples of heartbeat-sdk, each a short {@code main} that takes its endpoint as its
 * first argument and otherwise uses the local demo receiver; {@link io.github.heartbeatsdk.examples.Demo}
 * is the README's demo. See this module's README.md for the commands.
 */
package io.github.heartbeatsdk.examples;
