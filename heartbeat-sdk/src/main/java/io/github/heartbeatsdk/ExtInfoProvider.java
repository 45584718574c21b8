package io.github.heartbeatsdk;

import java.util.Map;

/**
 * Supplies the extra information one plugin (or the application) reports with every periodic
 * beat, like Sermant's {@code HeartbeatService.setExtInfo(...)}.
 *
 * <p>Called fresh for every beat on the client's delivery thread, so it should be quick and
 * must not block. Keys must not be null. Values that are not strings are rendered as text (see
 * {@link ExtInfoRegistry}). A provider that throws, returns null or returns too much is skipped
 * for that beat and logged at WARN once until it recovers; the beat still goes out.
 */
@FunctionalInterface
public interface ExtInfoProvider {
    /** Returns this beat's ext info: a map of keys to values. */
    Map<String, ?> extInfo();
}
