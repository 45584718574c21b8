package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.demo.CheckView;
import io.github.heartbeatsdk.demo.DemoReceiver;
import io.github.heartbeatsdk.demo.ReceivedSignal;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The backup pings once when it succeeded, and not at all when it failed. */
class BackupJobExampleTest {
    @TempDir
    Path folder;
    private DemoReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0));
        Files.writeString(folder.resolve("orders.csv"), "id,total\n1,9.99\n");
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aBackupThatSucceededPingsTheCheckOnce() throws Exception {
        BackupJobExample.main(new String[] {receiver.httpUrl("/ping/backup"), folder.toString()});

        assertEquals(List.of("http PING backup"), texts(receiver.state().signals()));
        assertEquals(CheckView.Status.UP, receiver.state().check("backup").status());
    }

    @Test
    void aBackupThatFailedDoesNotPing() {
        String[] args = {receiver.httpUrl("/ping/backup"), folder.resolve("missing").toString()};

        assertThrows(NoSuchFileException.class, () -> BackupJobExample.main(args));

        // main has closed its client, so a ping would have been delivered by now
        assertEquals(List.of(), receiver.state().signals());
    }

    /** How you test your own job: hand it a client on a RecordingEndpoint, no server needed. */
    @Test
    void withTheSdksRecordingEndpointAJobIsTestedWithoutAServer() throws Exception {
        RecordingEndpoint recorder = new RecordingEndpoint();
        Path archive;
        try (HeartbeatClient heartbeat = HeartbeatClient.builder().endpoint(recorder).build()) {
            archive = BackupJobExample.backupAndPing(folder, heartbeat);
        }
        assertEquals(List.of(SignalKind.PING), recorder.kinds());
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertEquals("orders.csv", zip.entries().nextElement().getName());
        } finally {
            Files.delete(archive);
        }

        recorder.clear();
        try (HeartbeatClient heartbeat = HeartbeatClient.builder().endpoint(recorder).build()) {
            assertThrows(NoSuchFileException.class, () -> BackupJobExample.backupAndPing(folder.resolve("missing"), heartbeat));
        }
        assertEquals(List.of(), recorder.kinds());
    }

    static List<String> texts(List<ReceivedSignal> signals) {
        return signals.stream().map(ReceivedSignal::toString).toList();
    }
}
