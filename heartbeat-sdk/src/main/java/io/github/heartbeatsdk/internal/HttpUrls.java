package io.github.heartbeatsdk.internal;

import java.net.URI;
import java.net.URISyntaxException;

/** Eager checks of URLs and header values given to the public API; messages never echo a secret. */
public final class HttpUrls {
    private HttpUrls() {
    }

    /**
     * Checks that {@code url} is an absolute http or https URL with a host the HTTP client takes
     * (see {@link HostNames}).
     *
     * @param setting the name of the setting, used in the message
     * @return the URL, trimmed
     * @throws IllegalArgumentException naming the setting and showing the URL redacted
     */
    public static String requireHttpUrl(String setting, String url) {
        if (url == null) {
            throw new NullPointerException(setting + " == null");
        }
        String trimmed = url.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(setting + " must be an absolute http or https URL, got a blank string");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " must be an absolute http or https URL, got an unparseable URL ("
                    + Redactor.url(trimmed) + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new IllegalArgumentException(setting + " must be an absolute http or https URL, got a relative URL");
        }
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException(setting + " must be an absolute http or https URL, got scheme '"
                    + scheme + "' (" + Redactor.url(trimmed) + ")");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException(setting + " port must be in 1..65535, got " + uri.getPort() + " ("
                    + Redactor.url(trimmed) + ")");
        }
        String host = Redactor.host(uri);
        if (host == null) {
            throw new IllegalArgumentException(setting + " must be an absolute http or https URL with a host, got "
                    + Redactor.url(trimmed));
        }
        String problem = HostNames.problem(host);
        if (problem != null) {
            throw new IllegalArgumentException(setting + " must have a valid host name or IP address, got one with "
                    + problem + " (" + Redactor.url(trimmed) + ")");
        }
        return trimmed;
    }

    /** Rejects header names and values that could split a request (CR or LF) or are empty. */
    public static void requireHeader(String name, String value) {
        if (name == null) {
            throw new NullPointerException("header name == null");
        }
        if (value == null) {
            throw new NullPointerException("header value == null (header " + name + ")");
        }
        if (name.isEmpty() || !isToken(name)) {
            throw new IllegalArgumentException("header name must be a non-empty token without spaces, got '" + name + "'");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header " + name + " must not contain CR or LF, got "
                    + Redactor.headerValue(value));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                // HTTP allows only visible ASCII, space and tab here; the value is never shown, it may be a key.
                throw new IllegalArgumentException("header " + name + " must hold printable ASCII only, got a "
                        + "character 0x" + Integer.toHexString(c) + " at index " + i);
            }
        }
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
