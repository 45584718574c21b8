package io.github.heartbeatsdk.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 request as {@link ArrivalReceiver} reads it: the request line and the headers it
 * needs, then the body skipped by its {@code Content-Length} or its chunks. The target is kept as
 * a path: an absolute-form target ({@code GET http://host/path HTTP/1.1}, what a client sends to
 * a proxy) and a query lose everything but the path.
 */
final class RequestHead {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    final String method;
    /** The path of the target, without scheme, authority or query; for CONNECT the authority ({@code host:port}). */
    final String path;
    final long contentLength;
    final boolean chunked;
    final boolean keepAlive;
    final boolean expectContinue;

    private RequestHead(String method, String path, long contentLength, boolean chunked, boolean keepAlive,
                        boolean expectContinue) {
        this.method = method;
        this.path = path;
        this.contentLength = contentLength;
        this.chunked = chunked;
        this.keepAlive = keepAlive;
        this.expectContinue = expectContinue;
    }

    /** Reads a request line and headers; {@code null} when the stream ends before a request starts. */
    static RequestHead read(InputStream in) throws IOException {
        String line = readLine(in, true);
        while (line != null && line.isEmpty()) {
            line = readLine(in, true); // a stray CRLF between requests is allowed (RFC 9112, 2.2)
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x request line: " + line);
        }
        boolean http10 = parts[2].equals("HTTP/1.0");
        long contentLength = 0;
        boolean chunked = false;
        Boolean connectionKeepAlive = null;
        boolean expectContinue = false;
        for (int i = 0; ; i++) {
            String header = readLine(in, false);
            if (header.isEmpty()) {
                break;
            }
            if (i == MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " headers");
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header: " + header);
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                case "connection" -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    if (v.contains("close")) {
                        connectionKeepAlive = false;
                    } else if (v.contains("keep-alive")) {
                        connectionKeepAlive = true;
                    }
                }
                case "expect" -> expectContinue = value.equalsIgnoreCase("100-continue");
                default -> {
                }
            }
        }
        boolean keepAlive = connectionKeepAlive != null ? connectionKeepAlive : !http10;
        return new RequestHead(parts[0], pathOf(parts[0], parts[1]), chunked ? -1 : contentLength, chunked, keepAlive,
                expectContinue);
    }

    /** The path of a request target: origin form as it is, absolute form without scheme and authority, no query. */
    static String pathOf(String method, String target) {
        if (method.equals("CONNECT")) {
            return target;
        }
        String path = target;
        int scheme = path.indexOf("://");
        if (scheme > 0 && path.indexOf('/') > scheme) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** Reads and drops the body: {@code Content-Length} bytes, or the chunks and the trailers. */
    void skipBody(InputStream in) throws IOException {
        if (!chunked) {
            skip(in, contentLength);
            return;
        }
        while (true) {
            String size = readLine(in, false);
            int semicolon = size.indexOf(';');
            long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!readLine(in, false).isEmpty()) {
                    // trailers: dropped
                }
                return;
            }
            skip(in, n);
            if (!readLine(in, false).isEmpty()) {
                throw new IOException("no CRLF after a chunk");
            }
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("body ended " + left + " bytes early");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** A line without its CRLF (a bare LF ends one too); {@code null} at a clean end of stream if allowed. */
    private static String readLine(InputStream in, boolean endAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside a request");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() == MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }
}
