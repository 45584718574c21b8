package io.github.heartbeatsdk.agent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {
    private static final String SECRET = "healthchecks+https://hc-ping.com/0a1b2c3d-secret";

    private static CommandLine parse(String command, String... args) throws CommandLine.UsageException {
        return CommandLine.parse(command, args);
    }

    private static String refused(String command, String... args) {
        return assertThrows(CommandLine.UsageException.class, () -> CommandLine.parse(command, args)).getMessage();
    }

    @Test
    void runTakesItsFlagsBeforeTheDashesAndTheCommandAfterThemUntouched() throws Exception {
        CommandLine line = parse("run", "--endpoint", SECRET, "--name=backup", "--", "sh", "-c", "echo --name x", "--");
        assertEquals(Arrays.asList("sh", "-c", "echo --name x", "--"), line.argv);
        assertEquals("backup", line.flag("--name"));
        assertEquals(SECRET, line.settingsOptions().get("heartbeat.endpoint"));
        assertNull(line.every);
    }

    @Test
    void runWithoutTheDashesIsRefused() {
        assertTrue(refused("run", "backup.sh").contains("put -- before the command"));
        assertTrue(refused("run", "--name", "x").contains("put -- before the command"));
        assertTrue(refused("run", "--").contains("no command after --"));
    }

    @Test
    void anUnknownFlagIsNamedAndItsCommandsFlagsListed() {
        String message = refused("run", "--endpiont", "x", "--", "true");
        assertTrue(message.contains("unknown option --endpiont"), message);
        assertTrue(message.contains("--endpoint"), message);
        assertTrue(refused("ping", "--every", "5m").contains("unknown option --every"));
        assertTrue(refused("start", "--run-id", "x").contains("unknown option --run-id"));
    }

    @Test
    void flagValuesNeverAppearInMessages() {
        String twice = refused("run", "--endpoint", SECRET, "--endpoint", SECRET, "--", "true");
        assertTrue(twice.contains("--endpoint is given twice"), twice);
        assertFalse(twice.contains("secret"), twice);
        String both = refused("ping", "--endpoint", SECRET, SECRET);
        assertFalse(both.contains("secret"), both);
        assertTrue(refused("run", "--endpoint").contains("--endpoint needs a value"));
        assertTrue(refused("run", "--endpoint", "--", "true").contains("--endpoint needs a value"));
    }

    @Test
    void pingTakesTheEndpointAsItsArgument() throws Exception {
        assertEquals(SECRET, parse("ping", SECRET).settingsOptions().get("heartbeat.endpoint"));
        assertNull(parse("ping").settingsOptions().get("heartbeat.endpoint"));
        assertTrue(refused("ping", "a", "b").contains("at most one argument"));
    }

    @Test
    void ownSettingsMapOntoTheAgentKeys() throws Exception {
        CommandLine line = parse("success", "--config", "/etc/hb.properties", "--log-level", "debug", "--run-id", "r1", "done");
        assertEquals("/etc/hb.properties", line.settingsOptions().get(AgentSettings.CONFIG));
        assertEquals("debug", line.settingsOptions().get(AgentSettings.LOG_LEVEL));
        assertEquals("r1", line.flag("--run-id"));
        assertEquals(Arrays.asList("done"), line.positional);
    }

    @Test
    void logNeedsItsTextAndStartTakesNone() throws Exception {
        assertTrue(refused("log", "--name", "x").contains("needs the TEXT"));
        assertEquals(Arrays.asList("-"), parse("log", "-").positional);
        assertEquals(Arrays.asList("-starts-with-dash"), parse("log", "--", "-starts-with-dash").positional);
        assertTrue(refused("start", "--name", "x", "extra").contains("takes no argument"));
    }

    @Test
    void everyTakesShortFormsAndIso8601() throws Exception {
        assertEquals(Duration.ofSeconds(30), CommandLine.duration("30s"));
        assertEquals(Duration.ofMinutes(5), CommandLine.duration("5m"));
        assertEquals(Duration.ofHours(1), CommandLine.duration("1h"));
        assertEquals(Duration.ofDays(1), CommandLine.duration("1d"));
        assertEquals(Duration.ofMillis(1500), CommandLine.duration("1500ms"));
        assertEquals(Duration.ofMinutes(5), CommandLine.duration("PT5M"));
        assertEquals(Duration.ofMinutes(5), CommandLine.duration("pt5m"));
        assertEquals(Duration.ofSeconds(2), parse("run", "--every", "2s", "--", "true").every);
    }

    @Test
    void aBadOrTooShortEveryIsRefusedQuotingIt() {
        assertTrue(refused("run", "--every", "5 minutes", "--", "true").contains("got '5 minutes'"));
        assertTrue(refused("run", "--every", "5", "--", "true").contains("such as 30s"));
        assertTrue(refused("run", "--every", "PTxM", "--", "true").contains("such as 30s"));
        assertTrue(refused("run", "--every", "0s", "--", "true").contains("at least 1s"));
        assertTrue(refused("run", "--every", "999ms", "--", "true").contains("at least 1s"));
        assertTrue(refused("run", "--every", "-PT5M", "--", "true").contains("such as 30s"));
    }

    @Test
    void unknownCommandsAreNotTheWrappers() {
        assertFalse(CommandLine.isWrapperCommand("attach"));
        assertTrue(CommandLine.isWrapperCommand("run"));
        assertTrue(refused("nope").contains("unknown command"));
    }
}
