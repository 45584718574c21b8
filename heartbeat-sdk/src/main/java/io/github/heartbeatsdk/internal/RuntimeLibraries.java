package io.github.heartbeatsdk.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import java.util.jar.Manifest;

/**
 * Checks, when a client that sends over HTTP is built, that the OkHttp, Okio and Kotlin standard
 * library on the class path can work together, and fails {@code build()} with the fix when they
 * cannot. Without it an application pinned to an old kotlin-stdlib (Spring Boot 2.7's dependency
 * management pins 1.6.21) starts, and every signal then ends {@code FAILED} on a background thread.
 *
 * <p>Only class-path resources are read: class files are looked up, never loaded, and versions
 * come from jar manifests and the constant pool of {@code okhttp3/OkHttp.class}. Loading OkHttp on
 * the caller's thread would cost {@code build()} its classes and, with a broken stack, fail with a
 * {@code LinkageError} naming a class rather than the fix. The verdict is kept per class loader,
 * so only the first {@code build()} reads anything.
 */
public final class RuntimeLibraries {
    /** The verdict for a loader whose libraries fit. */
    private static final String FIT = "";
    /** Verdicts by class loader: weak keys, so a redeployed application's loader can go. Guarded by itself. */
    private static final Map<ClassLoader, String> verdicts = new WeakHashMap<ClassLoader, String>();

    private RuntimeLibraries() {
    }

    /**
     * Throws {@link IllegalStateException} naming the library, the version found, the version
     * needed, the likely cause and the fix, when OkHttp cannot work with the Kotlin standard
     * library or Okio that {@code loader} sees. Absent OkHttp is left to the transport: each signal
     * then ends {@code FAILED} naming the missing class.
     */
    public static void requireCompatibleHttpStack(ClassLoader loader) {
        ClassLoader from = loader != null ? loader : ClassLoader.getSystemClassLoader();
        String verdict;
        synchronized (verdicts) {
            verdict = verdicts.get(from);
        }
        if (verdict == null) {
            verdict = problem(from);
            synchronized (verdicts) {
                verdicts.put(from, verdict);
            }
        }
        if (!verdict.equals(FIT)) {
            throw new IllegalStateException(verdict);
        }
    }

