package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.internal.PingUrls;
import io.github.heartbeatsdk.internal.Redactor;

/** A management API's error answer, made fit for a message: short, one line, every secret masked. */
final class ErrorBodies {
    static final int MAX_CHARS = 200;

    private ErrorBodies() {
    }

    /** The start of {@code body} (a JSON {@code {"error": "..."}} as it is), without secrets or control characters. */
    static String excerpt(String body, String credential, String url, String[] secrets) {
        String text = body == null ? "" : body.trim();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return scrub(out.toString(), credential, url, secrets);
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
}
