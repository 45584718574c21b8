package io.github.heartbeatsdk.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's console logger: its levels, its format, and the switch that keeps SLF4J out. */
@Isolated
class ConsoleLogTest {
    private final PrintStream originalErr = System.err;

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        LazyLogger.useOnly(null);
    }

    private static String capture(Runnable logging) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        System.setErr(new PrintStream(bytes, true));
        try {
            logging.run();
        } finally {
            System.setErr(previous);
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void writesEveryLineAtOrAboveItsLevel() {
        ConsoleLog warn = ConsoleLog.parse("[agent]", "WARN");
        String out = capture(() -> {
            warn.debug("d {}", 1);
            warn.info("i {}", 2);
            warn.warn("w {}", 3);
            warn.warn("w {}", 3);
            warn.error("e {} {}", 4, "x");
        });
        assertEquals("[agent] WARN w 3\n[agent] WARN w 3\n[agent] ERROR e 4 x\n", out.replace("\r", ""));
        assertFalse(warn.isDebugEnabled());
        assertFalse(warn.isInfoEnabled());
        assertTrue(ConsoleLog.parse("p", " debug ").isDebugEnabled());
        assertEquals("", capture(() -> ConsoleLog.parse("p", "off").error("never")));
    }

    @Test
    void aTrailingThrowableAddsItsClassNotItsMessage() {
        String out = capture(() -> ConsoleLog.parse("p", "info")
                .warn("delivery failed: {}", "timeout", new IOException("https://secret.example/token")));
        assertEquals("p WARN delivery failed: timeout (java.io.IOException)\n", out.replace("\r", ""));
    }

    @Test
    void unknownLevelsNameTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsoleLog.parse("p", "loud"));
        assertEquals("log level must be one of off, error, warn, info, debug, got 'loud'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConsoleLog.parse("p", null));
    }

    @Test
    void useOnlyRoutesLoggersLookedUpBeforeAndAfter() {
        LazyLogger before = new LazyLogger(ConsoleLogTest.class);
        SdkLog slf4j = before.get();
        ConsoleLog console = ConsoleLog.parse("p", "warn");
        LazyLogger.useOnly(console);
        assertSame(console, before.get());
        assertSame(console, new LazyLogger(String.class).get());
        LazyLogger.useOnly(null);
        assertSame(slf4j, before.get());
    }
}
