package io.github.heartbeatsdk;

import ch.qos.logback.classic.Level;
import io.github.heartbeatsdk.testing.RecordingEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ext-info providers are asked fresh for every beat; a bad one is isolated and logged once. */
class ExtInfoTest {
    final FakeClock clock = new FakeClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final RecordingEndpoint endpoint = new RecordingEndpoint();
    final HeartbeatClient client = HeartbeatClient.builder().endpoint(endpoint).executor(scheduler).clock(clock)
            .shutdownHook(false).flushTimeout(Duration.ZERO).interval(Duration.ofSeconds(10)).build();

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** Runs until exactly one more beat was taken and returns it. */
    private Signal nextBeat() {
        int before = endpoint.signals().size();
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(before + 1, endpoint.signals().size());
        return endpoint.last();
    }

    private Map<String, String> extInfo(Signal beat, String plugin) {
        return beat.plugins().get(plugin).extInfo();
    }

    @Test
    void setExtInfoIsTheApplicationsOwnEntryLikeSermant() {
        client.setExtInfo(() -> Collections.singletonMap("status", "started"));
        client.start();

        Signal beat = nextBeat();
        PluginInfo application = beat.plugins().get(ExtInfoRegistry.APPLICATION);
        assertEquals("application", application.name());
        assertEquals(Map.of("status", "started"), application.extInfo());
    }

    @Test
    void changesShowUpInTheNextBeat() {
        AtomicReference<String> status = new AtomicReference<>("starting");
        client.extInfo().register("template", "0.0.1", () -> Map.of("status", status.get()));
        client.start();
        assertEquals(Map.of("status", "starting"), extInfo(nextBeat(), "template"));

        status.set("started");
        client.extInfo().register("flowcontrol", "1.2.0", () -> Map.of("rules", 3));
        Signal second = nextBeat();
        assertEquals(Map.of("status", "started"), extInfo(second, "template"));
        assertEquals(Map.of("rules", "3"), extInfo(second, "flowcontrol"));
        assertEquals("1.2.0", second.plugins().get("flowcontrol").version());

        assertTrue(client.extInfo().unregister("template"));
        assertEquals(List.of("flowcontrol"), List.copyOf(nextBeat().plugins().keySet()));
        assertEquals(false, client.extInfo().unregister("template"));
    }

    @Test
    void registrationBeforeOrAfterStartAndFromAnotherThreadIsSeen() throws Exception {
        client.extInfo().register("before", "1", () -> Map.of("k", "v"));
        client.start();
        Thread other = new Thread(() -> client.extInfo().register("after", "1", () -> Map.of("k", "v")));
        other.start();
        other.join();

        assertEquals(List.of("after", "before"), List.copyOf(nextBeat().plugins().keySet()));
    }

    @Test
    void badProvidersAreSkippedForTheBeatAndLoggedOnceUntilTheyRecover() {
        AtomicReference<Map<String, ?>> answer = new AtomicReference<>();
        client.extInfo().register("good", "1", () -> Map.of("ok", "yes"));
        client.extInfo().register("throws", "1", () -> {
            throw new IllegalStateException("boom");
        });
        client.extInfo().register("null", "1", () -> null);
        client.extInfo().register("flaky", "1", answer::get);
        client.start();

        try (LogCapture logs = new LogCapture()) {
            answer.set(Map.of("huge", "x".repeat(5_000)));
            Signal first = nextBeat();
            nextBeat();
            nextBeat();

            assertEquals(Map.of("ok", "yes"), extInfo(first, "good"), "the beat still goes out with the good ones");
            assertEquals(Map.of(), extInfo(first, "throws"), "listed, without ext info");
            assertEquals(Map.of(), extInfo(first, "null"));
            assertEquals(Map.of(), extInfo(first, "flaky"));
            List<String> warnings = logs.messages(Level.WARN);
            assertEquals(3, warnings.size(), "one WARN per bad provider, not per beat: " + warnings);
            assertTrue(warnings.stream().anyMatch(w -> w.contains("'throws' threw java.lang.IllegalStateException: boom")),
                    warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("'null' returned null")), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("'flaky' returned a value of 5000 characters")),
                    warnings.toString());

            answer.set(Map.of("state", "fine"));
            assertEquals(Map.of("state", "fine"), extInfo(nextBeat(), "flaky"));
            assertTrue(logs.messages(Level.INFO).contains("ext-info provider 'flaky' recovered"));

