package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Xitoring backup script in Java: archive a folder, then ping the check's URL once. Only a
 * backup that succeeded pings; when it fails, nothing is sent, and the monitor raises an
 * incident once the check's fault tolerance has passed without a ping.
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-examples -am compile exec:java \
 *     -Dexec.mainClass=io.github.heartbeatsdk.examples.BackupJobExample \
 *     -Dexec.args="https://node.xitoring.com/heartbeat/&lt;your-check-id&gt; /path/to/folder"
 * </pre>
 *
 * Arguments: the ping URL (none or {@code -}: the local demo receiver's
 * {@code http://127.0.0.1:8900/ping/backup}), then the folder to back up (none: a sample folder
 * made here). The archive goes to {@code <tmp>/heartbeat-sdk-backups/}.
 */
public final class BackupJobExample {
    private BackupJobExample() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = args.length > 1 ? Paths.get(args[1]) : sampleFolder();
        try (ExampleTarget target = ExampleTarget.endpoint(args, "http://127.0.0.1:8900/ping/backup");
             HeartbeatClient heartbeat = HeartbeatClient.builder()
                     .endpoint(Endpoints.url(target.value()))
                     .build()) {
            try {
                backupAndPing(folder, heartbeat);
            } catch (IOException e) {
                System.err.println("Backup failed, so no ping was sent: " + e);
                throw e;
            }
            heartbeat.close(); // delivers the ping now (closing twice is fine), so these stats are final
            System.out.println("Heartbeat: " + heartbeat.stats());
        }
    }

    /**
     * The job: archive {@code folder}, then ping. It takes the client as a parameter, so a test can
     * pass one built on a {@code RecordingEndpoint} and assert that the job pings.
     */
    static Path backupAndPing(Path folder, HeartbeatClient heartbeat) throws IOException {
        Path archive = archive(folder); // a failed backup throws here, before the ping
        System.out.println("Backup complete: " + archive + " (" + Files.size(archive) + " bytes)");
        heartbeat.ping();               // returns at once; delivered on the SDK's thread
        return archive;
    }

    /** Zips every file under {@code folder} into a new, timestamped archive, like {@code tar -czf}. */
    static Path archive(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) { // NoSuchFileException when the folder is missing
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path backups = Files.createDirectories(Paths.get(System.getProperty("java.io.tmpdir"), "heartbeat-sdk-backups"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss"));
        Path archive = Files.createTempFile(backups, "backup-" + stamp + "-", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            Files.deleteIfExists(archive); // no half-written backup left behind
            throw e;
        }
        return archive;
    }

    /** A folder with a couple of files to back up, for a run without arguments. */
    private static Path sampleFolder() throws IOException {
        Path folder = Files.createTempDirectory("backup-source-");
        Files.writeString(folder.resolve("orders.csv"), "id,total\n1,9.99\n2,24.50\n");
        Files.writeString(Files.createDirectories(folder.resolve("notes")).resolve("readme.txt"),
                "Backed up by heartbeat-sdk's BackupJobExample.\n");
        return folder;
    }
}
