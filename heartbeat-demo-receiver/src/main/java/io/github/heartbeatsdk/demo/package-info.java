/**
 * The demo receiver: a local stand-in for Xitoring-style ping URLs, Healthchecks and
 * sermant-backend, with a panel, for heartbeat-sdk's examples and demo. Not a production backend;
 * see {@link io.github.heartbeatsdk.demo.DemoReceiver}.
 */
package io.github.heartbeatsdk.demo;
