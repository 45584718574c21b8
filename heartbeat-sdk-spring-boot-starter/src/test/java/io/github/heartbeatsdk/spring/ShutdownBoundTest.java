package io.github.heartbeatsdk.spring;

import io.github.heartbeatsdk.spring.autoconfigure.HeartbeatAutoConfiguration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a backend that hangs, closing the context takes about one heartbeat.flush-timeout in all,
 * not one per client. The bound asserted is generous (4 x flush-timeout): it checks the promise,
 * not speed.
 */
class ShutdownBoundTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void closingWaitsAboutFlushTimeoutNotOnceFlushTimeoutPerClient() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        CountDownLatch received = new CountDownLatch(4);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                received.countDown();
                hang.await(60, TimeUnit.SECONDS); // 4 threads: 4 calls in flight; a backend that never answers while the app shuts down
                return new MockResponse.Builder().code(200).build();
            }
        });
        long[] closeStarted = new long[1];
        try {
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeartbeatAutoConfiguration.class))
                    .withPropertyValues("heartbeat.flush-timeout=1s", "heartbeat.retry-deadline=60s",
                            "heartbeat.endpoint=" + server.url("/svc"),
                            "heartbeat.jobs.a.endpoint=" + server.url("/a"),
                            "heartbeat.jobs.b.endpoint=" + server.url("/b"),
                            "heartbeat.jobs.c.endpoint=" + server.url("/c"),
                            "heartbeat.jobs.d.endpoint=" + server.url("/d"))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        HeartbeatClients clients = context.getBean(HeartbeatClients.class);
                        clients.all().values().forEach(client -> client.ping());
                        assertThat(received.await(10, TimeUnit.SECONDS))
                                .as("the pings reached the hanging backend").isTrue();
                        closeStarted[0] = System.nanoTime();
                    });
            long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closeStarted[0]);
            assertThat(closeMillis).as("closing the context with heartbeat.flush-timeout=1s took %d ms", closeMillis)
                    .isLessThan(4_000);
        } finally {
            hang.countDown();
        }
    }
}
