package io.github.heartbeatsdk;

import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.endpoints.Endpoints;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** close() lets go of what the client owns at once, even while other clients live on. */
class CloseReleasesTest {
    private static HeartbeatClient.Builder builder(String url) {
        return HeartbeatClient.builder().endpoint(Endpoints.url(url)).shutdownHook(false);
    }

    @Test
    void aClosedClientsConnectionClosesAtCloseWhileAnotherClientLives() throws Exception {
        try (FastHttpServer first = new FastHttpServer(); FastHttpServer second = new FastHttpServer()) {
            HeartbeatClient closing = builder(first.url("/ping/first")).build();
            HeartbeatClient living = builder(second.url("/ping/second")).build();
            try {
                assertEquals(Outcome.DELIVERED, closing.ping().toCompletableFuture().get(10, TimeUnit.SECONDS).outcome());
                assertEquals(Outcome.DELIVERED, living.ping().toCompletableFuture().get(10, TimeUnit.SECONDS).outcome());
                assertEquals(1, first.openConnections());

                closing.close();

                assertTrue(first.awaitOpenConnectionsAtMost(0, 10, TimeUnit.SECONDS),
                        "the closed client's keep-alive connection is still open");
                assertEquals(1, second.openConnections(), "the living client keeps its own");
            } finally {
                living.close();
            }
        }
    }

    @Test
    void nothingOfAClosedClientIsReachableAfterwardsNotEvenItsProxyPassword() throws Exception {
        try (FastHttpServer proxy = new FastHttpServer(); FastHttpServer other = new FastHttpServer()) {
            HeartbeatClient living = builder(other.url("/ping/living")).build();
            try {
                assertEquals(Outcome.DELIVERED, living.ping().toCompletableFuture().get(10, TimeUnit.SECONDS).outcome());
                WeakReference<String> password = pingThroughProxyAndClose(proxy);

                for (int i = 0; i < 20 && password.get() != null; i++) {
                    System.gc();
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                assertNull(password.get(), "a closed client's proxy password is still reachable");
            } finally {
                living.close();
            }
        }
    }

    /** In its own frame, so the test holds no strong reference to the client or its password. */
    private static WeakReference<String> pingThroughProxyAndClose(FastHttpServer proxy) throws Exception {
        String password = new String("proxy-secret-" + System.nanoTime());
        HeartbeatClient client = builder("http://backend.invalid/ping/through-proxy")
                .proxy("127.0.0.1", proxy.port()).proxyCredentials("user", password)
                .flushTimeout(Duration.ofSeconds(5)).build();
        assertEquals(Outcome.DELIVERED, client.ping().toCompletableFuture().get(10, TimeUnit.SECONDS).outcome());
        client.close();
        return new WeakReference<>(password);
    }
}
