package io.github.heartbeatsdk.spring.internal;

import java.util.Collection;
import java.util.Locale;

/**
 * Job names compared as Spring's relaxed binding compares keys: lower case, letters and digits
 * only. {@code heartbeat.jobs.nightly-backup.endpoint} and the environment variable
 * {@code HEARTBEAT_JOBS_NIGHTLYBACKUP_ENDPOINT} (which binds {@code nightlybackup}) name one job.
 */
public final class JobNames {
    private JobNames() {
    }

    /** {@code name} in the uniform form. */
    public static String uniform(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code names} holds {@code name}, compared in the uniform form. */
    public static boolean contains(Collection<String> names, String name) {
        String wanted = uniform(name);
        for (String configured : names) {
            if (uniform(configured).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
