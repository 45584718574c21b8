/**
 * How bytes leave the process. <strong>Not API.</strong> {@link
 * io.github.heartbeatsdk.internal.transport.Transport} is the one small interface: {@link
 * io.github.heartbeatsdk.internal.transport.HttpTransport} (synchronous OkHttp calls) serves every
 * endpoint, except one that brings its own through {@link
 * io.github.heartbeatsdk.internal.transport.TransportFactory}, as Sermant's TCP endpoint does with
 * {@link io.github.heartbeatsdk.internal.transport.SermantTcpTransport}. A new non-HTTP backend is
 * a transport here and that interface on its endpoint.
 */
package io.github.heartbeatsdk.internal.transport;
