package io.github.heartbeatsdk.spring;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** MockWebServer set-ups the starter's tests share. */
final class Receivers {
    private Receivers() {
    }

    /** Answers every request 200, as a healthy backend does (the default dispatcher waits for enqueued answers). */
    static MockWebServer alwaysOk(MockWebServer server) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).body("OK").build();
            }
        });
        return server;
    }
}
