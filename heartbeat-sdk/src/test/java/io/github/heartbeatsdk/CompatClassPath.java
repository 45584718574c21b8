package io.github.heartbeatsdk;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Child JVMs whose class path swaps libraries of the build for the jars in {@code target/compat-jars}
 * (copied there by the maven-dependency-plugin: one class path cannot hold two versions of an artifact).
 */
final class CompatClassPath {
    static final Path JARS = Path.of("target", "compat-jars");

    private CompatClassPath() {
    }

    /** This JVM's class path without the entries whose file name starts with one of {@code dropped}, then {@code added}. */
    static String swap(List<String> dropped, String... added) {
        List<String> kept = new ArrayList<>();
        for (String jar : added) {
            Path path = JARS.resolve(jar);
            assertTrue(Files.isRegularFile(path), path + " missing: run the build's generate-test-resources phase");
            kept.add(path.toAbsolutePath().toString());
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            boolean drop = false;
            for (String prefix : dropped) {
                drop |= name.startsWith(prefix);
            }
            if (!drop) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /** This JVM's class path with OkHttp 4.12 and the Okio and kotlin-stdlib it was released with, instead of OkHttp 5's. */
    static String okHttp4() throws Exception {
        return swap(List.of("okhttp-jvm-", "okhttp-tls-", "mockwebserver3", "okio-jvm-", "kotlin-stdlib-"),
                "okhttp-" + parentPomProperty("compat.okhttp4.version") + ".jar",
                "okio-jvm-" + parentPomProperty("compat.okhttp4-okio.version") + ".jar",
                "kotlin-stdlib-" + parentPomProperty("compat.okhttp4-kotlin.version") + ".jar");
    }

    /** Runs {@code main} with {@code args} on {@code classPath}; returns its output, failing unless it exits 0 within 60 s. */
    static String run(String classPath, List<String> jvmOptions, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("compat-child", ".txt");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                fail("child JVM did not exit: " + Files.readString(output, StandardCharsets.UTF_8));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (child.exitValue() != 0) {
                fail("child JVM exited " + child.exitValue() + ": " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** A property of the parent pom, such as {@code kotlin.version}. */
    static String parentPomProperty(String name) throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        if ("project.version".equals(name)) {
            pom = pom.substring(pom.indexOf("<artifactId>heartbeat-sdk-parent"));
            name = "version";
        }
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertTrue(m.find(), name + " missing from the parent pom");
        return m.group(1).trim();
    }
}
