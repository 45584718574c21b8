package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.internal.PingUrls;
import io.github.heartbeatsdk.internal.Redactor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A backend's error answer, made fit for a message: short, one line, every secret masked. */
final class ErrorBodies {
    static final int MAX_CHARS = 200;
    /**
     * How much of a refused signal's answer its error quotes: a Pushgateway's reason for a 400
     * (the inconsistent metric, printed whole) runs to about 300 characters.
     */
    static final int MAX_REFUSAL_CHARS = 500;

    private ErrorBodies() {
    }

    /** The start of {@code body} (a JSON {@code {"error": "..."}} as it is), without secrets or control characters. */
    static String excerpt(String body, String credential, String url, String[] secrets) {
        return excerpt(body, credential, url, secrets, MAX_CHARS);
    }

    /**
     * As {@link #excerpt(String, String, String, String[])}, at most {@code maxChars} long. The
     * whole text is scrubbed before it is cut, so a secret at the cut cannot leave a piece behind.
     */
    static String excerpt(String body, String credential, String url, String[] secrets, int maxChars) {
        String text = scrub(body == null ? "" : body.trim(), credential, url, secrets);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < maxChars; i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (!space) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' '); // one line: a CRLF or an indented JSON body reads as single spaces
            }
        }
        return out.toString().trim();
    }

    /** {@code text} with the credential, the URL's secret and the ping URL's secret parts masked, should the backend echo them. */
    static String scrub(String text, String credential, String url, String[] secrets) {
        String scrubbed = Redactor.scrub(text, url);
        if (credential != null && credential.length() >= 4) {
            scrubbed = scrubbed.replace(credential, "***");
        }
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                scrubbed = scrubbed.replace(secret, "***");
                scrubbed = scrubbed.replace(PingUrls.decode(secret), "***");
            }
        }
        return scrubbed;
    }

    /**
     * What a request's headers hold that an answer must never repeat: each value, the credential
     * after an auth scheme ({@code Bearer <token>}), and a Basic credential decoded, whole and its
     * password alone.
     */
    static String[] headerSecrets(Map<String, String> headers) {
        List<String> secrets = new ArrayList<String>();
        for (String value : headers.values()) {
            secrets.add(value);
            int space = value.indexOf(' ');
            String credential = space > 0 ? value.substring(space + 1).trim() : value;
            secrets.add(credential);
            if (space > 0 && "Basic".equalsIgnoreCase(value.substring(0, space))) {
                try {
                    String userAndPassword = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
                    secrets.add(userAndPassword);
                    int colon = userAndPassword.indexOf(':');
                    if (colon >= 0) {
                        secrets.add(userAndPassword.substring(colon + 1));
                    }
                } catch (IllegalArgumentException notBase64) {
                    // Not a Basic credential after all: its value is masked as it is.
                }
            }
        }
        return secrets.toArray(new String[0]);
    }
}
