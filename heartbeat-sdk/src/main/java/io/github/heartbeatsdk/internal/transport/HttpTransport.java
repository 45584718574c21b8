package io.github.heartbeatsdk.internal.transport;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.EndpointResponse;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.internal.LazyLogger;
import io.github.heartbeatsdk.internal.Redactor;
import io.github.heartbeatsdk.internal.SdkVersion;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Delivers signals as HTTP requests with synchronous OkHttp calls on the delivery thread.
 *
 * <p>Synchronous calls on our own thread, not OkHttp's {@code enqueue}: its dispatcher adds
 * threads of its own, delivers more slowly (BENCHMARKS.md) and can lose a ping enqueued right
 * before {@code System.exit}. The OkHttp client is built lazily on the delivery thread, so
 * loading OkHttp's classes never costs the caller of {@code build()}.
 */
public final class HttpTransport implements Transport {
    /** Response bodies are read up to this many bytes (so the connection can be reused), never more. */
    static final long MAX_RESPONSE_BYTES = 8 * 1024;
    /** How much of a refusal's answer is kept to quote its reason. */
    static final long MAX_QUOTED_BYTES = 2 * 1024;
    private static final LazyLogger log = new LazyLogger(HttpTransport.class);

    private final Endpoint endpoint;
    private final HttpSettings settings;
    private final Clock clock;
    /** The endpoint's monitor, created or updated before its first signal; null when it has none. */
    private MonitorSetup monitor;
    private final Credentials credentials;
    /** True once the monitor exists, or once the endpoint turned out to have none. */
    private boolean monitorReady;
    /** Why the backend refused the monitor: the answer to this and every later signal. */
    private Attempt monitorRefused;
    /** The user's client, configured; null when the SDK's own are used. Guarded by this. */
    private OkHttpClient userClient;
    /** The SDK's shared clients for https and plain http URLs, leased on first use. Guarded by this. */
    private SharedOkHttp.Lease tlsLease;
    private SharedOkHttp.Lease cleartextLease;
    /**
     * The OkHttp request last built, and what it was built from. A burst of pings to one URL is
     * the same {@link EndpointRequest} again and again, and rebuilding it each time costs time
     * and garbage. Kept for one drain only ({@link #drained}), so idle or backing-off clients,
     * perhaps thousands of them, keep none.
     */
    private EndpointRequest lastRequest;
    private Request lastOkHttpRequest;
    private volatile Call inFlight;
    private boolean closed; // guarded by this, like the clients

    public HttpTransport(Endpoint endpoint, HttpSettings settings, Clock clock) {
        this(endpoint, settings, clock, Credentials.NONE);
    }

