package io.github.heartbeatsdk.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each verdict of {@link RuntimeLibraries}, on class loaders over directories that hold only the
 * resources it reads (it never loads a class, so a file standing for a class file is enough).
 */
class RuntimeLibrariesTest {
    @TempDir
    Path dir;

    private final List<URL> roots = new ArrayList<>();

    /** A library root with these files; {@code version} goes in its manifest, when not null. */
    private RuntimeLibrariesTest library(String name, String manifest, String... files) throws Exception {
        Path root = dir.resolve(name);
        for (String file : files) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.write(path, new byte[] {(byte) 0xCA, (byte) 0xFE});
        }
        if (manifest != null) {
            Files.createDirectories(root.resolve("META-INF"));
            Files.writeString(root.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\n" + manifest + "\n");
        }
        roots.add(root.toUri().toURL());
        return this;
    }

    /** OkHttp whose okhttp3/OkHttp.class holds {@code version} as its constant pool does. */
    private RuntimeLibrariesTest okhttp(String version) throws Exception {
        library("okhttp", null, "okhttp3/OkHttpClient.class");
        Files.write(dir.resolve("okhttp/okhttp3/OkHttp.class"),
                ("\u00ca\u00fe\u0001\u0000\u0005VERSION\u0001\u0000\u0006" + version + "\u0001").getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    private RuntimeLibrariesTest kotlin(String version, boolean enumEntries) throws Exception {
        return enumEntries
                ? library("kotlin", "Implementation-Title: kotlin-stdlib\nImplementation-Version: " + version + "-release-1",
                        "kotlin/Unit.class", "kotlin/enums/EnumEntriesKt.class")
                : library("kotlin", "Implementation-Title: kotlin-stdlib\nImplementation-Version: " + version + "-release-1",
                        "kotlin/Unit.class");
    }

    private RuntimeLibrariesTest okio(String version, boolean socket) throws Exception {
        return okio("okio", version, socket);
    }

    private RuntimeLibrariesTest okio(String name, String version, boolean socket) throws Exception {
        String manifest = version != null ? "Bundle-Version: " + version : null;
        return socket ? library(name, manifest, "okio/Okio.class", "okio/Buffer.class", "okio/Socket.class")
                : library(name, manifest, "okio/Okio.class", "okio/Buffer.class");
    }

    private String problem() {
        try (URLClassLoader loader = new URLClassLoader(roots.toArray(new URL[0]), null)) {
            return RuntimeLibraries.problem(loader);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void okHttp5WithItsLibrariesFits() throws Exception {
        okhttp("5.5.1").kotlin("2.1.21", true).okio("3.18.1", true);
        assertEquals("", problem());
    }

    @Test
    void okHttp5WithAnOldKotlinNamesBothVersions() throws Exception {
        okhttp("5.5.1").kotlin("1.6.21", false).okio("3.18.1", true);
        String problem = problem();
        assertTrue(problem.startsWith("heartbeat-sdk cannot send over HTTP: OkHttp 5.5.1 needs kotlin-stdlib 1.8.20 or"
                + " newer (kotlin.enums.EnumEntriesKt), but the class path has kotlin-stdlib 1.6.21."), problem);
    }

    @Test
    void aPreReleaseVersionIsNamedWhole() throws Exception {
        okhttp("5.0.0-alpha.14").kotlin("1.6.21", false).okio("3.18.1", true);
        String problem = problem();
        assertTrue(problem.startsWith("heartbeat-sdk cannot send over HTTP: OkHttp 5.0.0-alpha.14 needs kotlin-stdlib"),
                problem);
    }

    @Test
    void okHttp5WithAnOkioWithoutSocketNamesBothVersions() throws Exception {
        okhttp("5.5.1").kotlin("2.1.21", true).okio("3.6.0", false);
        String problem = problem();
        assertTrue(problem.startsWith("heartbeat-sdk cannot send over HTTP: OkHttp 5.5.1 needs Okio 3.13.0 or newer"
                + " (okio.Socket), but the class path has Okio 3.6.0 first (okio)."), problem);
        assertTrue(problem.contains("Gradle: implementation(platform(\"io.github.heartbeatsdk:heartbeat-sdk-bom:"), problem);
    }

    @Test
    void anOkio2BeforeOkio3IsNamedByItsJar() throws Exception {
        okhttp("5.5.1").kotlin("2.1.21", true).okio("okio-2.8.0", null, false).okio("okio-jvm-3.18.1", "3.18.1", true);
        String problem = problem();
        assertTrue(problem.startsWith("heartbeat-sdk cannot send over HTTP: OkHttp 5.5.1 needs Okio 3.13.0 or newer"
                + " (okio.Socket), but the class path has Okio older than 3.13 first (okio-2.8.0)."), problem);
    }

    @Test
    void okHttp4RunsOnAnOldKotlinAndAnOldOkio() throws Exception {
        okhttp("4.12.0").kotlin("1.6.21", false).okio("3.6.0", false);
        assertEquals("", problem());
    }

    @Test
    void okHttp3ByItsUserAgentIsTooOld() throws Exception {
        library("okhttp", null, "okhttp3/OkHttpClient.class", "okhttp3/internal/placeholder");
        Files.writeString(dir.resolve("okhttp/okhttp3/internal/Version.class"), "\u0001\u0000\u000cokhttp/3.14.9");
        kotlin("1.6.21", false).okio("1.17.2", false);
        String problem = problem();
        assertTrue(problem.startsWith("heartbeat-sdk cannot send over HTTP: it needs OkHttp 4.12 or newer, but the class"
                + " path has OkHttp 3.14.9 first"), problem);
    }

    @Test
    void missingKotlinOrOkioIsNamed() throws Exception {
        okhttp("5.5.1").okio("3.18.1", true);
        assertTrue(problem().contains("OkHttp needs kotlin-stdlib, and the class path has none"), problem());
        roots.clear();
        okhttp("5.5.1").kotlin("2.1.21", true);
        assertTrue(problem().contains("OkHttp needs Okio, and the class path has none"), problem());
    }

    @Test
    void withoutOkHttpTheTransportReportsTheMissingClass() throws Exception {
        kotlin("1.6.21", false);
        assertEquals("", problem());
    }

    @Test
    void theVerdictIsKeptPerClassLoader() throws Exception {
        okhttp("5.5.1").kotlin("2.1.21", true).okio("3.18.1", true);
        try (URLClassLoader loader = new URLClassLoader(roots.toArray(new URL[0]), null)) {
            RuntimeLibraries.requireCompatibleHttpStack(loader);
            Files.delete(dir.resolve("kotlin/kotlin/enums/EnumEntriesKt.class"));
            assertDoesNotThrow(() -> RuntimeLibraries.requireCompatibleHttpStack(loader), "read once, not per build()");
            try (URLClassLoader fresh = new URLClassLoader(roots.toArray(new URL[0]), null)) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> RuntimeLibraries.requireCompatibleHttpStack(fresh));
                assertTrue(e.getMessage().contains("kotlin-stdlib 2.1.21"), e.getMessage());
            }
        }
    }
}
