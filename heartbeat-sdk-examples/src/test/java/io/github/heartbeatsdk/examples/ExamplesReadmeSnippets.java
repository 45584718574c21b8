package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.demo.DemoReceiver;
import io.github.heartbeatsdk.testing.RecordingEndpoint;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Java snippets of heartbeat-sdk-examples/README.md, compiled; DocSnippetsTest keeps the page equal to them. */
final class ExamplesReadmeSnippets {
    private ExamplesReadmeSnippets() {
    }

    static void testYourJob(Path folder) throws Exception {
        // snippet: testYourJob
        RecordingEndpoint recorder = new RecordingEndpoint();
        try (HeartbeatClient heartbeat = HeartbeatClient.builder().endpoint(recorder).build()) {
            BackupJobExample.backupAndPing(folder, heartbeat);
        }
        assertEquals(List.of(SignalKind.PING), recorder.kinds());
        // end snippet
    }

    static void demoReceiver() throws Exception {
        // snippet: demoReceiver
        try (DemoReceiver receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0))) {
            // point a client at receiver.httpUrl("/ping/backup") or receiver.sermantUri(), then:
            System.out.print(receiver.summary());
        }
        // end snippet
    }
}
