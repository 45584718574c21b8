package io.github.heartbeatsdk.benchmarks;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What the scenarios measure with: the JVM's own counters (thread allocation and CPU time, heap
 * after GC, live threads, the class histogram) and the {@code RESULT key=value} lines that carry
 * the numbers to {@link BenchAll}.
 */
final class Probe {
    static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Probe() {
    }

    static void result(String key, Object value) {
        System.out.println("RESULT " + key + "=" + value);
    }

    static Thread sdkThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().matches("heartbeat-sdk-\\d+")) {
                return t;
            }
        }
        return null;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static void control(String url) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        try (InputStream in = connection.getInputStream()) {
            while (in.read() >= 0) {
                // drain
            }
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static List<Thread> newThreads(Set<Thread> before) {
        List<Thread> fresh = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive()) {
                fresh.add(t);
            }
        }
        fresh.sort((x, y) -> x.getName().compareTo(y.getName()));
        return fresh;
    }

    static long count(List<Thread> threads, String prefix) {
        return threads.stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    static long countNonDaemon(List<Thread> threads) {
        return threads.stream().filter(t -> !t.isDaemon()).count();
    }

    static String describe(List<Thread> threads) {
        if (threads.isEmpty()) {
            return "[]";
        }
        List<String> names = new ArrayList<>();
        for (Thread t : threads) {
            names.add(t.getName() + (t.isDaemon() ? "" : " (non-daemon)"));
        }
        return names.toString();
    }

    /** The top of a live-object class histogram (jcmd GC.class_histogram), from inside the JVM. */
    static String histogram(int lines) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String text = (String) server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String[] all = text.split("\n");
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < Math.min(lines, all.length); i++) {
            top.append(all[i]).append('\n');
        }
        top.append(all[all.length - 1]).append('\n');
        return top.toString();
    }
}
