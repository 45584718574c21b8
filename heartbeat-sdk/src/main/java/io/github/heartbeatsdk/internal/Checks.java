package io.github.heartbeatsdk.internal;

import io.github.heartbeatsdk.HeartbeatConfig;
import io.github.heartbeatsdk.HeartbeatListener;
import io.github.heartbeatsdk.internal.ConfigSources;
import io.github.heartbeatsdk.internal.Durations;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Argument checks whose messages name the setting and the value given. */
public final class Checks {
    private Checks() {
    }

    /** Settings whose value never appears in a message: credentials, and a proxy address that may carry them. */
    private static final List<String> HIDDEN_SETTINGS = Arrays.asList("proxy", "proxyCredentials");

    /**
     * Returns {@code value} when the setting was not set before; a second setting is a mistake.
     * The message shows the earlier value, except a credential's.
     */
    public static <T> T once(String setting, T current, T value) {
        if (current != null) {
            throw new IllegalStateException(setting + " was already set" + (HIDDEN_SETTINGS.contains(setting)
                    ? " (its value is not shown: it may hold credentials)" : " to " + describe(current)));
        }
        return value;
    }

    /**
     * A value as messages may show it: endpoints by their redacted names; a listener, and a
     * configuration the SDK did not make, by their class, since their toString() is user code
     * that may print what they hold (a configuration holds the endpoint's secret URL).
     */
    public static String describe(Object value) {
        if (value instanceof List) {
            return EndpointNames.namesOf((List<?>) value);
        }
        boolean userCode = value instanceof HeartbeatListener || (value instanceof HeartbeatConfig
                && !value.getClass().getName().startsWith(ConfigSources.class.getName()));
        return userCode ? value.getClass().getName() : String.valueOf(value);
    }

    public static <T> T requireNonNull(String setting, T value) {
        if (value == null) {
            throw new NullPointerException(setting + " == null");
        }
        return value;
    }

    public static String notBlank(String setting, String value) {
        requireNonNull(setting, value);
        if (value.trim().isEmpty()) {
            throw new IllegalArgumentException(setting + " must not be blank, got '" + value + "'");
        }
        return value;
    }

    /** The longest job name accepted, in characters. */
    public static final int MAX_JOB_NAME = 256;

    /**
     * Checks a job name given to {@code startJob}, {@code run} or {@code call}: not null, not
     * blank, at most {@value #MAX_JOB_NAME} characters, and free of control characters and line
     * separators, since the name reaches log lines and backends. The messages give the length or
     * the index of the bad character, never the name's content.
     */
    public static String jobName(String name) {
        requireNonNull("name", name);
        if (name.length() > MAX_JOB_NAME) {
            throw new IllegalArgumentException("job name must be at most " + MAX_JOB_NAME + " characters, got "
                    + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException("job name must not contain control characters or line breaks, got one at index "
                        + i);
            }
        }
        if (name.trim().isEmpty()) {
            throw new IllegalArgumentException("job name must not be blank, got '" + name + "'");
        }
        return name;
    }

    /** The most characters of a run id given from outside (a UUID has 36). */
    public static final int MAX_RUN_ID = 64;

    /**
     * A run id handed over by another process: 1 to {@value #MAX_RUN_ID} letters, digits, {@code -},
     * {@code _} or {@code .}, because it goes into URLs and backends pair runs by it.
     */
    public static String runId(String runId) {
        requireNonNull("run id", runId);
        if (runId.isEmpty() || runId.length() > MAX_RUN_ID) {
            throw new IllegalArgumentException("run id must have 1.." + MAX_RUN_ID + " characters, got " + runId.length());
        }
        for (int i = 0; i < runId.length(); i++) {
            char c = runId.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!ok) {
                throw new IllegalArgumentException("run id may hold letters, digits, '-', '_' and '.' only, got another"
                        + " character at index " + i);
            }
        }
        return runId;
    }

    public static int port(String setting, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(setting + " must be in 1..65535, got " + port);
        }
        return port;
    }

    /** The longest duration any setting takes: longer ones are mistakes, and would overflow deadline arithmetic. */
    public static final Duration MAX_DURATION = Duration.ofDays(7);

    /** At least 1 ms, as configuration requires it too ({@link Durations#positiveMillis}), and at most 7 days. */
    public static Duration positive(String setting, Duration value) {
        requireNonNull(setting, value);
        return atMost(setting, Durations.positiveMillis(setting, value, String.valueOf(value)));
    }

    public static Duration atMost(String setting, Duration value) {
        if (value.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(setting + " must be <= " + MAX_DURATION + ", got " + value);
        }
        return value;
    }

    public static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
