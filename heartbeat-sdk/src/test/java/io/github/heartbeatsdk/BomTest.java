package io.github.heartbeatsdk;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BOM pins exactly the versions the build tests with. */
class BomTest {
    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertTrue(m.find(), name + " missing");
        return m.group(1).trim();
    }

    @Test
    void theBomsVersionsAreTheBuildsVersions() throws Exception {
        String parent = Files.readString(Path.of("..", "pom.xml"));
        String bom = Files.readString(Path.of("..", "heartbeat-sdk-bom", "pom.xml"));
        for (String name : new String[] {"okhttp.version", "okio.version", "kotlin.version", "jackson.version"}) {
            assertEquals(property(parent, name), property(bom, name), name);
        }
        assertEquals(property(parent.substring(parent.indexOf("<artifactId>heartbeat-sdk-parent")), "version"),
                property(bom.substring(bom.indexOf("<artifactId>heartbeat-sdk-bom")), "version"), "project version");
    }
}
