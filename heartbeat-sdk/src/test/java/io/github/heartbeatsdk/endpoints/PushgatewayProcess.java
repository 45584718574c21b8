package io.github.heartbeatsdk.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Prometheus Pushgateway in a child process, on a free port of 127.0.0.1, memory only (no
 * persistence file), for the tests that check the endpoint against the server itself rather than
 * against our reading of its documentation.
 *
 * <p>The binary is {@code -Dheartbeat.test.pushgateway=/path}, else {@code prometheus-pushgateway}
 * (Debian's name) or {@code pushgateway} on the PATH, else {@code /usr/bin/prometheus-pushgateway}.
 * Without one the tests are skipped, saying how to install it; in CI ({@code CI=true}) they fail,
 * so a CI image that lost the package cannot pass by skipping them.
 */
final class PushgatewayProcess implements AutoCloseable {
    static final String BINARY_PROPERTY = "heartbeat.test.pushgateway";
    /** Generous: on a loaded 2-core machine a Go binary may take seconds to listen; this bounds a hang, it is no speed test. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    final int port;
    final Path log;
    private final Process process;
    private final String authorization;
    private final Thread killAtExit;

    private PushgatewayProcess(Process process, int port, Path log, String authorization) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.authorization = authorization;
        // Should the test JVM end without closing it (a crash, a timeout), the child goes too.
        this.killAtExit = new Thread(process::destroyForcibly, "pushgateway-" + port + "-killer");
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    /** The Pushgateway binary, or the test is skipped (failed in CI) with a message saying how to get one. */
    static Path binary() {
        String given = System.getProperty(BINARY_PROPERTY);
        if (given != null && !given.trim().isEmpty()) {
            Path path = Paths.get(given.trim());
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                fail("-D" + BINARY_PROPERTY + "=" + given + " is not an executable file");
            }
            return path;
        }
        List<Path> candidates = new ArrayList<>();
        String pathVariable = System.getenv("PATH");
        for (String dir : pathVariable == null ? new String[0] : pathVariable.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Paths.get(dir, "prometheus-pushgateway"));
                candidates.add(Paths.get(dir, "pushgateway"));
            }
        }
        candidates.add(Paths.get("/usr/bin/prometheus-pushgateway"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String missing = "no Prometheus Pushgateway binary (prometheus-pushgateway or pushgateway on the PATH, or"
                + " /usr/bin/prometheus-pushgateway): install it with `sudo apt-get install -y prometheus-pushgateway`"
                + " (Debian, Ubuntu) or name one with -D" + BINARY_PROPERTY + "=/path/to/pushgateway";
        if ("true".equals(System.getenv("CI"))) {
            fail(missing + "; CI=true, so the real-server tests must run, not skip");
        }
        Assumptions.assumeTrue(false, missing + "; the real-server tests are skipped");
        throw new AssertionError("unreachable");
    }

    /** Starts one on a free port with these extra flags, and waits until it answers. */
    static PushgatewayProcess start(String... flags) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            PushgatewayProcess started = startOn(freePort(), null, flags);
            if (started != null) {
                return started;
            }
            if (attempt == 3) { // the port was taken between our probe and its listen, three times over
                fail("the Pushgateway did not start on three free ports; see target/pushgateway-logs/");
            }
        }
    }

    /** Starts one on {@code port}, sending {@code authorization} with its own requests; null when it exited instead. */
    static PushgatewayProcess startOn(int port, String authorization, String... flags)
            throws IOException, InterruptedException {
        Path logs = Files.createDirectories(Paths.get("target", "pushgateway-logs"));
        Path log = Files.createTempFile(logs, "port-" + port + "-", ".log");
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.add("--web.listen-address=127.0.0.1:" + port);
        command.add("--persistence.file="); // memory only: Debian's default is a file under /var/lib
        for (String flag : flags) {
            command.add(flag);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        PushgatewayProcess pushgateway = new PushgatewayProcess(process, port, log, authorization);
        if (pushgateway.awaitReady()) {
            return pushgateway;
        }
        pushgateway.close();
        return null;
    }

    /** A Pushgateway that asks for Basic auth, {@code user} with the password whose bcrypt hash is given. */
    static PushgatewayProcess startWithBasicAuth(String user, String password, String bcryptHash)
            throws IOException, InterruptedException {
        Path config = Files.createTempFile(Files.createDirectories(Paths.get("target", "pushgateway-logs")),
                "web-config-", ".yml");
        Files.write(config, ("basic_auth_users:\n  " + user + ": " + bcryptHash + "\n").getBytes(StandardCharsets.UTF_8));
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        PushgatewayProcess started = startOn(freePort(), authorization, "--web.config.file=" + config);
        if (started == null) {
            fail("the Pushgateway with basic auth did not start; see target/pushgateway-logs/");
        }
        return started;
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    /** Polls {@code /-/ready} until any HTTP answer (a 401 too: it is up) or the process ends; fails after the timeout. */
    private boolean awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                HttpURLConnection probe = open("/-/ready");
                probe.getResponseCode();
                probe.disconnect();
                return true;
            } catch (IOException notListeningYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS); // returns at once should it exit
            }
        }
        close();
        fail("the Pushgateway on port " + port + " did not answer within " + READY_TIMEOUT + "; its log:\n" + logText());
        return false;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Every group it holds: {@code GET /api/v1/metrics}, its {@code data} array. */
    JsonNode groups() throws IOException {
        HttpURLConnection connection = open("/api/v1/metrics");
        try (InputStream in = connection.getInputStream()) {
            JsonNode answer = JSON.readTree(in);
            if (!"success".equals(answer.path("status").asText())) {
                fail("GET /api/v1/metrics answered " + answer);
            }
            return answer.get("data");
        }
    }

    /** The group with exactly these grouping labels, or null. */
    JsonNode group(Map<String, String> labels) throws IOException {
        for (JsonNode group : groups()) {
            if (labelsOf(group.get("labels")).equals(labels)) {
                return group;
            }
        }
        return null;
    }

    /** A JSON object of strings as a map. */
    static Map<String, String> labelsOf(JsonNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            labels.put(field.getKey(), field.getValue().asText());
        }
        return labels;
    }

    /** POSTs {@code text} to {@code path} as another pusher would; returns the status and body. */
    String push(String path, String text) throws IOException {
        HttpURLConnection connection = open(path);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        int code = connection.getResponseCode();
        InputStream body = code < 400 ? connection.getInputStream() : connection.getErrorStream();
        String answer = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        return (code + " " + answer.trim()).trim();
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(baseUrl() + path).openConnection();
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(10_000);
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        return connection;
    }

    String logText() throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    /** SIGTERM, then SIGKILL if it has not ended within {@link #STOP_TIMEOUT}; waits for it to end. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killAtExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
        }
    }
}
