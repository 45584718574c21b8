package io.github.heartbeatsdk.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Pushgateway's URLs: its base URL (user info taken out for a Basic credential), the path of
 * a grouping key ({@code /metrics/job/<job>{/<label>/<value>}}, a value that is not plain ASCII in
 * the {@code <label>@base64/<value>} form), and the one-string form {@code Endpoints.parse} reads.
 */
public final class PushgatewayUrls {
    /**
     * Values written as they are. Anything else goes base64: a '/' would split the path, an empty
     * value would vanish in a "//", and "." or ".." would be resolved away by the HTTP client or
     * redirected by the Pushgateway's router.
     */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_~:.-]+");

    private PushgatewayUrls() {
    }

    /** A base URL and the Basic credential its user info carried. */
    public static final class Base {
        /** {@code scheme://host[:port][/prefix]}, without user info or trailing slash. */
        public final String url;
        /** {@code Basic <base64 of user:password>}, or null when the URL had no user info. */
        public final String authorization;

        Base(String url, String authorization) {
            this.url = url;
            this.authorization = authorization;
        }
    }

    /**
     * Checks the Pushgateway's base URL ({@code http://pushgateway:9091}, perhaps with a path
     * prefix and {@code user:password@}) and splits off its user info.
     *
     * @throws IllegalArgumentException for a URL that is not http(s), has a query or fragment, or
     *     already names a group; messages show the URL redacted
     */
    public static Base base(String url) {
        String checked = HttpUrls.requireHttpUrl("url", url);
        if (checked.indexOf('?') >= 0 || checked.indexOf('#') >= 0) {
            throw new IllegalArgumentException("url must be the Pushgateway's base URL like http://pushgateway:9091,"
                    + " without a query or fragment (grouping labels: withLabel(name, value)), got " + Redactor.url(checked));
        }
        String path = URI.create(checked).getRawPath();
        if (path != null && (path.contains("/metrics/job") || path.endsWith("/metrics"))) {
            throw new IllegalArgumentException("url must be the Pushgateway's base URL like http://pushgateway:9091:"
                    + " the SDK adds /metrics/job/<job> itself, got " + Redactor.url(checked));
        }
        return split(PingUrls.withoutQuery(checked));
    }

    private static Base split(String url) {
        URI uri = URI.create(url);
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return new Base(url, null);
        }
        int start = url.indexOf("://") + 3;
        int at = url.indexOf('@', start);
        String credential = PingUrls.decode(userInfo);
        if (credential.indexOf(':') < 0) {
            credential += ":"; // a user without a password
        }
        String basic = Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8));
        return new Base(url.substring(0, start) + url.substring(at + 1), "Basic " + basic);
    }

    /** The path of the group {@code job} and {@code labels}, starting with {@code /metrics/job}. */
    public static String groupPath(String job, Map<String, String> labels) {
        StringBuilder path = new StringBuilder("/metrics");
        segment(path, "job", job);
        for (Map.Entry<String, String> label : labels.entrySet()) {
            segment(path, label.getKey(), label.getValue());
        }
        return path.toString();
    }

    private static void segment(StringBuilder path, String name, String value) {
        if (PLAIN.matcher(value).matches() && !".".equals(value) && !"..".equals(value)) {
            path.append('/').append(name).append('/').append(value);
        } else {
            // The Pushgateway needs at least one '=' to tell an empty value from a missing one.
            String encoded = value.isEmpty() ? "=" : Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(value.getBytes(StandardCharsets.UTF_8));
            path.append('/').append(name).append("@base64/").append(encoded);
        }
    }

    /** What the one-string form names: base URL, job and grouping labels in order. */
    public static final class Parsed {
        /** The base URL, user info included, for {@link #base}. */
        public final String baseUrl;
        /** The job. */
        public final String job;
        /** The grouping labels, in the order given (names and values not yet checked). */
        public final Map<String, String> labels;

        Parsed(String baseUrl, String job, Map<String, String> labels) {
            this.baseUrl = baseUrl;
            this.job = job;
            this.labels = labels;
        }
    }

    /**
     * Reads {@code http://host:9091[/prefix]/<job>[?<label>=<value>&...]} or the Pushgateway's own
     * {@code http://host:9091[/prefix]/metrics/job/<job>{/<label>/<value>}} (with {@code @base64}
     * forms). Path segments and query values are percent-decoded; a '+' stays a '+'.
     *
     * @throws IllegalArgumentException for another shape; messages show the URL redacted
     */
    public static Parsed parse(String url) {
        String checked = HttpUrls.requireHttpUrl("url", url);
        URI uri;
        try {
            uri = new URI(checked);
        } catch (URISyntaxException e) {
            throw shape(checked); // requireHttpUrl parsed it already
        }
        if (uri.getRawFragment() != null) {
            throw shape(checked);
        }
        String[] segments = PingUrls.pathSegments(checked);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.contains("//")) {
            throw new IllegalArgumentException("url must not have an empty path segment ('//'): an empty label value"
                    + " is <label>@base64/= or ?<label>= (" + Redactor.url(checked) + ")");
        }
        String authority = checked.substring(0, checked.indexOf("://") + 3) + uri.getRawAuthority();
        Map<String, String> labels = new LinkedHashMap<String, String>();
        int metrics = indexOfGroup(segments);
        String job;
        String prefix;
        if (metrics >= 0) {
            if ((segments.length - metrics) % 2 == 0) { // metrics, job, <job>, then name/value pairs
                throw new IllegalArgumentException("url must have a value for every label after /metrics/job/<job>,"
                        + " got an odd number of segments (" + Redactor.url(checked) + ")");
            }
            job = value(segments[metrics + 1], segments[metrics + 2], checked);
            for (int i = metrics + 3; i + 1 < segments.length; i += 2) {
                String name = segments[i].endsWith("@base64")
                        ? segments[i].substring(0, segments[i].length() - "@base64".length()) : segments[i];
                put(labels, PingUrls.decode(name), value(segments[i], segments[i + 1], checked));
            }
            prefix = join(segments, metrics);
        } else {
            if (segments.length == 0) {
                throw shape(checked);
            }
            job = PingUrls.decode(segments[segments.length - 1]);
            prefix = join(segments, segments.length - 1);
        }
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("url's query must be <label>=<value> pairs joined by '&', got a"
                            + " part without a name or '=' (" + Redactor.url(checked) + ")");
                }
                put(labels, PingUrls.decode(pair.substring(0, equals)), PingUrls.decode(pair.substring(equals + 1)));
            }
        }
        return new Parsed(authority + prefix, job, labels);
    }

    /** The index of "metrics" where the path goes on with "job" (or "job@base64") and a value, or -1. */
    private static int indexOfGroup(String[] segments) {
        for (int i = 0; i + 2 < segments.length; i++) {
            if ("metrics".equals(segments[i]) && ("job".equals(segments[i + 1]) || "job@base64".equals(segments[i + 1]))) {
                return i;
            }
        }
        return -1;
    }

    private static String value(String name, String raw, String url) {
        if (!name.endsWith("@base64")) {
            return PingUrls.decode(raw);
        }
        String unpadded = raw;
        while (unpadded.endsWith("=")) {
            unpadded = unpadded.substring(0, unpadded.length() - 1);
        }
        try {
            return new String(Base64.getUrlDecoder().decode(unpadded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url's " + name + " value is not URL-safe base64 ("
                    + Redactor.url(url) + ")");
        }
    }

    private static void put(Map<String, String> labels, String name, String value) {
        if (labels.put(name, value) != null) {
            throw new IllegalArgumentException("url names label " + PrometheusText.shown(name) + " twice");
        }
    }

    private static String join(String[] segments, int end) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < end; i++) {
            prefix.append('/').append(segments[i]);
        }
        return prefix.toString();
    }

    private static IllegalArgumentException shape(String url) {
        return PingUrls.wrongShape("pushgateway+http(s)://host:port/<job> (grouping labels as ?<label>=<value>&...)"
                + " or ...:port/metrics/job/<job>/<label>/<value>...", url);
    }
}
