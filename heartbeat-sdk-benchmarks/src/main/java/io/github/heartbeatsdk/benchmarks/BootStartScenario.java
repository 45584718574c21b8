package io.github.heartbeatsdk.benchmarks;

import io.github.heartbeatsdk.demo.DemoReceiver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the Spring Boot starter adds to an application's start: {@value #PAIRS} pairs of fresh
 * JVMs, one with the starter configured and one with it excluded, run alternately (so the
 * machine's other load falls on both alike) against the local demo receiver; prints the medians
 * and writes them to {@code target/bench/boot-start.md}.
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-benchmarks -am -DskipTests compile exec:exec@boot-start
 * </pre>
 */
public final class BootStartScenario {
    static final int PAIRS = 11;

    private BootStartScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get("target", "bench");
        Files.createDirectories(out);
        ChildJvm jvm = new ChildJvm(out.resolve("children.log"));
        List<Double> withRun = new ArrayList<>();
        List<Double> withoutRun = new ArrayList<>();
        List<Double> withClose = new ArrayList<>();
        List<Double> withoutClose = new ArrayList<>();
        try (DemoReceiver receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0))) {
            List<String> with = List.of("with", receiver.sermantUri(), receiver.httpUrl("/hc/nightly"));
            List<String> without = List.of("without", "-", "-");
            jvm.run(BootStartChild.class, List.of(), with); // warms the file cache; not counted
            for (int i = 0; i < PAIRS; i++) {
                var a = ChildJvm.parse(jvm.run(BootStartChild.class, List.of(), with));
                var b = ChildJvm.parse(jvm.run(BootStartChild.class, List.of(), without));
                withRun.add(Double.parseDouble(a.get("runMillis")));
                withClose.add(Double.parseDouble(a.get("closeMillis")));
                withoutRun.add(Double.parseDouble(b.get("runMillis")));
                withoutClose.add(Double.parseDouble(b.get("closeMillis")));
                System.err.printf(Locale.ROOT, "pair %d: run %.0f vs %.0f ms%n", i + 1, withRun.get(i), withoutRun.get(i));
            }
        }
        List<Double> added = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            added.add(withRun.get(i) - withoutRun.get(i));
        }
        String table = String.format(Locale.ROOT, "| Spring Boot %s, non-web, JDK %s, %d pairs | without the starter | with it"
                        + " (Sermant beats + one job check) | added (median of the pairs' differences) |%n"
                        + "|---|---|---|---|%n"
                        + "| SpringApplication.run, median | %.0f ms | %.0f ms | %.0f ms |%n"
                        + "| context close, median | %.0f ms | %.0f ms | |%n",
                org.springframework.boot.SpringBootVersion.getVersion(), System.getProperty("java.specification.version"),
                PAIRS, median(withoutRun), median(withRun), median(added), median(withoutClose), median(withClose));
        System.out.print(table);
        Files.write(out.resolve("boot-start.md"), table.getBytes(StandardCharsets.UTF_8));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
