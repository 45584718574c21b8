package io.github.heartbeatsdk.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's demo runs offline, prints what the receiver recorded, shows the service lost, and ends. */
class DemoTest {
    @Test
    void theDemoShowsBeatsAJobRunAndALostService() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Demo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);

        assertTrue(printed.contains("1. order-service beats every second over Sermant TCP ... 3 beats received"), printed);
        assertTrue(printed.contains(" ... 2 signals delivered"), printed);
        assertTrue(printed.contains("INSTANCE "), printed);
        assertTrue(printed.contains("CHECK "), printed);
        assertTrue(find(printed, "order-service \\w{8} +alive .* via tcp +application \\S+ \\{status=started\\}; "
                + "template 0\\.0\\.1 \\{greeting=Good morning!\\}"), printed);
        assertTrue(find(printed, "nightly-backup +up .* 2 +success in [\\d.]+ m?s \\(run \\w{8}\\)"), printed);
        assertTrue(find(printed, "marks it lost after 3 s without a beat \\.\\.\\. lost after [\\d.]+ s"), printed);
        assertTrue(find(printed, "order-service \\w{8} +lost "), printed);
        assertTrue(printed.contains("Done in "), printed);
    }

    private static boolean find(String text, String regex) {
        return Pattern.compile(regex).matcher(text).find();
    }
}
