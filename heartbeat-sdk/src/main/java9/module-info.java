/**
 * Heartbeats, pings and job check-ins to a monitoring backend. Compiled for Java 9 into
 * META-INF/versions/9 of the multi-release jar; every other class in the jar is Java 8 bytecode.
 *
 * <p>Every dependency is a plain {@code requires}: each is a compile-scope Maven dependency, so a build
 * puts it on the module path, and a plain {@code requires} makes the JVM resolve it without
 * {@code --add-modules}. That matters most for SLF4J: with {@code requires static org.slf4j}, an
 * application that does not require {@code org.slf4j} itself would leave it unresolved and the
 * SDK's logs would go to standard error instead of the application's SLF4J provider.
 */
module io.github.heartbeatsdk {
    requires okhttp3;
    // An automatic module (Okio publishes no module-info): its name comes from the jar's manifest.
    requires okio;
    requires kotlin.stdlib;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    // HostFacts reads the process id and start time from java.lang.management.
    requires java.management;

    exports io.github.heartbeatsdk;
    exports io.github.heartbeatsdk.endpoints;
    exports io.github.heartbeatsdk.testing;
}
