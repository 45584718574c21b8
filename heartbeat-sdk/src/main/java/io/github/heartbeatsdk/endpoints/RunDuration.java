package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Signal;

import java.util.Locale;

/** A job run's duration as the presets write it: only on a signal that ends a run whose start is known. */
final class RunDuration {
    private RunDuration() {
    }

    /** Milliseconds, such as {@code "1500"}, or null. */
    static String millis(Signal signal) {
        return known(signal) ? Long.toString(signal.durationMillis()) : null;
    }

    /** Seconds with three decimals, such as {@code "1.500"}, or null. */
    static String seconds(Signal signal) {
        return known(signal) ? String.format(Locale.ROOT, "%.3f", signal.durationMillis() / 1000.0) : null;
    }

    private static boolean known(Signal signal) {
        return signal.kind().endsRun() && signal.durationMillis() >= 0;
    }
}
