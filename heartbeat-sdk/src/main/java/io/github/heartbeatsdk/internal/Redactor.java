package io.github.heartbeatsdk.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * Removes every appearance of the URL, its path, its query and its user info from
     * {@code text}, for messages that come from code we do not control (exceptions of the HTTP
     * stack, which quote what went on the wire). Each part is recognised as given, decoded, and as
     * an HTTP client sends it: characters percent-encoded as UTF-8 in upper- or lower-case hex, and
     * in a query a space as {@code +} or {@code %20}.
     */
    public static String scrub(String text, String url) {
        if (text == null || url == null) {
            return text;
        }
        String result = text.replace(url, url(url));
        try {
            URI uri = new URI(url);
            result = maskEverySpelling(result, uri.getRawQuery(), uri.getQuery(), true);
            result = maskEverySpelling(result, uri.getRawPath(), uri.getPath(), false);
            result = maskEverySpelling(result, uri.getRawUserInfo(), uri.getUserInfo(), false);
        } catch (URISyntaxException e) {
            // The whole URL is already replaced; nothing more can be recognised.
        }
        return result;
    }

    private static String maskEverySpelling(String text, String raw, String decoded, boolean query) {
        // A one-character path ("/") carries no secret, and replacing it would mangle the text.
        if (raw == null || raw.length() <= 1) {
            return text;
        }
        String result = text.replace(raw, MASK);
        if (decoded == null || decoded.length() <= 1) {
            return result;
        }
        return Pattern.compile(anySpelling(decoded, query)).matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
    }

    /** A regular expression matching {@code decoded} with any of its characters percent-encoded. */
    private static String anySpelling(String decoded, boolean query) {
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < decoded.length(); i += Character.charCount(decoded.codePointAt(i))) {
            int codePoint = decoded.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            if (codePoint < 0x80 && Character.isLetterOrDigit(codePoint)) {
                pattern.append(character); // never encoded on the wire
                continue;
            }
            pattern.append("(?:").append(Pattern.quote(character));
            if (query && codePoint == ' ') {
                pattern.append("|\\+");
            }
            pattern.append('|');
            for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
                pattern.append('%').append(hexDigit((b >> 4) & 0xf)).append(hexDigit(b & 0xf));
            }
            pattern.append(')');
        }
        return pattern.toString();
    }

    private static String hexDigit(int value) {
        char upper = Character.toUpperCase(Character.forDigit(value, 16));
        return value < 10 ? String.valueOf(upper) : "[" + upper + Character.toLowerCase(upper) + "]";
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
}
