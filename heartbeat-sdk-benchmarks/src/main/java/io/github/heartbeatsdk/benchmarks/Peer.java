package io.github.heartbeatsdk.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The clients {@link PeersScenario} measures side by side, and how each is launched for each
 * measurement: which main, which arguments, which extra JVM options, and on which path of the
 * receiver its request arrives. Every launch has a path of its own ({@code /<peer>/<measure>/<run>}
 * or the peer's equivalent), so the receiver's first stamp and count on it belong to that launch.
 */
enum Peer {
    URLC("urlc", "HttpURLConnection (JDK)"),
    CRONITOR("cronitor", "Cronitor client (`io.cronitor:client` " + cronitorVersion() + ", `complete(code)`)"),
    SENTRY("sentry", "Sentry (`io.sentry:sentry` " + io.sentry.BuildConfig.VERSION_NAME
            + ", tuned, `Sentry.captureCheckIn`)"),
    OKHTTP("okhttp", "raw OkHttp " + okhttp3.OkHttp.VERSION + ", default client (`new OkHttpClient()`, sync `execute()`)"),
    SDK("sdk", "heartbeat-sdk (default builder, `Endpoints.url(url)`, `ping()`)"),
    /** Reference for first arrival over http only: a client that sets up no TLS. */
    OKHTTP_CLEARTEXT("okhttp-cleartext", "reference: raw OkHttp " + okhttp3.OkHttp.VERSION
            + ", cleartext-only client (`ConnectionSpec.CLEARTEXT`)");

    /** The measurements, in the order one round runs them. */
    enum Measure {
        FIRST_HTTP("first-http"), FIRST_HTTPS("first-https"), ONESHOT("oneshot"), WARM("warm"),
        CLOSE_UNUSED("close-unused"), CLOSE_NOW("close-now"), BURST("burst");

        final String id;

        Measure(String id) {
            this.id = id;
        }

        /** The measurement whose id is {@code id}. */
        static Measure of(String id) {
            for (Measure measure : values()) {
                if (measure.id.equals(id)) {
                    return measure;
                }
            }
            throw new IllegalArgumentException("unknown measurement " + id + "; one of first-http, first-https, oneshot,"
                    + " warm, close-unused, close-now, burst");
        }

        boolean https() {
            return this == FIRST_HTTPS;
        }

        /** The peers this measurement runs, in table order. */
        List<Peer> peers() {
            return switch (this) {
                case FIRST_HTTP -> List.of(URLC, CRONITOR, SENTRY, OKHTTP, SDK, OKHTTP_CLEARTEXT);
                case FIRST_HTTPS, ONESHOT, BURST -> List.of(URLC, CRONITOR, SENTRY, OKHTTP, SDK);
                case WARM -> List.of(OKHTTP, SDK);
                case CLOSE_UNUSED, CLOSE_NOW -> List.of(SDK);
            };
        }
    }

    /** One launch: its main, arguments, extra JVM options and the path its request arrives on (null: none). */
    record Launch(Class<?> main, List<String> args, List<String> jvmArgs, String path) {
    }

    final String id;
    final String label;

    /** The peer whose id is {@code id}. */
    static Peer of(String id) {
        for (Peer peer : values()) {
            if (peer.id.equals(id)) {
                return peer;
            }
        }
        throw new IllegalArgumentException("unknown client " + id + "; one of urlc, cronitor, sentry, okhttp, sdk,"
                + " okhttp-cleartext");
    }

    Peer(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** How to launch this peer for {@code measure} in run {@code run}, against {@code receiver}. */
    Launch launch(Measure measure, String run, ArrivalReceiver receiver) {
        String launchId = id + "/" + measure.id + "/" + run;
        String base = measure.https() ? receiver.httpsBase() : receiver.httpBase();
        String url = base + "/" + launchId;
        String scheme = measure.https() ? "https" : "http";
        String mode = switch (measure) {
            case FIRST_HTTP, FIRST_HTTPS -> "first";
            default -> measure.id;
        };
        List<String> none = List.of();
        return switch (this) {
            case URLC -> measure == Measure.ONESHOT
                    ? new Launch(OneShotUrlConnection.class, List.of(url), none, "/" + launchId)
                    : new Launch(PeerUrlConnectionChild.class, List.of(mode, url), none, "/" + launchId);
            case OKHTTP, OKHTTP_CLEARTEXT -> measure == Measure.ONESHOT
                    ? new Launch(OneShotOkHttp.class, List.of(url), none, "/" + launchId)
                    : new Launch(PeerOkHttpChild.class, List.of(mode, url, this == OKHTTP ? "default" : "cleartext"), none,
                    "/" + launchId);
            case SDK -> measure == Measure.ONESHOT
                    ? new Launch(OneShotSdk.class, List.of(url), none, "/" + launchId)
                    : new Launch(PeerSdkChild.class, List.of(mode, url), none,
                    measure == Measure.CLOSE_NOW || measure == Measure.CLOSE_UNUSED ? null : "/" + launchId);
            case CRONITOR -> {
                String code = launchId.replace('/', '-');
                List<String> proxy = new ArrayList<>();
                proxy.add("-D" + scheme + ".proxyHost=127.0.0.1");
                proxy.add("-D" + scheme + ".proxyPort=" + receiver.plainPort());
                yield new Launch(PeerCronitorChild.class, List.of(mode, scheme, code), proxy, "/" + code + "/complete");
            }
            case SENTRY -> {
                String dsn = scheme + "://publickey@127.0.0.1:" + base.substring(base.lastIndexOf(':') + 1) + "/" + launchId
                        + "/1";
                yield new Launch(PeerSentryChild.class, List.of(mode, dsn), none, "/" + launchId + "/api/1/envelope/");
            }
        };
    }

    /**
     * The class path a child of this peer runs with: the benchmark's own classes (the children's
     * mains) and the jars an application using this client would have, nothing else. One class
     * path for all would charge every client for opening and searching some hundred jars (the
     * benchmark's Spring Boot, Sentry, JMH) on its first class lookups.
     */
    String classPath(String full) {
        List<String> kept = new ArrayList<>();
        for (String entry : full.split(File.pathSeparator)) {
            String name = new File(entry).getName();
            boolean own = entry.replace(File.separatorChar, '/').endsWith("heartbeat-sdk-benchmarks/target/classes");
            boolean library = false;
            for (String prefix : jarPrefixes()) {
                library |= name.startsWith(prefix);
            }
            if (own || library || (this == SDK && isTheSdk(entry))) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    private List<String> jarPrefixes() {
        List<String> okhttp = List.of("okhttp-jvm-", "okio-jvm-", "kotlin-stdlib-", "annotations-");
        return switch (this) {
            case URLC -> List.of();
            case OKHTTP, OKHTTP_CLEARTEXT -> okhttp;
            case SDK -> {
                List<String> sdk = new ArrayList<>(okhttp);
                sdk.add("jackson-core-");
                sdk.add("slf4j-api-");
                yield sdk;
            }
            case CRONITOR -> List.of("client-", "httpclient-", "httpcore-", "commons-codec-", "commons-lang3-",
                    "commons-logging-");
            case SENTRY -> List.of("sentry-" + io.sentry.BuildConfig.VERSION_NAME);
        };
    }

    /** The heartbeat-sdk library itself: its jar, or its classes directory in a reactor build. */
    private static boolean isTheSdk(String entry) {
        String path = entry.replace(File.separatorChar, '/');
        String name = new File(entry).getName();
        return path.endsWith("/heartbeat-sdk/target/classes") || (name.startsWith("heartbeat-sdk-")
                && Character.isDigit(name.charAt("heartbeat-sdk-".length())) && name.endsWith(".jar"));
    }

    private static String cronitorVersion() {
        try (InputStream in = Peer.class.getResourceAsStream("/META-INF/maven/io.cronitor/client/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }
}
