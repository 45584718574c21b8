package io.github.heartbeatsdk.internal;

import java.net.IDN;
import java.util.Locale;

/**
 * The host rules OkHttp's {@code HttpUrl} applies, checked without loading OkHttp: a host it would
 * refuse must fail at build time, not as "Invalid URL host" on the delivery thread. Mirrors its
 * {@code toCanonicalHost}: IPv6 literals without zone ids, names of 1..253 characters in labels
 * of 1..63 after IDN ToASCII (a trailing dot allowed), punycode labels that decode. Where the
 * rules differ in corners (punycode labels that decode to nothing, IDNA 2003 against UTS #46),
 * this check is the stricter one.
 */
final class HostNames {
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private HostNames() {
    }

    /**
     * Why {@code host} (as {@link java.net.URI} gives it, an IPv6 literal in brackets) cannot be
     * used, or null when it can. The reason never quotes the host's characters beyond its shape.
     */
    static String problem(String host) {
        if (host.startsWith("[")) {
            String literal = host.substring(1, host.length() - 1);
            if (literal.indexOf('%') >= 0) {
                return "an IPv6 zone id (the part after %), which URLs cannot carry";
            }
            return isIpv6(literal) ? null : "an invalid IPv6 address";
        }
        String ascii;
        try {
            ascii = isAscii(host) ? host : IDN.toASCII(host);
        } catch (IllegalArgumentException e) {
            return "an invalid internationalized domain name";
        }
        return nameProblem(ascii.toLowerCase(Locale.ROOT));
    }

    private static String nameProblem(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return "a name of " + name.length() + " characters (at most " + MAX_NAME + ")";
        }
        int end = name.endsWith(".") ? name.length() - 1 : name.length(); // a trailing dot is allowed
        int start = 0;
        while (start <= end) {
            int dot = name.indexOf('.', start);
            int labelEnd = dot < 0 || dot > end ? end : dot;
            String label = name.substring(start, labelEnd);
            if (label.isEmpty()) {
                return "an empty label (a leading dot or two dots in a row)";
            }
            if (label.length() > MAX_LABEL) {
                return "a label of " + label.length() + " characters (at most " + MAX_LABEL + ")";
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                    return "a character other than a letter, digit, '-' or '_' at index " + (start + i);
                }
            }
            if (label.startsWith("xn--") && !isPunycode(label)) {
                return "a label starting with xn-- that is not valid punycode";
            }
            start = labelEnd + 1;
        }
        return null;
    }

    /** Whether an {@code xn--} label decodes to Unicode that encodes back to it. */
    private static boolean isPunycode(String label) {
        String unicode = IDN.toUnicode(label);
        if (unicode.equals(label)) {
            return false; // toUnicode returns its input when it cannot decode it
        }
        try {
            return IDN.toASCII(unicode).toLowerCase(Locale.ROOT).equals(label);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * OkHttp's IPv6 grammar: groups of one to four hex digits separated by ':', at most one "::",
     * and optionally a dotted IPv4 address (no leading zeros) as the last 32 bits.
     */
    static boolean isIpv6(String input) {
        int bytes = 0;
        int compress = -1;
        int groupStart = -1;
        int i = 0;
        int limit = input.length();
        while (i < limit) {
            if (bytes == 16) {
                return false; // too many groups
            }
            if (input.startsWith("::", i)) {
                if (compress != -1) {
                    return false;
                }
                i += 2;
                bytes += 2;
                compress = bytes;
                if (i == limit) {
                    break;
                }
            } else if (bytes != 0) {
                if (input.charAt(i) == '.') {
                    // The previous group was the first byte of an IPv4 suffix, which takes four bytes.
                    if (bytes - 2 + 4 > 16 || !isIpv4(input.substring(groupStart))) {
                        return false;
                    }
                    bytes += 2;
                    break;
                }
                if (input.charAt(i) != ':') {
                    return false;
                }
                i++;
            }
            groupStart = i;
            while (i < limit && isHexDigit(input.charAt(i))) {
                i++;
            }
            int digits = i - groupStart;
            if (digits == 0 || digits > 4) {
                return false;
            }
            bytes += 2;
        }
        return bytes == 16 || compress != -1;
    }

    private static boolean isIpv4(String input) {
        String[] parts = input.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
