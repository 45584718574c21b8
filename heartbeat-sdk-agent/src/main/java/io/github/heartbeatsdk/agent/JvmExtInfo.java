package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.ExtInfoProvider;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The opt-in {@code jvm} ext-info entry: what a panel can show about an application nobody
 * changed. Read from the platform MXBeans for every beat; each read is a few microseconds.
 */
final class JvmExtInfo implements ExtInfoProvider {
    /** The entry's name in {@code pluginInfoMap}. */
    static final String NAME = "jvm";

    /** The entry's version: the Java version the application runs on. */
    static String version() {
        return System.getProperty("java.version", "unknown");
    }

    @Override
    public Map<String, ?> extInfo() {
        Map<String, Object> info = new LinkedHashMap<String, Object>();
        info.put("uptimeMillis", ManagementFactory.getRuntimeMXBean().getUptime());
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        info.put("heapUsedBytes", heap.getUsed());
        info.put("heapMaxBytes", heap.getMax()); // -1 when the heap has no limit, as the MXBean says
        info.put("liveThreads", ManagementFactory.getThreadMXBean().getThreadCount());
        long collections = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount()); // -1: this collector does not count
        }
        info.put("gcCount", collections);
        return info;
    }
}
