package io.github.heartbeatsdk;

import io.github.heartbeatsdk.testing.RecordingEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A job name reaches log lines and backends: no control characters, at most 256 characters. */
class JobNameTest {
    @RegisterExtension
    final VirtualTimeClients clients = new VirtualTimeClients();
    final RecordingEndpoint recorder = new RecordingEndpoint();

    @ParameterizedTest
    @ValueSource(strings = {"backup\r\nINFO forged log line", "nightly\nreport", "tab\tname", "nul\u0000", "del\u007f",
            "c1\u0085next", "line\u2028separator"})
    void controlCharactersAreRefusedByPositionNotContent(String name) { // the exact message: the name is not in it
        HeartbeatClient client = clients.client(recorder);
        int at = firstControl(name);
        for (Runnable call : new Runnable[] {
                () -> client.startJob(name), () -> client.run(name, () -> { }), () -> callJob(client, name)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
            assertEquals("job name must not contain control characters or line breaks, got one at index " + at,
                    e.getMessage());
        }
        assertTrue(recorder.signals().isEmpty(), "nothing was sent");
    }

    private static int firstControl(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028') {
                return i;
            }
        }
        throw new AssertionError(name);
    }

    private static void callJob(HeartbeatClient client, String name) {
        try {
            client.call(name, (Callable<Object>) () -> null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void namesAreCappedAt256Characters() {
        HeartbeatClient client = clients.client(recorder);
        client.startJob("j".repeat(256)).success();

        IllegalArgumentException longer = assertThrows(IllegalArgumentException.class,
                () -> client.startJob("j".repeat(257)));
        assertEquals("job name must be at most 256 characters, got 257", longer.getMessage());
        IllegalArgumentException megabyte = assertThrows(IllegalArgumentException.class,
                () -> client.run("x".repeat(1 << 20), () -> { }));
        assertEquals("job name must be at most 256 characters, got 1048576", megabyte.getMessage());
    }

    @Test
    void blankAndNullNamesAreRefusedAsBefore() {
        HeartbeatClient client = clients.client(recorder);
        assertEquals("name == null", assertThrows(NullPointerException.class, () -> client.startJob(null)).getMessage());
        assertEquals("job name must not be blank, got '  '",
                assertThrows(IllegalArgumentException.class, () -> client.startJob("  ")).getMessage());
    }
}
