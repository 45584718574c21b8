package io.github.heartbeatsdk.spring;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** By default a DOWN application stops saying "I am alive": its beats are skipped and counted. */
@DirtiesContext // closes the application after the class: its threads must not outlive it
@SpringBootTest(classes = UnhealthyApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {UnhealthyApp.DOWN, "heartbeat.interval=1s"})
class UnhealthySkipTest {
    static final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) throws IOException {
        server.start();
        registry.add("heartbeat.endpoint", () -> "sermant-http+" + server.url("/beats"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Autowired
    HeartbeatClients clients;

    @Test
    void beatsAreSkippedWhileTheApplicationIsDown() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (clients.service().stats().beatsSkipped() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(clients.service().stats().beatsSkipped()).isGreaterThanOrEqualTo(2);
        assertThat(server.getRequestCount()).as("no beat reached the backend").isZero();
    }
}
