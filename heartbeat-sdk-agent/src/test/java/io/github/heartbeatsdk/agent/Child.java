package io.github.heartbeatsdk.agent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A child process of the tests, its output in files; every wait is bounded. */
final class Child implements AutoCloseable {
    static final Path AGENT_JAR = Path.of(System.getProperty("heartbeat.test.agent-jar", "target/heartbeat-sdk-agent.jar"));
    static final Path COMPAT_JARS = Path.of(System.getProperty("heartbeat.test.compat-jars", "target/compat-jars"));
    static final String JAVA = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    static final Duration WAIT = Duration.ofSeconds(60);

    final Process process;
    private final List<String> command;
    private final Path out;
    private final Path err;

    private Child(Process process, List<String> command, Path out, Path err) {
        this.process = process;
        this.command = command;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code command} with {@code environment} added to this process's own. */
    static Child start(List<String> command, Map<String, String> environment) throws IOException {
        assertTrue(Files.isRegularFile(AGENT_JAR), AGENT_JAR + " missing: the ITs run after package");
        Path out = Files.createTempFile("child", ".out");
        Path err = Files.createTempFile("child", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("HEARTBEAT_"));
        builder.environment().putAll(environment);
        return new Child(builder.start(), command, out, err);
    }

    /** {@code java <jvmOptions> -cp <classPath> <main> <args>}. */
    static Child java(List<String> jvmOptions, String classPath, Class<?> main, String... args) throws IOException {
        return java(jvmOptions, Map.of(), classPath, main, args);
    }

    static Child java(List<String> jvmOptions, Map<String, String> environment, String classPath, Class<?> main,
                      String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(Arrays.asList(args));
        return start(command, environment);
    }

    /** {@code java -jar <agent jar> <args>}. */
    static Child agentJar(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", AGENT_JAR.toString()));
        command.addAll(Arrays.asList(args));
        return start(command, Map.of());
    }

    /** The test classes only: the applications of these tests need nothing else, unless given {@code jars}. */
    static String appClassPath(String... jars) {
        List<String> entries = new ArrayList<>();
        entries.add(Path.of(System.getProperty("heartbeat.test.classes", "target/test-classes")).toAbsolutePath().toString());
        for (String jar : jars) {
            Path path = COMPAT_JARS.resolve(jar);
            assertTrue(Files.isRegularFile(path), path + " missing: run the build's generate-test-resources phase");
            entries.add(path.toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    static String agentOption(String options) {
        return "-javaagent:" + AGENT_JAR + (options.isEmpty() ? "" : "=" + options);
    }

    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits for its exit; fails (killing it) unless it exits within {@link #WAIT}. */
    int exitStatus() throws Exception {
        if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("still running after " + WAIT + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** Waits until stdout holds {@code text}; fails unless it does within {@link #WAIT}. */
    void awaitOutput(String text) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!stdout().contains(text)) {
            if (System.nanoTime() > end || !process.isAlive() && !stdout().contains(text)) {
                fail("no '" + text + "' in stdout of " + command + ":\n" + stdout() + "\nstderr:\n" + stderr());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
