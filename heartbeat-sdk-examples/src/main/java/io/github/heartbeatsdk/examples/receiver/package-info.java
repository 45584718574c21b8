/**
 * The demo receiver: a local stand-in for Xitoring-style ping URLs, Healthchecks and
 * sermant-backend, with a panel, for heartbeat-sdk's examples and demo. Not a production backend;
 * see {@link io.github.heartbeatsdk.examples.receiver.DemoReceiver}.
 */
package io.github.heartbeatsdk.examples.receiver;
