package io.github.heartbeatsdk.agent;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wrapper's arguments, checked before anything is built, so that a typo is one line and exit
 * status 2 instead of a half-run job. Flags take their value as the next argument or after
 * {@code =}; {@code run} needs {@code --} before its command so that the command's own flags are
 * never read as the wrapper's. Messages name flags, never their values: an endpoint holds a secret.
 */
final class CommandLine {
    /** The shortest {@code --every}: the SDK's shortest interval, and no busy loop. */
    static final Duration MIN_EVERY = Duration.ofSeconds(1);

    private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    /** The flags each command takes. */
    private static final Map<String, List<String>> FLAGS = new LinkedHashMap<String, List<String>>();

    static {
        List<String> common = Arrays.asList("--endpoint", "--config", "--log-level");
        FLAGS.put("ping", common);
        FLAGS.put("run", plus(common, "--name", "--every"));
        FLAGS.put("start", plus(common, "--name"));
        FLAGS.put("success", plus(common, "--name", "--run-id"));
        FLAGS.put("fail", plus(common, "--name", "--run-id"));
        FLAGS.put("log", plus(common, "--name", "--run-id"));
    }

    final String command;
    private final Map<String, String> flags;
    /** Arguments that are not flags (before {@code --} for {@code run}). */
    final List<String> positional;
    /** The command and its arguments after {@code --}; empty unless {@code run}. */
    final List<String> argv;
    /** {@code --every}, or null for one run. */
    final Duration every;

    private CommandLine(String command, Map<String, String> flags, List<String> positional, List<String> argv,
                        Duration every) {
        this.command = command;
        this.flags = flags;
        this.positional = positional;
        this.argv = argv;
        this.every = every;
    }

    /** True for the commands this class parses. */
    static boolean isWrapperCommand(String command) {
        return FLAGS.containsKey(command);
    }

    /**
     * Parses the arguments of {@code command} (one of {@link #isWrapperCommand}).
     *
     * @throws UsageException for an unknown or repeated flag, a flag without its value, a
     *     missing {@code --} or command, extra arguments, or a bad {@code --every}
     */
    static CommandLine parse(String command, String[] args) throws UsageException {
        List<String> allowed = FLAGS.get(command);
        if (allowed == null) {
            throw new UsageException("unknown command '" + command + "'");
        }
        Map<String, String> flags = new LinkedHashMap<String, String>();
        List<String> positional = new ArrayList<String>();
        List<String> argv = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                argv = Arrays.asList(Arrays.copyOfRange(args, i + 1, args.length));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String flag = eq > 0 ? arg.substring(0, eq) : arg;
            if (!allowed.contains(flag)) {
                throw new UsageException(command + ": unknown option " + (flag.length() > 40 ? flag.substring(0, 40) + "..." : flag)
                        + "; " + command + " takes " + String.join(", ", allowed));
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].equals("--")) {
                value = args[++i];
            } else {
                throw new UsageException(command + ": " + flag + " needs a value");
            }
            if (flags.put(flag, value) != null) {
                throw new UsageException(command + ": " + flag + " is given twice");
            }
        }
        Duration every = null;
        if (command.equals("run")) {
            if (argv == null) {
                throw new UsageException("run: put -- before the command, as in: run --name backup -- /usr/local/bin/backup.sh");
            }
            if (argv.isEmpty()) {
                throw new UsageException("run: no command after --");
            }
            if (!positional.isEmpty()) {
                throw new UsageException("run: unexpected argument before --; the command goes after --");
            }
            if (flags.containsKey("--every")) {
                every = duration(flags.get("--every"));
            }
        } else {
            if (argv != null) {
                positional.addAll(argv); // "log -- -text-that-starts-with-a-dash"
            }
            int most = command.equals("start") ? 0 : 1;
            if (positional.size() > most) {
                throw new UsageException(command + ": " + (most == 0 ? "takes no argument" : "takes at most one argument")
                        + ", got " + positional.size());
            }
            if (command.equals("ping") && !positional.isEmpty() && flags.containsKey("--endpoint")) {
                throw new UsageException("ping: give the endpoint once, as --endpoint or as the argument");
            }
            if (command.equals("log") && positional.isEmpty()) {
                throw new UsageException("log: needs the TEXT to send (or - to read it from standard input)");
            }
        }
        return new CommandLine(command, flags, Collections.unmodifiableList(positional),
                argv == null ? Collections.<String>emptyList() : argv, every);
    }

    /**
     * {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}, {@code 500ms} or ISO-8601 ({@code PT5M}),
     * at least {@link #MIN_EVERY}.
     *
     * @throws UsageException for another form or a shorter duration, quoting it (it is no secret)
     */
    static Duration duration(String text) throws UsageException {
        String trimmed = text.trim();
        Duration parsed = null;
        Matcher m = SHORT_DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2);
            parsed = unit.equals("ms") ? Duration.ofMillis(n) : unit.equals("s") ? Duration.ofSeconds(n)
                    : unit.equals("m") ? Duration.ofMinutes(n) : unit.equals("h") ? Duration.ofHours(n) : Duration.ofDays(n);
        } else if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                parsed = null;
            }
        }
        if (parsed == null) {
            throw new UsageException("--every must be a duration such as 30s, 5m, 1h or PT5M, got '" + trimmed + "'");
        }
        if (parsed.compareTo(MIN_EVERY) < 0) {
            throw new UsageException("--every must be at least 1s, got '" + trimmed + "'");
        }
        return parsed;
    }

    /** The value of {@code flag} ({@code --name}), or null. */
    String flag(String flag) {
        return flags.get(flag);
    }

    /** The flags that are settings, as AgentSettings options (full key names). */
    Map<String, String> settingsOptions() {
        Map<String, String> options = new LinkedHashMap<String, String>();
        String endpoint = command.equals("ping") && !positional.isEmpty() ? positional.get(0) : flags.get("--endpoint");
        if (endpoint != null) {
            options.put("heartbeat.endpoint", endpoint);
        }
        if (flags.containsKey("--config")) {
            options.put(AgentSettings.CONFIG, flags.get("--config"));
        }
        if (flags.containsKey("--log-level")) {
            options.put(AgentSettings.LOG_LEVEL, flags.get("--log-level"));
        }
        return options;
    }

    private static List<String> plus(List<String> base, String... more) {
        List<String> all = new ArrayList<String>(base);
        all.addAll(Arrays.asList(more));
        return Collections.unmodifiableList(all);
    }

    /** A bad command line: one line for the user, exit status 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
