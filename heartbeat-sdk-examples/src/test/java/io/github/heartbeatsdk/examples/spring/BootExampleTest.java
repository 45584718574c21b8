package io.github.heartbeatsdk.examples.spring;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spring Boot example runs offline: beats with the ext-info bean, job runs both ways, then lost. */
class BootExampleTest {
    @Test
    void theExampleShowsBeatsJobRunsAndALostService() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            BootExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);

        assertTrue(printed.contains("the report job runs every second ... seen at the receiver"), printed);
        assertTrue(find(printed, "order-service \\w{8} +alive .*orders \\S+ \\{reports-written=\\d+\\}"), printed);
        assertTrue(find(printed, "report +(up|down) .* (success|failed) in "), printed);
        assertTrue(find(printed, "marks it lost after 3 s without a beat \\.\\.\\. lost after [\\d.]+ s"), printed);
    }

    private static boolean find(String text, String regex) {
        return Pattern.compile(regex).matcher(text).find();
    }
}
