package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.transport.WarmUpFailedBuildMain;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The warm-up starts inside {@code build()}, once the settings are checked: a {@code build()} that
 * throws, wherever and however, leaves no thread, no client counted open and no second warm-up,
 * and does not cut short the warm-up of a build beside it. Each case in a fresh JVM
 * ({@link WarmUpFailedBuildMain}); the security-manager cases run on JDK 17 only (JDK 24 and later
 * cannot enable one).
 */
class WarmUpFailedBuildTest {
    private static final String CLASSPATH = System.getProperty("java.class.path");

    @StartStop
    final MockWebServer server = new MockWebServer();

    /**
     * A blank ext-info plugin name, by a key or by a configuration's own {@code extInfo()}, is a
     * bad setting: build() throws before the warm-up starts, and nothing is left counted or running.
     */
    @Test
    void aBadExtInfoPluginNameIsASettingAndStartsNoWarmUp() throws Exception {
        String output = CompatClassPath.run(CLASSPATH, List.of(), WarmUpFailedBuildMain.class, "blank-plugin",
                server.url("/never").toString());

        assertTrue(output.contains("RESULT threw=true"), output);
        assertTrue(output.contains("RESULT warm-up started=false"), "a build that threw on its settings: " + output);
        assertTrue(output.contains("RESULT warm-up pinged=false"), output);
        assertTrue(output.contains("RESULT still counted open=false"), output);
        assertEquals(List.of(), lines(output, "RESULT thread after failed build:"), "threads left by a failed build()");
        assertEquals(0, server.getRequestCount());
    }

    /**
     * A build() that fails once its transport is made (the shutdown hook refused) closes it: after
     * the last close() of the clients the application got, the warm-up neither connects to itself
     * nor sends its throwaway ping, and leaves no OkHttp thread.
     */
    @Test
    void aBuildThatFailsOnceItsPartsAreMadeLeavesNothingCountedOpen() throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "needs a security manager");
        String output = CompatClassPath.run(CLASSPATH, List.of("-Djava.security.manager=allow"),
                WarmUpFailedBuildMain.class, "leak-after-close", server.url("/never").toString());

        assertTrue(output.contains("RESULT second build threw"), output);
        assertTrue(output.contains("RESULT every client closed, still counted open=false"), output);
        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertTrue(output.contains("RESULT warm-up pinged after close=false"), output);
        assertEquals(List.of(), lines(output, "RESULT thread after close:"), "threads left after the last close()");
    }

    /**
     * A caller whose interrupt status is set (a cancelled task) and whose build() throws after the
     * start: build() still waits for the warm-up to end, keeps the interrupt, and the next build()
     * starts no second warm-up beside a running one.
     */
    @Test
    void anInterruptedBuildThatThrowsAfterTheStartLeavesNoThreadAndNoSecondWarmUp() throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "needs a security manager");
        String output = CompatClassPath.run(CLASSPATH, List.of("-Djava.security.manager=allow"),
                WarmUpFailedBuildMain.class, "interrupted-failure", server.url("/never").toString());

        assertTrue(output.contains("RESULT interrupt kept=true"), output);
        assertTrue(output.contains("RESULT after the failed build, warm-up alive=false"), output);
        assertTrue(output.contains("RESULT two warm-ups at once=false"), output);
        assertEquals(0, server.getRequestCount());
    }

    /**
     * Two builds of one kind side by side: the first starts the warm-up and throws after the
     * start; the second found it started and is still making its parts. The second counts as a
     * client being built, so the warm-up goes on and warms up for it.
     */
    @Test
    void aFailedBuildBesideOneThatSucceedsDoesNotCutTheOthersWarmUpShort() throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "needs a security manager");
        String output = CompatClassPath.run(CLASSPATH, List.of("-Djava.security.manager=allow"),
                WarmUpFailedBuildMain.class, "parallel-cut-short", server.url("/never").toString());

        assertTrue(output.contains("RESULT first build threw"), output);
        assertTrue(output.contains("RESULT second client built=true"), output);
        assertTrue(output.contains("RESULT warm-up ended=true"), output);
        assertTrue(output.contains("RESULT the built client was warmed up=true"), output);
        assertEquals(0, server.getRequestCount());
    }

    private static List<String> lines(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).collect(Collectors.toList());
    }
}
