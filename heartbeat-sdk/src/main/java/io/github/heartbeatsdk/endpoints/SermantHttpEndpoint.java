package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.internal.HttpUrls;
import io.github.heartbeatsdk.internal.Redactor;
import io.github.heartbeatsdk.internal.SermantJson;

/**
 * A Sermant-style backend that takes beats over HTTP: each periodic beat is POSTed as Sermant's
 * HeartbeatMessage JSON. Other signals (pings, job steps) have no meaning there and are skipped.
 */
final class SermantHttpEndpoint implements Endpoint {
    private final String url;

    SermantHttpEndpoint(String url) {
        this.url = HttpUrls.requireHttpUrl("url", url);
    }

    @Override
    public EndpointRequest request(Signal signal) {
        if (signal.kind() != SignalKind.BEAT || signal.instance() == null) {
            return null;
        }
        return EndpointRequest.post(url, "application/json; charset=utf-8", SermantJson.heartbeatMessage(signal));
    }

    @Override
    public String toString() {
        return "SermantHttpEndpoint{POST " + Redactor.url(url) + "}";
    }
}
