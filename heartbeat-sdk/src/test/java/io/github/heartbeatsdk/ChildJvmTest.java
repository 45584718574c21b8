package io.github.heartbeatsdk;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A program that pings and ends at once, without close(), still delivers: the shutdown hook flushes. */
class ChildJvmTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @ParameterizedTest
    @ValueSource(strings = {"return", "exit"})
    void pingRightBeforeTheJvmEndsIsDelivered(String howMainEnds) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PingAndExitMain.class.getName(), server.url("/ping/child").toString(), howMainEnds)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();

        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit");
        assertEquals(0, child.exitValue());
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertNotNull(request, "the child's ping never arrived");
        assertEquals("/ping/child", request.getTarget());
    }
}
