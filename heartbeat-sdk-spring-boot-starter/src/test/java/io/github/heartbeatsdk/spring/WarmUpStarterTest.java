package io.github.heartbeatsdk.spring;

import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No client of the starter has a thread of its own: right after the context starts, every SDK
 * thread is the starter's shared executor's, its health checks', or the JVM's one warm-up
 * ({@code heartbeat-sdk-warm-up}, started by the first client, a client's no more than the
 * JVM's), which ends by itself and sends nothing.
 */
class WarmUpStarterTest {
    @StartStop
    final MockWebServer server = Receivers.alwaysOk(new MockWebServer());

    @Test
    void rightAfterTheContextStartsEverySdkThreadIsTheStartersOwn() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Path out = Files.createTempFile("warm-up-starter", ".txt");
        try {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    WarmUpStarterMain.class.getName(), server.url("/service").toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean exited = child.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly();
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(exited).as(output).isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).contains("RESULT context started=true");
            assertThat(output).as("SDK threads a client started for itself")
                    .contains("RESULT other SDK threads=[heartbeat-sdk-warm-up]");
            assertThat(output).contains("RESULT warm-up ended=true");
            assertThat(server.getRequestCount()).isZero();
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
