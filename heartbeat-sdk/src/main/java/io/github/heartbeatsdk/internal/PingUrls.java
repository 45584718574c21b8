package io.github.heartbeatsdk.internal;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;

/** Builds the URLs of ping APIs: path segments and query parameters, percent-encoded. */
public final class PingUrls {
    private PingUrls() {
    }

    /** {@code base} with {@code segment} appended as one more path segment (encoded). */
    public static String segment(String base, String segment) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + "/" + encode(segment);
    }

    /**
     * {@code url} with the given name/value pairs added to its query; pairs whose value is null
     * are left out.
     */
    public static String query(String url, String... namesAndValues) {
        StringBuilder out = new StringBuilder(url);
        boolean hasQuery = url.indexOf('?') >= 0;
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value == null) {
                continue;
            }
            out.append(hasQuery ? '&' : '?').append(encode(namesAndValues[i])).append('=').append(encode(value));
            hasQuery = true;
        }
        return out.toString();
    }

    /** Percent-encodes for a path segment or query value (spaces as %20, never '+'). */
    public static String encode(String text) {
        try {
            return URLEncoder.encode(text, "UTF-8").replace("+", "%20");
        } catch (UnsupportedEncodingException e) {
            throw new AssertionError(e); // UTF-8 is always supported
        }
    }

    /** Decodes a percent-encoded path segment. */
    public static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), "UTF-8");
        } catch (UnsupportedEncodingException | IllegalArgumentException e) {
            return segment; // not valid percent-encoding: taken as it is
        }
    }

    /** The URL's path split into non-empty segments. */
    public static String[] pathSegments(String url) {
        try {
            String path = new URI(url).getRawPath();
            if (path == null) {
                return new String[0];
            }
            String trimmed = path.replaceAll("^/+|/+$", "");
            return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL (" + Redactor.url(url) + ")");
        }
    }

    /**
     * A preset's base URL from what the user gave: checked as an http(s) URL, then without its
     * query (the preset adds its own parameters) and trailing slash.
     */
    public static String presetBase(String url) {
        return withoutQuery(HttpUrls.requireHttpUrl("url", url));
    }

    /** The error for a URL that is not the shape a preset needs; it shows the URL redacted, never its secret. */
    public static IllegalArgumentException wrongShape(String shape, String url) {
        return new IllegalArgumentException("url must be " + shape + ", got " + Redactor.url(url));
    }

    /** {@code url} without its query and fragment, and without a trailing slash. */
    public static String withoutQuery(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String result = url.substring(0, cut);
        return result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }
}
