package io.github.heartbeatsdk.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Review findings: each test shows a promise of docs/agent.md that does not hold. */
class AgentReviewIT {
    private final List<AutoCloseable> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws Exception {
        for (AutoCloseable child : children) {
            child.close();
        }
    }

    private Child track(Child child) {
        children.add(child);
        return child;
    }

    private static List<String> lines(Child app) throws Exception {
        return app.stderr().lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * An option given without "endpoint=" (an Uptime Kuma push URL has "?status=up") is read as a
     * key up to its '=': the SDK's unknown-key error then prints that key, secret path and all.
     * "It never shows a secret ... errors name the setting, never its value."
     */
    @Test
    void aUrlGivenWithoutItsKeyNeverShowsItsSecret() throws Exception {
        Child app = track(Child.java(List.of(
                        Child.agentOption("https://kuma.example/api/push/SECRET-TOKEN-1234?status=up&msg=OK"),
                        "-Dheartbeat.endpoint=sermant://127.0.0.1:6888"),
                Child.appClassPath(), SleepingApp.class, "200"));
        assertEquals(0, app.exitStatus());
        List<String> lines = lines(app);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[heartbeat-agent] ERROR not started: "), lines.get(0));
        assertFalse(lines.get(0).contains("SECRET"), lines.get(0));
    }

    /**
     * config= naming something that never ends (a device, a log or dump by mistake) is read whole
     * into the application's heap: the agent's thread runs the JVM out of memory, and with
     * -XX:+ExitOnOutOfMemoryError (usual in containers) the application dies with status 3.
     * "It never fails the start ... a file that cannot be read ... is one line on standard error."
     */
    @Test
    void aConfigFileThatNeverEndsDoesNotKillTheApplication() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
        Child app = track(Child.java(List.of(Child.agentOption("config=/dev/zero"), "-Xmx64m",
                "-XX:+ExitOnOutOfMemoryError"), Child.appClassPath(), SleepingApp.class, "3000"));
        assertEquals(0, app.exitStatus(), () -> {
            try {
                return "the application was killed; stderr:\n" + app.stderr();
            } catch (Exception e) {
                return e.toString();
            }
        });
        assertTrue(app.stdout().contains("app done"), app.stdout());
        List<String> lines = lines(app);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("[heartbeat-agent] ERROR not started: "), lines.get(0));
        assertFalse(lines.get(0).contains("OutOfMemoryError"), lines.get(0));
    }

    /**
     * A misspelt key is reported as "no endpoint" (the agent's own check runs before the SDK's
     * unknown-key check), so the one line points away from the mistake instead of naming it.
     */
    @Test
    void aMisspeltEndpointKeyIsNamedNotReportedAsNoEndpoint() throws Exception {
        Child app = track(Child.java(List.of(Child.agentOption("endpont=sermant://127.0.0.1:6888")),
                Child.appClassPath(), SleepingApp.class, "200"));
        assertEquals(0, app.exitStatus());
        List<String> lines = lines(app);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("heartbeat.endpont (did you mean heartbeat.endpoint?)"), lines.get(0));
        assertTrue(lines.get(0).contains("; the agent's own options: config, log-level, jvm-info;"), lines.get(0));
    }
}
