package io.github.heartbeatsdk.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review findings in the settings. */
class AgentReviewTest {
    /**
     * AgentSettings.load promises "IllegalArgumentException for ... a file that cannot be read,
     * naming it"; a file with a malformed backslash-u escape fails with Properties' bare
     * "Malformed \\uxxxx encoding." and no file name, so the one stderr line does not say which file.
     */
    @Test
    void aConfigFileWithAMalformedEscapeIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("heartbeat.properties");
        Files.writeString(file, "heartbeat.service=C:\\users\\orders\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentSettings.load(AgentSettings.parseOptions("config=" + file), new Properties(), Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith("cannot read heartbeat configuration file " + file), e.getMessage());
    }
}
