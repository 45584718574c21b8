package io.github.heartbeatsdk.agent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar as published: every class under the agent's package, nothing that could clash with the application's. */
class ShadedJarIT {
    @Test
    void everyClassIsRelocatedUnderTheAgentsPackage() throws Exception {
        List<String> outside = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(Child.AGENT_JAR.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    classes++;
                    if (!name.startsWith("io/github/heartbeatsdk/agent/")) {
                        outside.add(name);
                    }
                }
                if (name.startsWith("META-INF/versions/") || name.endsWith("module-info.class")
                        || name.startsWith("META-INF/services/") && !name.endsWith("/")
                        && !name.contains("heartbeatsdk.agent.shaded")) {
                    outside.add(name);
                }
            }
            assertEquals(List.of(), outside);
            assertTrue(classes > 1000, "the SDK, OkHttp, Okio, Kotlin and Jackson are inside: " + classes);
            for (String library : new String[] {"sdk/HeartbeatClient", "okhttp3/OkHttpClient", "okio/Buffer",
                    "kotlin/Unit", "jackson/core/JsonFactory"}) {
                assertNotNull(jar.getEntry("io/github/heartbeatsdk/agent/shaded/" + library + ".class"), library);
            }
            assertNotNull(jar.getEntry("io/github/heartbeatsdk/agent/shaded/sdk/heartbeat-sdk.properties"),
                    "the SDK's version resource moves with it");
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("io.github.heartbeatsdk.agent.HeartbeatAgent", manifest.getValue("Premain-Class"));
            assertEquals("io.github.heartbeatsdk.agent.HeartbeatAgent", manifest.getValue("Agent-Class"));
            assertEquals("io.github.heartbeatsdk.agent.Main", manifest.getValue("Main-Class"));
        }
    }

    @Test
    void versionAndUsage() throws Exception {
        Child version = Child.agentJar("version");
        assertEquals(0, version.exitStatus());
        assertTrue(version.stdout().matches("heartbeat-sdk-agent \\S+\\R"), version.stdout());
        assertTrue(!version.stdout().contains("dev"), "the SDK's relocated version resource is found: " + version.stdout());
        Child usage = Child.agentJar();
        assertEquals(2, usage.exitStatus());
        assertTrue(usage.stderr().startsWith("usage: java -jar heartbeat-sdk-agent.jar <command>"), usage.stderr());
        Child help = Child.agentJar("--help");
        assertEquals(0, help.exitStatus());
        assertTrue(help.stdout().contains("attach PID"), help.stdout());
    }
}
