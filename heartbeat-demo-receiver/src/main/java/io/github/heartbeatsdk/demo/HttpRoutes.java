package io.github.heartbeatsdk.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.heartbeatsdk.SignalKind;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The receiver's HTTP routes: what the SDK sends (plain pings, Healthchecks-style job signals,
 * Sermant JSON) and what a person reads (the panel, the JSON API).
 *
 * <table>
 * <caption>Routes</caption>
 * <tr><th>route</th><th>what</th></tr>
 * <tr><td>{@code GET /}</td><td>the panel ({@link PanelPage})</td></tr>
 * <tr><td>{@code GET /api/instances}, {@code /api/checks}, {@code /api/signals}</td><td>the same as JSON ({@link ApiJson})</td></tr>
 * <tr><td>{@code POST /sermant/heartbeat}</td><td>a Sermant HeartbeatMessage as JSON ({@code Endpoints.sermantHttp})</td></tr>
 * <tr><td>{@code /hc/<check>}, {@code /start}, {@code /fail}, {@code /log}, {@code /<0-255>}, {@code ?rid=}</td><td>Healthchecks-style signals ({@code Endpoints.healthchecks})</td></tr>
 * <tr><td>{@code /ping/<check>}, or any other path</td><td>a plain ping of that check ({@code Endpoints.url})</td></tr>
 * </table>
 * Signals take any method (GET, HEAD, POST); a POST body is the failure message or log text.
 */
final class HttpRoutes implements HttpHandler {
    /** A larger request body is refused with 413. */
    static final int MAX_BODY = SermantFrameReader.MAX_BYTES;
    /** Check names and run ids are at most this long. */
    static final int MAX_NAME = 200;
    /** Announced to Healthchecks clients, which then trim their bodies to it (as hc-ping.com does). */
    static final int PING_BODY_LIMIT = 10_000;

    private final ReceiverState state;

    HttpRoutes(ReceiverState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/")) {
                page(exchange, "text/html; charset=utf-8", PanelPage.render(state).getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/api/")) {
                api(exchange, path.substring("/api/".length()));
            } else if (path.equals("/favicon.ico")) {
                respond(exchange, 404, "no icon\n");
            } else if (path.equals("/sermant/heartbeat")) {
                sermant(exchange);
            } else if (path.startsWith("/hc/")) {
                healthchecks(exchange, path.substring("/hc/".length()));
            } else {
                String name = path.startsWith("/ping/") ? path.substring("/ping/".length()) : path.substring(1);
                signal(exchange, name, SignalKind.PING, -1);
            }
        } catch (RuntimeException e) {
            state.reject("http", "error handling " + exchange.getRequestURI().getPath() + ": " + e);
            throw e;
        }
    }

    private void api(HttpExchange exchange, String what) throws IOException {
        byte[] json = switch (what) {
            case "instances" -> ApiJson.instances(state.instances(), state.clock().millis());
            case "checks" -> ApiJson.checks(state.checks(), state.clock().millis());
            case "signals" -> ApiJson.signals(state.signals());
            default -> null;
        };
        if (json == null) {
            respond(exchange, 404, "no such API: try /api/instances, /api/checks or /api/signals\n");
        } else {
            page(exchange, "application/json; charset=utf-8", json);
        }
    }

    private void sermant(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 405, "POST a Sermant HeartbeatMessage as JSON\n");
            return;
        }
        byte[] body = body(exchange);
        if (body == null) {
            return;
        }
        try {
            state.beat("http", HeartbeatJson.parse(body));
        } catch (IllegalArgumentException e) {
            state.reject("http", e.getMessage());
            respond(exchange, 400, e.getMessage() + "\n");
            return;
        }
        respond(exchange, 200, "OK\n");
    }

    /** {@code <check>} or {@code <check>/<signal>}: the SDK's slug form, with "hc" as the ping key. */
    private void healthchecks(HttpExchange exchange, String rest) throws IOException {
        exchange.getResponseHeaders().set("Ping-Body-Limit", Integer.toString(PING_BODY_LIMIT));
        int slash = rest.indexOf('/');
        String check = slash < 0 ? rest : rest.substring(0, slash);
        String what = slash < 0 ? "" : rest.substring(slash + 1);
        switch (what) {
            case "" -> signal(exchange, check, SignalKind.SUCCESS, -1);
            case "start" -> signal(exchange, check, SignalKind.START, -1);
            case "fail" -> signal(exchange, check, SignalKind.FAIL, -1);
            case "log" -> signal(exchange, check, SignalKind.LOG, -1);
            default -> {
                if (what.matches("[0-9]{1,3}") && Integer.parseInt(what) <= 255) {
                    signal(exchange, check, SignalKind.EXIT, Integer.parseInt(what));
                } else {
                    respond(exchange, 404, "Healthchecks routes: /hc/<check>[/start|/fail|/log|/<0-255>]\n");
                }
            }
        }
    }

    private void signal(HttpExchange exchange, String name, SignalKind kind, int exitCode) throws IOException {
        String check = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String runId = queryParameter(exchange.getRequestURI().getRawQuery(), "rid");
        if (check.isEmpty() || check.length() > MAX_NAME || (runId != null && runId.length() > MAX_NAME)) {
            respond(exchange, 400, "a check name (and rid) must have 1 to " + MAX_NAME + " characters\n");
            return;
        }
        byte[] body = body(exchange);
        if (body == null) {
            return;
        }
        String text = body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
        state.check("http", check, kind, runId, exitCode, text);
        respond(exchange, 200, "OK\n");
    }

    /** The request body, or null after answering 413 when it is larger than {@link #MAX_BODY}. */
    private byte[] body(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            state.reject("http", "a body over " + MAX_BODY + " bytes to " + exchange.getRequestURI().getPath());
            respond(exchange, 413, "body larger than " + MAX_BODY + " bytes\n");
            return null;
        }
        return body;
    }

    static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return pair.substring(eq + 1); // a stray '%': keep the text as sent
                }
            }
        }
        return null;
    }

    /** A page a person reads: never cached, never running scripts (it shows text from the wire). */
    private static void page(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            respond(exchange, 405, "GET only\n");
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        send(exchange, 200, contentType, body);
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
