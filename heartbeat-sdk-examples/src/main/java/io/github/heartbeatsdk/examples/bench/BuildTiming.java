package io.github.heartbeatsdk.examples.bench;

import io.github.heartbeatsdk.Endpoints;
import io.github.heartbeatsdk.HeartbeatClient;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

/**
 * Target 6: in a fresh JVM, how long the first {@code build()} takes and whether it loaded
 * OkHttp (or Kotlin, okio, Jackson, SLF4J) on the caller's thread, then how long until the first
 * ping is delivered. Needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} to ask the class
 * loader what it has loaded without loading anything itself.
 */
public final class BuildTiming {
    private static final String[] WATCHED = {
        "okhttp3.OkHttpClient", "okio.Buffer", "kotlin.jvm.internal.Intrinsics",
        "com.fasterxml.jackson.core.JsonFactory", "org.slf4j.LoggerFactory"};

    private BuildTiming() {
    }

    public static void main(String[] args) throws Exception {
        ClassLoader loader = BuildTiming.class.getClassLoader();
        Method findLoaded = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
        findLoaded.setAccessible(true);

        long t0 = System.nanoTime();
        HeartbeatClient heartbeat = HeartbeatClient.builder().endpoint(Endpoints.url(args[0])).build();
        long t1 = System.nanoTime();
        StringBuilder loaded = new StringBuilder();
        for (String name : WATCHED) {
            if (findLoaded.invoke(loader, name) != null) {
                loaded.append(loaded.length() == 0 ? "" : ",").append(name);
            }
        }
        long t2 = System.nanoTime();
        heartbeat.ping().toCompletableFuture().get(10, TimeUnit.SECONDS);
        long t3 = System.nanoTime();
        heartbeat.close();
        System.out.println("RESULT build.ms=" + (t1 - t0) / 1e6);
        System.out.println("RESULT build.loaded=" + (loaded.length() == 0 ? "none" : loaded));
        System.out.println("RESULT firstPing.ms=" + (t3 - t2) / 1e6);
    }
}
