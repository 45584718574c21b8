package io.github.heartbeatsdk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the kotlin-stdlib Spring Boot 2.7 pins (1.6.21) in place of the build's, building a client
 * that sends over HTTP fails at once with the fix, without loading OkHttp; a Sermant TCP client,
 * which needs no OkHttp, still builds.
 */
class IncompatibleKotlinTest {
    private static String oldKotlinClassPath() throws Exception {
        String old = CompatClassPath.parentPomProperty("compat.old-kotlin.version");
        return CompatClassPath.swap(List.of("kotlin-stdlib-"), "kotlin-stdlib-" + old + ".jar");
    }

    private static String result(String output) {
        for (String line : output.split("\\R")) {
            if (line.startsWith("RESULT ")) {
                return line.substring("RESULT ".length());
            }
        }
        throw new AssertionError("no RESULT line in: " + output);
    }

    @Test
    void buildFailsNamingTheVersionsTheCauseAndTheFix() throws Exception {
        String kotlin = CompatClassPath.parentPomProperty("kotlin.version");
        String okhttp = CompatClassPath.parentPomProperty("okhttp.version");
        String okio = CompatClassPath.parentPomProperty("okio.version");
        String sdk = CompatClassPath.parentPomProperty("project.version");
        String output = CompatClassPath.run(oldKotlinClassPath(), List.of("-Xlog:class+load=info"),
                BuildOnlyMain.class, "https://hc-ping.com/0d4fb7d6-SECRET");

        assertEquals("heartbeat-sdk cannot send over HTTP: OkHttp " + okhttp + " needs kotlin-stdlib 1.8.20 or newer"
                + " (kotlin.enums.EnumEntriesKt), but the class path has kotlin-stdlib 1.6.21. Likely cause: a"
                + " framework's dependency management pins it, e.g. Spring Boot 2.7's kotlin.version (1.6.21)."
                + " Fix: Maven: <kotlin.version>" + kotlin + "</kotlin.version> in <properties> (Spring Boot's"
                + " property), or import io.github.heartbeatsdk:heartbeat-sdk-bom:" + sdk + " in"
                + " <dependencyManagement> before the framework's BOM; Gradle:"
                + " implementation(platform(\"io.github.heartbeatsdk:heartbeat-sdk-bom:" + sdk + "\"))."
                + " heartbeat-sdk is tested with OkHttp " + okhttp + ", Okio " + okio + " and kotlin-stdlib " + kotlin
                + "; see docs/troubleshooting.md", result(output));
        // Only resources were read: no OkHttp class was loaded (the class-load log names each class loaded).
        assertFalse(output.contains(" okhttp3."), output);
        assertFalse(output.contains("SECRET"), output);
    }

    @Test
    void aSermantTcpClientNeedsNoOkHttpAndStillBuilds() throws Exception {
        String output = CompatClassPath.run(oldKotlinClassPath(), List.of(), BuildOnlyMain.class,
                "sermant://127.0.0.1:6888");

        assertEquals("built", result(output));
    }
}
