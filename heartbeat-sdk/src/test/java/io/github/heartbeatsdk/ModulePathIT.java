package io.github.heartbeatsdk;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The jar Maven packages is a real module: a modular application that only {@code requires
 * io.github.heartbeatsdk}, with the SDK and its libraries on the module path and no
 * {@code --add-modules}, pings and gets DELIVERED. Runs in the integration-test phase (failsafe),
 * after the jar exists.
 */
class ModulePathIT {
    /** Jar-name prefixes of the SDK's runtime libraries in this JVM's class path. */
    private static final List<String> RUNTIME_LIBRARIES =
            List.of("okhttp-jvm-", "okio-jvm-", "kotlin-stdlib-", "jackson-core-", "slf4j-api-");

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path work;

    @Test
    void theJarIsAMultiReleaseModuleWithJava8Classes() throws Exception {
        Path jar = sdkJar();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("true", file.getManifest().getMainAttributes().getValue("Multi-Release"));
            assertNotNull(file.getEntry("META-INF/versions/9/module-info.class"));
            assertEquals(null, file.getEntry("module-info.class"), "a root module-info would not be Java 8 bytecode");
        }
        ModuleReference sdk = ModuleFinder.of(jar).findAll().iterator().next();
        ModuleDescriptor descriptor = sdk.descriptor();
        assertEquals("io.github.heartbeatsdk", descriptor.name());
        assertTrue(!descriptor.isAutomatic(), "a real module, not an automatic one");
        assertEquals(Set.of("io.github.heartbeatsdk", "io.github.heartbeatsdk.endpoints", "io.github.heartbeatsdk.testing"),
                descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertEquals(new TreeSet<>(Set.of("java.base", "java.management", "okhttp3", "okio", "kotlin.stdlib",
                        "com.fasterxml.jackson.core", "org.slf4j")),
                descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void aModularApplicationPingsWithEverythingOnTheModulePath() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        String modulePath = modulePath();
        Path classes = compileTestModule(modulePath);

        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("--module-path");
        command.add(classes + File.pathSeparator + modulePath);
        command.add("--module");
        command.add("heartbeat.modtest/heartbeat.modtest.Main");
        command.add(server.url("/ping/module").toString());
        Path output = work.resolve("child.txt");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("child JVM did not exit: " + Files.readString(output, StandardCharsets.UTF_8));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), text);
        assertTrue(text.contains("module=io.github.heartbeatsdk"), text);
        assertTrue(text.contains("outcome=DELIVERED"), text);
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertNotNull(request, "the child's ping never arrived");
        assertEquals("/ping/module", request.getTarget());
    }

    private static Path sdkJar() {
        String property = System.getProperty("heartbeat.test.sdk-jar");
        assertNotNull(property, "heartbeat.test.sdk-jar is set by the failsafe configuration");
        Path jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), jar + " missing: run after the package phase (mvn verify)");
        return jar;
    }

    /** The SDK's jar and its runtime libraries, taken from this JVM's class path. */
    private static String modulePath() {
        List<String> entries = new ArrayList<>();
        entries.add(sdkJar().toAbsolutePath().toString());
        for (String prefix : RUNTIME_LIBRARIES) {
            List<String> matching = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (new File(entry).getName().startsWith(prefix) && entry.endsWith(".jar")) {
                    matching.add(entry);
                }
            }
            assertEquals(1, matching.size(), prefix + " on the class path: " + matching);
            entries.add(matching.get(0));
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Compiles the module heartbeat.modtest, which requires only io.github.heartbeatsdk. */
    private Path compileTestModule(String modulePath) throws Exception {
        Path source = work.resolve("src");
        Path main = source.resolve("heartbeat/modtest/Main.java");
        Files.createDirectories(main.getParent());
        Files.writeString(source.resolve("module-info.java"),
                "module heartbeat.modtest {\n    requires io.github.heartbeatsdk;\n}\n");
        Files.writeString(main, String.join("\n",
                "package heartbeat.modtest;",
                "",
                "import io.github.heartbeatsdk.DeliveryResult;",
                "import io.github.heartbeatsdk.HeartbeatClient;",
                "import io.github.heartbeatsdk.endpoints.Endpoints;",
                "import java.util.concurrent.TimeUnit;",
                "",
                "public final class Main {",
                "    public static void main(String[] args) throws Exception {",
                "        System.out.println(\"module=\" + HeartbeatClient.class.getModule().getName());",
                "        try (HeartbeatClient hb = HeartbeatClient.builder().endpoint(Endpoints.url(args[0])).build()) {",
                "            DeliveryResult result = hb.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);",
                "            System.out.println(\"outcome=\" + result.outcome() + \" \" + result);",
                "        }",
                "    }",
                "}",
                ""));
        Path classes = work.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "--module-path", modulePath, "-d", classes.toString(),
                source.resolve("module-info.java").toString(), main.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
        return classes;
    }
}
