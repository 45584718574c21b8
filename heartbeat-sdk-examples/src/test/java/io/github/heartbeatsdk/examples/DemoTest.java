package io.github.heartbeatsdk.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's demo runs offline and shows the ping arriving. */
class DemoTest {
    @Test
    void demoPingsTheLocalReceiver() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Demo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("DeliveryResult{DELIVERED, status=200, attempts=1}"), printed);
        assertTrue(printed.contains("Receiver got:    GET /heartbeat/demo-check-id (User-Agent: heartbeat-sdk/"), printed);
    }
}
