package io.github.heartbeatsdk.examples.docs;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.HttpMethod;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The Java snippets of docs/backends.md, compiled; DocSnippetsTest keeps the page equal to them. */
final class BackendsSnippets {
    private BackendsSnippets() {
    }

    static DeliveryResult waitForPing(HeartbeatClient heartbeat) throws Exception {
        // snippet: waitForPing
        DeliveryResult result = heartbeat.ping().toCompletableFuture().get(5, TimeUnit.SECONDS);
        // end snippet
        return result;
    }

    static void plainUrlVariants(String url, String token) {
        // snippet: plainUrlVariants
        Endpoints.url(url).withMethod(HttpMethod.HEAD);
        Endpoints.url(url).withHeader("Authorization", "Bearer " + token);
        Endpoints.url(url).withBody("text/plain", "backup done");     // POST
        // end snippet
    }

    static Endpoint lambdaEndpoint(String token) {
        // snippet: lambdaEndpoint
        Endpoint mine = signal -> EndpointRequest.get("https://monitor.example/ok/" + token);
        // end snippet
        return mine;
    }

    static Endpoint statusPage(String token) {
        // snippet: statusPage
        Endpoint statusPage = signal -> {
            switch (signal.kind()) {
                case SUCCESS: return EndpointRequest.get("https://status.example/ok/" + token + "?rid=" + signal.runId());
                case FAIL:    return EndpointRequest.post("https://status.example/fail/" + token, "text/plain",
                                                          signal.message().getBytes(StandardCharsets.UTF_8));
                default:      return null;
            }
        };
        // end snippet
        return statusPage;
    }
}