    public HttpTransport(Endpoint endpoint, HttpSettings settings, Clock clock, Credentials credentials) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.clock = clock;
        this.credentials = credentials;
        this.monitorReady = !(endpoint instanceof MonitorSetup); // asked on the first send: a schedule may come late
        WarmUp.transportOpened();
    }

    @Override
    public Attempt send(Signal signal) {
        if (!WarmUp.sendStarted) {
            WarmUp.sendStarted = true;
        }
        EndpointRequest request;
        try {
            request = endpoint.request(signal);
        } catch (VirtualMachineError | LinkageError e) {
            throw e; // the dispatcher ends the signal FAILED, naming a missing class
        } catch (Throwable e) { // the user's endpoint: sneaky checked exceptions and Errors too
            return Attempt.rejected(0, "endpoint " + endpoint.getClass().getName() + " failed to build a request: "
                    + e.getClass().getName());
        }
        if (request == null) {
            return Attempt.skipped(); // a beat a ping endpoint skips is no reason to touch its check
        }
        if (!monitorReady) {
            Attempt setup = setUpMonitor();
            if (setup != null) {
                return setup; // the signal waits (retried) or ends with the monitor's refusal
            }
        }
        String url = request.url();
        Call call;
        try {
            if (request != lastRequest) {
                lastOkHttpRequest = toOkHttp(request);
                lastRequest = request;
            }
            call = client(lastOkHttpRequest.url()).newCall(lastOkHttpRequest);
        } catch (RuntimeException e) {
            return Attempt.rejected(0, "cannot send to " + Redactor.url(url) + ": "
                    + Redactor.scrub(e.toString(), url));
        }
        inFlight = call;
        try (Response response = call.execute()) {
            Buffer answer = isRefusal(response.code()) && isText(response) ? new Buffer() : null;
            if (!drainBounded(response.body(), answer)) {
                // Closing would read the rest to reuse the connection; cancelling drops it unread.
                call.cancel();
            }
            tellEndpoint(response);
            String reason = answer == null ? "" : ErrorBodies.excerpt(answer.readUtf8(), null, url,
                    ErrorBodies.headerSecrets(request.headers()), ErrorBodies.MAX_REFUSAL_CHARS);
            return classify(response, url, reason);
        } catch (RuntimeException e) {
            // A bug in an interceptor of the user's OkHttpClient, say: not transient, and its message may quote the URL.
            return Attempt.rejected(0, "HTTP call to " + Redactor.url(url) + " failed: " + e.getClass().getName());
        } catch (IOException e) {
            String error = Redactor.scrub(describe(e), url) + " (" + Redactor.url(url) + ")";
            String misconfigured = tlsMisconfiguration(e);
            if (misconfigured != null) {
                return Attempt.rejected(0, "TLS: " + misconfigured + ": " + error);
            }
            return Attempt.retryable(0, error, -1);
        } finally {
            inFlight = null;
        }
    }

    /** Creates or updates the monitor; null once it exists, else what becomes of the signal waiting for it. */
    private Attempt setUpMonitor() {
        if (monitorRefused != null) {
            return monitorRefused;
        }
        if (monitor == null) {
            try {
                if (!((MonitorSetup) endpoint).hasMonitor()) {
                    monitorReady = true;
                    return null;
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (IllegalArgumentException e) { // a schedule this backend cannot take: our own message
                return refuse(0, "the check's monitor could not be defined: " + e.getMessage());
            } catch (Throwable e) { // the user's supplier of the schedule: its message may hold anything
                return refuse(0, "the check's monitor could not be defined: its schedule's supplier threw "
                        + e.getClass().getName());
            }
            monitor = (MonitorSetup) endpoint;
        }
        String what = "creating or updating the " + monitor.backend() + " check";
        String key = monitor.credentialKey();
        String credential = null;
        if (key != null) {
            try {
                credential = credentials.find(key);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) { // the user's configuration
                return refuse(0, what + ": reading " + key + " from the configuration failed: " + e.getClass().getName());
            }
            if (credential == null) {
                return refuse(0, what + ": no API key; set " + key + " in the configuration, as a system property or as"
                        + " the environment variable " + Credentials.environmentName(key));
            }
        }
        EndpointRequest upsert;
        try {
            upsert = monitor.upsertRequest(credential);
        } catch (IllegalArgumentException e) { // a key with a control or non-ASCII character cannot be a header
            return refuse(0, what + ": the API key in " + key + " cannot be sent as an HTTP header (it holds a control"
                    + " or non-ASCII character, a stray space perhaps)");
        }
        String url = upsert.url();
        Call call;
        try {
            Request request = toOkHttp(upsert);
            call = client(request.url()).newCall(request);
        } catch (RuntimeException e) {
            return refuse(0, what + ": cannot send to " + Redactor.url(url));
        }
        inFlight = call;
        try (Response response = call.execute()) {
            int code = response.code();
            String body = readBounded(response.body());
            if (code >= 200 && code < 300) {
                monitorReady = true;
                log.get().debug("{} check set up from code ({}, HTTP {})", monitor.backend(), Redactor.url(url), code);
                return null;
            }
            String answer = "HTTP " + code + " from " + Redactor.url(url);
            if (code == 408 || code == 429 || code >= 500) {
                return Attempt.retryable(code, what + ": " + answer,
                        RetryAfter.parseMillis(retryAfter(response), clock.millis()));
            }
            if (code == 401 || code == 403) {
                return refuse(code, what + ": " + answer + ": the API key is " + (code == 401 ? "wrong or missing"
                        : "read-only or not allowed to") + " ; set " + key + " to a read-write API key of the check's project");
            }
            String detail = ErrorBodies.excerpt(body, credential, url, monitor.secrets());
            return refuse(code, what + ": " + answer + (detail.isEmpty() ? "" : ": " + detail));
        } catch (RuntimeException e) {
            return refuse(0, what + ": HTTP call to " + Redactor.url(url) + " failed: " + e.getClass().getName());
        } catch (IOException e) {
            return Attempt.retryable(0, what + ": " + ErrorBodies.scrub(describe(e), credential, url, monitor.secrets())
                    + " (" + Redactor.url(url) + ")", -1);
        } finally {
            inFlight = null;
        }
    }

    private Attempt refuse(int code, String reason) {
        monitorRefused = Attempt.rejected(code, reason);
        return monitorRefused;
    }

    /** A small body as text (an API's error message); what is past {@link #MAX_RESPONSE_BYTES} is not read. */
    private static String readBounded(ResponseBody body) {
        try {
            BufferedSource source = body.source();
            source.request(MAX_RESPONSE_BYTES);
            long size = Math.min(MAX_RESPONSE_BYTES, source.getBuffer().size());
            return source.getBuffer().snapshot().substring(0, (int) size).utf8();
        } catch (IOException | RuntimeException cutShort) {
            return "";
        }
    }

    private void tellEndpoint(final Response response) {
        try {
            endpoint.onResponse(new EndpointResponse() {
                @Override
                public int statusCode() {
                    return response.code();
                }

                @Override
                public String header(String name) {
                    return "Retry-After".equalsIgnoreCase(name) ? retryAfter(response) : response.header(name);
                }
            });
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // the user's endpoint: whatever it throws, the answer still decides the outcome
            log.get().warn("endpoint {} failed in onResponse: {}", endpoint.getClass().getName(), e.getClass().getName());
        }
    }

    /** {@code reason}: what the backend said about a refusal, scrubbed, or empty. */
    private Attempt classify(Response response, String url, String reason) {
        int code = response.code();
        if (code >= 200 && code < 300) {
            return Attempt.delivered(code);
        }
        String error = "HTTP " + code + " from " + Redactor.url(url);
        if (code == 408 || code == 429 || code >= 500) {
            return Attempt.retryable(code, error, RetryAfter.parseMillis(retryAfter(response), clock.millis()));
        }
        if (code >= 300 && code < 400) {
            return Attempt.rejected(code, error + " (redirect not followed: point the endpoint at the URL it redirects to)");
        }
        return Attempt.rejected(code, reason.isEmpty() ? error : error + ": " + reason);
    }

    /** A 4xx that retrying cannot fix: the one answer whose reason the signal's error quotes. */
    private static boolean isRefusal(int code) {
        return code >= 400 && code < 500 && code != 408 && code != 429;
    }

    /**
     * Whether the answer is meant to be read as it is: plain text or JSON (a Pushgateway's "pushed
     * metrics are invalid ...", Healthchecks' "not found"), or untyped; never an HTML error page.
     */
    private static boolean isText(Response response) {
        String type = response.header("Content-Type");
        if (type == null) {
            return true;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("text/plain") || lower.contains("json");
    }

    private static Request toOkHttp(EndpointRequest request) {
        Request.Builder builder = new Request.Builder().url(request.url()).header("User-Agent", UserAgent.VALUE);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        switch (request.method()) {
            case HEAD:
                return builder.head().build();
            case POST:
                return builder.post(RequestBody.create(request.body(), MediaType.parse(request.contentType()))).build();
            case PUT:
                return builder.put(RequestBody.create(request.body(), MediaType.parse(request.contentType()))).build();
            default:
                return builder.get().build();
        }
    }

    /**
     * Reads a small body to its end so the connection can be reused; returns false when the body
     * is longer than {@link #MAX_RESPONSE_BYTES}, which is then never read further, or breaks off.
     * The status line decides the outcome: a 404 whose body is cut short is still a 404. The first
     * {@link #MAX_QUOTED_BYTES} bytes are copied to {@code kept} unless it is null.
     */
    private static boolean drainBounded(ResponseBody body, Buffer kept) {
        try {
            BufferedSource source = body.source();
            long remaining = MAX_RESPONSE_BYTES;
            while (remaining > 0) {
                if (!source.request(1)) {
                    return true;
                }
                long skip = Math.min(remaining, source.getBuffer().size());
                long keep = kept == null ? 0 : Math.min(skip, MAX_QUOTED_BYTES - kept.size());
                if (keep > 0) {
                    source.getBuffer().copyTo(kept, 0, keep);
                }
                source.skip(skip);
                remaining -= skip;
            }
            return source.exhausted();
        } catch (IOException cutShort) {
            return false;
        }
    }

    /** Read on first delivery, not when the transport is built. */
    private static final class UserAgent {
        static final String VALUE = "heartbeat-sdk/" + SdkVersion.VERSION;
    }

    /**
     * The client for requests to {@code url}'s backend: the user's own, else the SDK's shared
     * client for the URL's scheme, leased from {@link SharedOkHttp} on first use. A transport whose
     * URLs are all http never sets up TLS.
     */
    private synchronized OkHttpClient client(HttpUrl url) {
        if (closed) {
            throw new IllegalStateException("transport closed");
        }
        if (settings.userClient != null) {
            if (userClient == null) {
                userClient = OkHttpSetup.configure(((OkHttpClient) settings.userClient).newBuilder(), settings);
            }
            return userClient;
        }
        if (url.isHttps()) {
            if (tlsLease == null) {
                tlsLease = lease(url, true);
            }
            return tlsLease.client;
        }
        if (cleartextLease == null) {
            cleartextLease = lease(url, false);
        }
        return cleartextLease.client;
    }

    private SharedOkHttp.Lease lease(HttpUrl url, boolean tls) {
        return SharedOkHttp.acquire(settings, url.scheme() + "://" + url.host() + ":" + url.port(), tls,
                new SharedOkHttp.Derivation() {
                    @Override
                    public OkHttpClient derive(OkHttpClient.Builder fromBase) {
                        return OkHttpSetup.configure(fromBase, settings);
                    }
                });
    }

    /** The server's {@code Retry-After} of a response, or null. */
    private static String retryAfter(Response response) {
        return response.header(OkHttpSetup.RETRY_AFTER);
    }

    /**
     * What is wrong with a TLS setup that retrying cannot fix, or null: an untrusted server
     * certificate, a server refusing our client certificate (mTLS) with an alert, a port that does
     * not speak TLS. A handshake merely cut short by the network might heal, and is retried.
     */
    private static String tlsMisconfiguration(IOException e) {
        if (e instanceof SSLPeerUnverifiedException) {
            return UNTRUSTED_SERVER;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return UNTRUSTED_SERVER;
            }
            String message = cause instanceof SSLException ? cause.getMessage() : null;
            if (message != null && message.contains("nrecognized SSL message")) { // JDK 8: "Unrecognized", later "Unsupported or unrecognized"
                return "the server does not speak TLS on this port (an https URL for a plain-http port?)";
            }
            if (message != null && isClientCertificateAlert(message)) {
                return "the server refused the client certificate (mTLS: none was given, or not one it trusts); "
                        + "supply it with sslSocketFactory(...) or httpClient(...)";
            }
        }
        return null;
    }

    private static final String UNTRUSTED_SERVER = "the server's certificate is not trusted or does not match its host; "
            + "supply its CA with sslSocketFactory(...) or httpClient(...)";

    /** Whether the server sent an alert about the certificate the client presented, or failed to. */
    private static boolean isClientCertificateAlert(String message) {
        for (String alert : new String[] {"bad_certificate", "certificate_required", "certificate_unknown",
                "unsupported_certificate", "certificate_revoked", "certificate_expired", "unknown_ca", "access_denied"}) {
            if (message.contains("Received fatal alert: " + alert)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void drained() {
        lastRequest = null;
        lastOkHttpRequest = null;
    }

    /** The OkHttp request kept for the next send, or null; for tests. */
    Object reusableRequest() {
        return lastOkHttpRequest;
    }

    @Override
    public void cancel() {
        Call call = inFlight;
        if (call != null) {
            call.cancel();
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            WarmUp.transportClosed();
        }
        closed = true;
        cancel();
        // The last holder of a shared client closes its connections.
        if (tlsLease != null) {
            SharedOkHttp.release(tlsLease);
            tlsLease = null;
        }
        if (cleartextLease != null) {
            SharedOkHttp.release(cleartextLease);
            cleartextLease = null;
        }
        userClient = null; // closed stops client() from taking it again
    }
}
