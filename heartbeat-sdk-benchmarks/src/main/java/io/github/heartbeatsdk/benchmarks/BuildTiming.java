package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Target 6: in a fresh JVM, how long the first {@code build()} takes and which OkHttp (or
 * Kotlin, okio, Jackson, SLF4J) classes the caller's thread loaded during it, then how long
 * until the first ping is delivered.
 *
 * <p>What counts is the caller's thread: a class another thread loads meanwhile (none does today;
 * the client's thread starts on the first signal) costs the caller nothing. So rather than ask
 * "is OkHttp loaded yet", the JVM logs every class load with the OS thread that did it ({@code -Xlog:class+load:file=<args[1]>:tid}); this main prints its own
 * thread id (Linux: {@code /proc/thread-self}) and loads {@link BuildReturned} right after
 * {@code build()}, a marker in that log. The caller's lines before the marker are what
 * {@code build()} loaded on the caller's thread.
 */
public final class BuildTiming {
    private static final String[] WATCHED = {"okhttp3.", "okio.", "kotlin.", "com.fasterxml.jackson.", "org.slf4j."};

    private BuildTiming() {
    }

    /** Loaded by the caller right after build() returns: its line in the class-load log marks the moment. */
    static final class BuildReturned {
        static void mark() {
        }
    }

    public static void main(String[] args) throws Exception {
        String tid = Files.readSymbolicLink(Paths.get("/proc/thread-self")).getFileName().toString();
        long t0 = System.nanoTime();
        HeartbeatClient heartbeat = HeartbeatClient.builder().endpoint(Endpoints.url(args[0])).build();
        long t1 = System.nanoTime();
        BuildReturned.mark();
        heartbeat.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        long t2 = System.nanoTime();
        heartbeat.close();
        System.out.println("RESULT build.ms=" + (t1 - t0) / 1e6);
        Set<String> loaded = loadedByCallerDuringBuild(Paths.get(args[1]), tid);
        System.out.println("RESULT build.loaded=" + (loaded.isEmpty() ? "none" : String.join(",", loaded)));
        System.out.println("RESULT firstPing.ms=" + (t2 - t1) / 1e6);
    }

    /** Watched packages among the classes thread {@code tid} loaded before {@link BuildReturned}. */
    static Set<String> loadedByCallerDuringBuild(Path log, String tid) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String mine = "[" + tid + "]";
        Set<String> found = new LinkedHashSet<>();
        for (String line : lines) {
            if (!line.startsWith(mine)) {
                continue;
            }
            String name = line.substring(mine.length()).trim().split(" ", 2)[0];
            if (name.equals(BuildReturned.class.getName())) {
                return found;
            }
            for (String prefix : WATCHED) {
                if (name.startsWith(prefix)) {
                    found.add(prefix + "*");
                }
            }
        }
        throw new IllegalStateException("marker class not in " + log + ": was -Xlog:class+load:file=...:tid given?");
    }
}