    /** What keeps OkHttp from working with the libraries {@code loader} sees, or {@link #FIT}. */
    static String problem(ClassLoader loader) {
        if (loader.getResource("okhttp3/OkHttpClient.class") == null) {
            return FIT;
        }
        boolean enumEntries = loader.getResource("kotlin/enums/EnumEntriesKt.class") != null;
        // okio.Socket where okio.Okio is: Okio 2 (artifact okio) and Okio 3 (okio-jvm) can both be
        // on the class path, and OkHttp 5's call Okio.socket(Socket) then reaches Okio 2's class.
        URL okioFacade = loader.getResource("okio/Okio.class");
        String okioJar = jarOf(okioFacade, "okio/Okio.class");
        boolean okioSocket = okioJar != null && okioJar.equals(jarOf(loader.getResource("okio/Socket.class"), "okio/Socket.class"));
        if (enumEntries && okioSocket && loader.getResource("okhttp3/OkHttp.class") != null) {
            // OkHttp 4 or newer, with all OkHttp 5.5 needs (OkHttp 4 needs less): nothing more to read.
            return FIT;
        }
        String okhttp = okHttpVersion(loader);
        int okhttpMajor = okhttp == null ? -1 : Integer.parseInt(okhttp.substring(0, okhttp.indexOf('.')));
        Expected expected = Expected.INSTANCE;
        if (okhttpMajor >= 0 && okhttpMajor < 4) {
            // OkHttp 3 lacks RequestBody.create(byte[], MediaType), which the SDK calls.
            return PREFIX + "it needs OkHttp 4.12 or newer, but the class path has OkHttp " + okhttp
                    + " first (com.squareup.okhttp3:okhttp). Likely cause: a framework's dependency management or"
                    + " another library pins it. Fix: Maven: a com.squareup.okhttp3:okhttp 4.12.0 entry in"
                    + " <dependencyManagement> (or the framework's OkHttp version property);"
                    + " Gradle: implementation(\"com.squareup.okhttp3:okhttp:4.12.0\")";
        }
        URL kotlin = loader.getResource("kotlin/Unit.class");
        if (kotlin == null) {
            return PREFIX + "OkHttp needs kotlin-stdlib, and the class path has none (org.jetbrains.kotlin:kotlin-stdlib"
                    + " was excluded?). Fix: " + fix(expected, "kotlin-stdlib");
        }
        // OkHttp 4 runs on kotlin-stdlib 1.6 (tested with 4.9.3 and 4.12.0); OkHttp 5 does not.
        boolean okhttp5 = okhttpMajor >= 5 || okhttpMajor < 0;
        if (okhttp5 && !enumEntries) {
            String found = implementationVersion(kotlin, "kotlin/Unit.class");
            return PREFIX + okHttpName(okhttp) + " needs kotlin-stdlib 1.8.20 or newer (kotlin.enums.EnumEntriesKt),"
                    + " but the class path has kotlin-stdlib " + (found != null ? found : "of an older version")
                    + ". Likely cause: a framework's dependency management pins it, e.g. Spring Boot 2.7's"
                    + " kotlin.version (1.6.21). Fix: " + fix(expected, "kotlin-stdlib");
        }
        if (okioFacade == null) {
            return PREFIX + "OkHttp needs Okio, and the class path has none (com.squareup.okio:okio-jvm was"
                    + " excluded?). Fix: " + fix(expected, "Okio");
        }
        // OkHttp 5.5 calls Okio.socket(java.net.Socket), which returns the okio.Socket of Okio 3.13 and newer.
        if (okhttp5 && !okioSocket) {
            String found = bundleVersion(okioFacade, "okio/Okio.class");
            return PREFIX + okHttpName(okhttp) + " needs Okio 3.13.0 or newer (okio.Socket), but the class path has"
                    + " Okio " + (found != null ? found : "older than 3.13") + " first (" + fileName(okioJar)
                    + "). Likely cause: another library's OkHttp 4 brings an old com.squareup.okio:okio or okio-jvm,"
                    + " or a framework's dependency management pins it. Fix: " + fix(expected, "Okio");
        }
        return FIT;
    }

    private static final String PREFIX = "heartbeat-sdk cannot send over HTTP: ";

    private static String okHttpName(String version) {
        return version != null ? "OkHttp " + version : "OkHttp";
    }

    private static String fix(Expected expected, String library) {
        String maven = "kotlin-stdlib".equals(library)
                ? "<kotlin.version>" + expected.kotlin + "</kotlin.version> in <properties> (Spring Boot's property), or import"
                : "import";
        return "Maven: " + maven + " io.github.heartbeatsdk:heartbeat-sdk-bom:" + expected.sdk
                + " in <dependencyManagement> before the framework's BOM; Gradle:"
                + " implementation(platform(\"io.github.heartbeatsdk:heartbeat-sdk-bom:" + expected.sdk + "\"))."
                + " heartbeat-sdk is tested with OkHttp " + expected.okhttp + ", Okio " + expected.okio
                + " and kotlin-stdlib " + expected.kotlin + "; see docs/troubleshooting.md";
    }

    /**
     * OkHttp's version: the {@code VERSION} constant of {@code okhttp3/OkHttp.class} (4.x and
     * newer; 4.x has no version in its manifest), else OkHttp 3's user agent, else null.
     */
    private static String okHttpVersion(ClassLoader loader) {
        String version = firstVersion(bytes(loader, "okhttp3/OkHttp.class"), "");
        return version != null ? version : firstVersion(bytes(loader, "okhttp3/internal/Version.class"), "okhttp/");
    }