            answer.set(null);
            nextBeat();
            assertEquals(4, logs.messages(Level.WARN).size(), "a provider that fails again is reported again");
        }
    }

    @Test
    void aProviderReturningAnEndlessIterableIsLeftOutOfEveryBeatWithoutExhaustingTheHost() {
        Iterable<Integer> naturals = () -> new java.util.Iterator<Integer>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return next++;
            }
        };
        client.extInfo().register("endless", "1", () -> Map.of("queue", naturals));
        client.extInfo().register("good", "1", () -> Map.of("ok", "yes"));
        client.start();

        try (LogCapture logs = new LogCapture()) {
            Signal first = nextBeat();
            Signal second = nextBeat();

            assertEquals(Map.of(), extInfo(first, "endless"));
            assertEquals(Map.of(), extInfo(second, "endless"));
            assertEquals(Map.of("ok", "yes"), extInfo(second, "good"));
            assertTrue(logs.text().contains("'endless' returned a value of more than 1024 characters for key 'queue'"),
                    logs.text());
        }
    }

    @Test
    void sizeLimitsAreEnforced() {
        Map<String, String> tooManyKeys = new HashMap<>();
        for (int i = 0; i < 65; i++) {
            tooManyKeys.put("k" + i, "v");
        }
        Map<String, String> tooManyBytes = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            tooManyBytes.put("k" + i, "é".repeat(500)); // 1000 bytes each, 9 000 in all
        }
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        client.extInfo().register("keys", "1", () -> tooManyKeys);
        client.extInfo().register("bytes", "1", () -> tooManyBytes);
        client.extInfo().register("longKey", "1", () -> Map.of("k".repeat(129), "v"));
        client.extInfo().register("nullKey", "1", () -> nullKey);
        client.extInfo().register("atLimits", "1", () -> Map.of("k".repeat(128), "v".repeat(1024)));
        client.start();

        Signal beat = nextBeat();
        assertEquals(Map.of(), extInfo(beat, "keys"));
        assertEquals(Map.of(), extInfo(beat, "bytes"));
        assertEquals(Map.of(), extInfo(beat, "longKey"));
        assertEquals(Map.of(), extInfo(beat, "nullKey"));
        assertEquals(1, extInfo(beat, "atLimits").size());
    }

    @Test
    void nonStringValuesAreRenderedDeterministically() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("int", 42);
        values.put("bool", true);
        values.put("null", null);
        values.put("date", LocalDate.of(2026, 11, 24));
        values.put("list", Arrays.asList("b", "a", 1));
        values.put("array", new int[] {3, 1, 2});
        Map<String, Object> nested = new HashMap<>();
        nested.put("z", 1);
        nested.put("a", Map.of("y", 2));
        values.put("map", nested);
        values.put("enum", TimeUnit.SECONDS);
        client.extInfo().register("mixed", "1", () -> values);
        client.start();

        Map<String, String> expected = new TreeMap<>();
        expected.put("int", "42");
        expected.put("bool", "true");
        expected.put("null", "null");
        expected.put("date", "2026-11-24");
        expected.put("list", "[b, a, 1]");
        expected.put("array", "[3, 1, 2]");
        expected.put("map", "{a={y=2}, z=1}");
        expected.put("enum", "SECONDS");
        Map<String, String> rendered = extInfo(nextBeat(), "mixed");
        assertEquals(expected, rendered);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(rendered.keySet()), "sorted by key");
    }

    @Test
    void registrationArgumentsAreChecked() {
        ExtInfoRegistry registry = client.extInfo();
        assertEquals("name == null", assertThrows(NullPointerException.class,
                () -> registry.register(null, "1", Map::of)).getMessage());
        assertEquals("version == null", assertThrows(NullPointerException.class,
                () -> registry.register("a", null, Map::of)).getMessage());
        assertEquals("provider == null", assertThrows(NullPointerException.class,
                () -> registry.register("a", "1", null)).getMessage());
        assertEquals("name must not be blank, got ' '", assertThrows(IllegalArgumentException.class,
                () -> registry.register(" ", "1", Map::of)).getMessage());
        assertEquals("provider == null", assertThrows(NullPointerException.class,
                () -> client.setExtInfo(null)).getMessage());
    }
}
