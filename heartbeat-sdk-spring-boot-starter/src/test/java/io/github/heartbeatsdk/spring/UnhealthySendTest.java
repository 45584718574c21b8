package io.github.heartbeatsdk.spring;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** With heartbeat.beats.when-unhealthy=send, a DOWN application beats on and says so in its ext info. */
@DirtiesContext // closes the application after the class: its threads must not outlive it
@SpringBootTest(classes = UnhealthyApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {UnhealthyApp.DOWN, "heartbeat.interval=1s", "heartbeat.beats.when-unhealthy=send"})
class UnhealthySendTest {
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

    @Test
    void beatsGoOnCarryingTheDownStatus() throws Exception {
        String beat = server.takeRequest(30, TimeUnit.SECONDS).getBody().utf8();
        assertThat(beat).contains("\"health\"", "\"status\":\"DOWN\"");
    }
}