    /** The first version ("5.5.1", "5.0.0-alpha.14") right after {@code prefix} in {@code text}, or null. */
    private static String firstVersion(String text, String prefix) {
        if (text == null) {
            return null;
        }
        for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
            int start = at + prefix.length();
            int end = numericEnd(text, start);
            if (end > 0) {
                if (end < text.length() && text.charAt(end) == '-') {
                    int suffix = end + 1;
                    while (suffix < text.length() && isSuffixChar(text.charAt(suffix))) {
                        suffix++;
                    }
                    end = suffix > end + 1 ? suffix : end;
                }
                return text.substring(start, end);
            }
        }
        return null;
    }

    /**
     * Where "digits.digits.digits" that starts at {@code start} ends, or -1. Scanned by hand: a
     * regular expression's first use costs the caller's first {@code build()} ~15 ms.
     */
    private static int numericEnd(String text, int start) {
        int i = start;
        for (int part = 0; part < 3; part++) {
            if (part > 0) {
                if (i >= text.length() || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
            int digits = i;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == digits) {
                return -1;
            }
        }
        return i;
    }

    private static boolean isSuffixChar(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.';
    }

    /** A resource's bytes as ISO-8859-1 text (a class file's constant pool shows its strings), or null. */
    private static String bytes(ClassLoader loader, String resource) {
        // Through the loader: it reads from the jar it already holds open.
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            for (int n; (n = in.read(chunk)) > 0 && out.size() < 1 << 20; ) {
                out.write(chunk, 0, n);
            }
            return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The jar or directory {@code url}, the location of {@code resource}, lies in ("jar:file:/r/okio-2.8.0.jar!/"), or null. */
    private static String jarOf(URL url, String resource) {
        String location = url == null ? null : url.toString();
        return location != null && location.endsWith(resource)
                ? location.substring(0, location.length() - resource.length()) : null;
    }

    /** The last name of a location from {@link #jarOf}: "okio-2.8.0.jar". */
    private static String fileName(String location) {
        String path = location.endsWith("!/") ? location.substring(0, location.length() - 2)
                : location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code Implementation-Version} of the jar holding {@code resource} (kotlin-stdlib: "1.6.21-release-334(1.6.21)"). */
    private static String implementationVersion(URL url, String resource) {
        return leadingVersion(manifestValue(url, resource, "Implementation-Version"));
    }

    /** {@code Bundle-Version} of the jar holding {@code resource} (Okio 3 sets it; Okio 2 has none). */
    private static String bundleVersion(URL url, String resource) {
        return leadingVersion(manifestValue(url, resource, "Bundle-Version"));
    }

    private static String leadingVersion(String value) {
        int end = value == null ? -1 : numericEnd(value, 0);
        return end > 0 ? value.substring(0, end) : null;
    }

    /** A main attribute of the manifest beside {@code url}, the location of {@code resource}; null if none. */
    private static String manifestValue(URL url, String resource, String attribute) {
        String location = url.toString();
        if (!location.endsWith(resource)) {
            return null;
        }
        try (InputStream in = open(new URL(location.substring(0, location.length() - resource.length())
                + "META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes().getValue(attribute);
        } catch (IOException | RuntimeException e) {
            return null; // a directory without a manifest, or a location this JVM cannot open
        }
    }

    private static InputStream open(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false); // a jar opened here is closed with the stream, not kept open
        return connection.getInputStream();
    }

    /** The versions this SDK is built and tested with, written into a resource by the build. */
    private static final class Expected {
        static final Expected INSTANCE = new Expected();

        final String sdk;
        final String okhttp;
        final String okio;
        final String kotlin;

        private Expected() {
            Properties p = new Properties();
            try (InputStream in = RuntimeLibraries.class.getResourceAsStream("runtime-libraries.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // the defaults below name the coordinates without versions
            }
            sdk = p.getProperty("version", SdkVersion.VERSION);
            okhttp = p.getProperty("okhttp.version", "5");
            okio = p.getProperty("okio.version", "3");
            kotlin = p.getProperty("kotlin.version", "2");
        }
    }
}
