package io.github.heartbeatsdk.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts mains in fresh JVMs with this JVM's java and class path ({@code java -cp <class path>}),
 * so children load exactly what the benchmark was built with. Standard output goes to a temporary
 * file and is returned; standard error, and a copy of the output, go to {@code children.log}.
 */
final class ChildJvm {
    private final String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    private final String classPath;
    private final Path log;

    ChildJvm(Path log) {
        this(log, System.getProperty("java.class.path"));
    }

    /** Children get {@code classPath} instead: an application that is not the benchmark's class path. */
    ChildJvm(Path log, String classPath) {
        this.log = log;
        this.classPath = classPath;
    }

    /** Starts {@code main} and returns at once. */
    Running start(Class<?> main, List<String> jvmArgs, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(args);
        File stdout = File.createTempFile("bench-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long launchNanos = System.nanoTime();
        long launchMillis = System.currentTimeMillis();
        Process process = builder.start();
        return new Running(process, stdout, main.getSimpleName() + " " + args, launchNanos, launchMillis);
    }

    /** Runs {@code main} to its end; returns its standard output, or throws when it failed. */
    String run(Class<?> main, List<String> jvmArgs, List<String> args) throws Exception {
        return start(main, jvmArgs, args).finish();
    }

    /** The {@code RESULT key=value} lines of a child's output. */
    static Map<String, String> parse(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                int eq = line.indexOf('=');
                values.put(line.substring(7, eq), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    /** A child JVM that may still be running. */
    final class Running {
        private final Process process;
        private final File stdout;
        private final String label;
        private final long launchNanos;
        private final long launchMillis;
        private volatile long exitedNanos;

        Running(Process process, File stdout, String label, long launchNanos, long launchMillis) {
            this.process = process;
            this.stdout = stdout;
            this.label = label;
            this.launchNanos = launchNanos;
            this.launchMillis = launchMillis;
        }

        /** {@link System#nanoTime()} right before the process was started. */
        long launchNanos() {
            return launchNanos;
        }

        /** {@link System#currentTimeMillis()} right before the process was started. */
        long launchMillis() {
            return launchMillis;
        }

        /** {@link System#nanoTime()} right after {@link Process#waitFor} saw the child end (0 before {@link #finish}). */
        long exitedNanos() {
            return exitedNanos;
        }

        /** Closes the child's standard input: a child that reads it to its end then goes on. */
        void closeInput() throws IOException {
            process.getOutputStream().close();
        }

        /** Waits until the child has printed {@code RESULT key=...} (or ended), at most {@code seconds}. */
        void awaitResult(String key, int seconds) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                if (parse(read()).containsKey(key) || !process.isAlive()) {
                    return;
                }
                Thread.sleep(100);
            }
        }

        private String read() throws IOException {
            return new String(Files.readAllBytes(stdout.toPath()), StandardCharsets.UTF_8);
        }

        /** Waits for the end (at most 5 minutes) and returns the standard output. */
        String finish() throws Exception {
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(label + " did not finish in 5 minutes");
                }
                exitedNanos = System.nanoTime();
                String text = read();
                Files.write(log, ("== " + label + " exit " + process.exitValue() + "\n" + text)
                        .getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(label + " exited with " + process.exitValue() + "; see " + log);
                }
                return text;
            } finally {
                Files.deleteIfExists(stdout.toPath());
            }
        }
    }
}
