package io.github.heartbeatsdk.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Masks credentials before text reaches a log line, a {@code toString()} or an exception.
 *
 * <p>Ping URLs carry their secret in the path or query (Xitoring ids, Healthchecks UUIDs, API
 * keys, push tokens), so only the scheme, host and port are ever shown.
 */
public final class Redactor {
    /** What replaces a secret. */
    public static final String MASK = "***";
    private static final String[] AUTH_SCHEMES = {"Basic", "Bearer", "Digest", "Token", "ApiKey"};

    private Redactor() {
    }

    /** Returns {@code scheme://host[:port]/***}, or a mask alone when the text is not a URL. */
    public static String url(String url) {
        if (url == null) {
            return "null";
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return MASK;
            }
            String host = host(uri);
            String hostPort;
            if (host == null) {
                hostPort = MASK;
            } else if (uri.getHost() != null) {
                hostPort = host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            } else { // a registry authority (an underscore in the host): host[:port] as written, without user info
                hostPort = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
            }
            boolean hasSecretPart = (uri.getRawPath() != null && uri.getRawPath().length() > 1)
                    || uri.getRawQuery() != null || uri.getRawUserInfo() != null;
            return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + hostPort + (hasSecretPart ? "/" + MASK : "");
        } catch (URISyntaxException e) {
            return MASK;
        }
    }

    /**
     * The URL's host; also one java.net.URI does not parse as a server name (an underscore, as in
     * docker-compose service names) but HTTP clients accept. Null when there is none.
     */
    static String host(URI uri) {
        if (uri.getHost() != null && !uri.getHost().isEmpty()) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon >= 0 && hostPort.indexOf(']') < colon ? hostPort.substring(0, colon) : hostPort;
        // Letters beyond ASCII: an internationalized name (café.example), checked by HostNames.
        return host.matches("[A-Za-z0-9._\\-\\u0080-\\uFFFF]+|\\[[0-9A-Fa-f:.]+]") ? host : null;
    }

    /**
     * Removes every appearance of the URL, its path and its query from {@code text}, for messages
     * that come from code we do not control (exceptions of the HTTP stack).
     */
    public static String scrub(String text, String url) {
        if (text == null || url == null) {
            return text;
        }
        String result = text.replace(url, url(url));
        try {
            URI uri = new URI(url);
            result = replaceIfLong(result, uri.getRawQuery());
            result = replaceIfLong(result, uri.getRawPath());
            result = replaceIfLong(result, uri.getRawUserInfo());
        } catch (URISyntaxException e) {
            // The whole URL is already replaced; nothing more can be recognised.
        }
        return result;
    }

    /** Masks a header value, keeping a well-known auth scheme word ({@code Bearer ***}) when it starts with one. */
    public static String headerValue(String value) {
        int space = value == null ? -1 : value.indexOf(' ');
        if (space > 0) {
            String scheme = value.substring(0, space);
            for (String known : AUTH_SCHEMES) {
                if (known.equalsIgnoreCase(scheme)) {
                    return scheme + " " + MASK;
                }
            }
        }
        return MASK;
    }

    private static String replaceIfLong(String text, String secret) {
        // A one-character path ("/") carries no secret, and replacing it would mangle the text.
        return secret != null && secret.length() > 1 ? text.replace(secret, MASK) : text;
    }
}
