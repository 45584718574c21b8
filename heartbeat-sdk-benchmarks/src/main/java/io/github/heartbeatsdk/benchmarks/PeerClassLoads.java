package io.github.heartbeatsdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The classes a first delivery loads, from a child's class-load log ({@code -Xlog:class+load}):
 * those loaded, by any thread, between {@link PeerChild.Start} (right before {@code t0}) and
 * {@link PeerChild.Delivered} (right after the client said the request was done), grouped by who
 * they belong to. That tells what part of a first arrival is OkHttp's, the TLS set-up's or the
 * client's own. TLS is {@code sun.security.}, {@code javax.net.ssl.}, {@code com.sun.crypto.} and
 * {@code java.security.}; "other JDK" the rest of {@code java.}, {@code javax.}, {@code jdk.},
 * {@code sun.}, {@code com.sun.} and {@code org.jcp.}; "other" the harness's own and anything else.
 */
final class PeerClassLoads {
    /** The rest of the JDK: collections, concurrency, {@code java.lang.invoke}, sockets, {@code javax.crypto}... */
    private static final String JDK = "java., javax., jdk., sun., com.sun., org.jcp.";
    /** Column names, in order; a class falls into the first group whose prefix it has. */
    static final String[] GROUPS = {"okhttp3.", "okio.", "kotlin.", "TLS", "com.fasterxml.jackson.", "org.slf4j.",
            "io.github.heartbeatsdk.", "io.sentry.", "io.cronitor., org.apache.", JDK, "other"};
    private static final String[] TLS = {"sun.security.", "javax.net.ssl.", "com.sun.crypto.", "java.security."};
    private static final String HARNESS = "io.github.heartbeatsdk.benchmarks.";

    final int[] counts = new int[GROUPS.length];
    int total;
    int fromCds;
    int wholeProcess;

    private PeerClassLoads() {
    }

    /** The JVM option that writes the log this class reads. */
    static String jvmArg(Path log) {
        return "-Xlog:class+load:file=" + log + ":uptime,tid";
    }

    static PeerClassLoads read(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        PeerClassLoads loads = new PeerClassLoads();
        String start = PeerChild.Start.class.getName();
        String delivered = PeerChild.Delivered.class.getName();
        boolean inside = false;
        boolean sawEnd = false;
        for (String line : lines) {
            int close = line.indexOf("] ");
            if (close < 0) {
                continue;
            }
            String rest = line.substring(close + 2);
            int space = rest.indexOf(' ');
            String name = space < 0 ? rest : rest.substring(0, space);
            loads.wholeProcess++;
            if (name.equals(start)) {
                inside = true;
                continue;
            }
            if (name.equals(delivered)) {
                inside = false;
                sawEnd = true;
                continue;
            }
            if (!inside) {
                continue;
            }
            loads.total++;
            if (rest.contains("source: shared objects file")) {
                loads.fromCds++;
            }
            loads.counts[group(name)]++;
        }
        if (!sawEnd) {
            throw new IllegalStateException("no " + delivered + " in " + log + ": did the child run its first mode?");
        }
        return loads;
    }

    static int group(String name) {
        if (name.startsWith(HARNESS)) {
            return GROUPS.length - 1;
        }
        for (String prefix : TLS) {
            if (name.startsWith(prefix)) {
                return 3;
            }
        }
        for (int i = 0; i < GROUPS.length - 1; i++) {
            for (String prefix : GROUPS[i].split(", ")) {
                if (name.startsWith(prefix)) {
                    return i;
                }
            }
        }
        return GROUPS.length - 1;
    }

    /** The table's header: one column per group. */
    static String header() {
        StringBuilder t = new StringBuilder("| client | scheme | loaded for the first delivery | of them from the CDS archive");
        for (String group : GROUPS) {
            t.append(" | ").append(group.equals("TLS") || group.equals("other") ? group
                    : group.equals(JDK) ? "other JDK" : "`" + group + "`");
        }
        t.append(" | whole process |\n|---|---|---|---");
        t.append("|---".repeat(GROUPS.length)).append("|---|\n");
        return t.toString();
    }

    String row(String client, String scheme) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %d | %d", client, scheme, total, fromCds));
        for (int count : counts) {
            t.append(" | ").append(count);
        }
        return t.append(" | ").append(wholeProcess).append(" |\n").toString();
    }
}
