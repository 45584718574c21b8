package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.internal.Backoff;
import io.github.heartbeatsdk.internal.BeatFactory;
import io.github.heartbeatsdk.internal.ConfigKeys;
import io.github.heartbeatsdk.internal.DaemonThreadFactory;
import io.github.heartbeatsdk.internal.Deliveries;
import io.github.heartbeatsdk.internal.Dispatcher;
import io.github.heartbeatsdk.internal.EndpointNames;
import io.github.heartbeatsdk.internal.RandomIds;
import io.github.heartbeatsdk.internal.RuntimeLibraries;
import io.github.heartbeatsdk.internal.SdkVersion;
import io.github.heartbeatsdk.internal.transport.Credentials;
import io.github.heartbeatsdk.internal.transport.HttpSettings;
import io.github.heartbeatsdk.internal.transport.Transport;
import io.github.heartbeatsdk.internal.transport.Transports;
import io.github.heartbeatsdk.internal.transport.WarmUp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static io.github.heartbeatsdk.internal.Checks.or;

/**
 * Turns a builder's settings, with configuration filling the gaps, into a running client: one
 * transport, dispatcher and (unless the user shares an executor) delivery thread per endpoint.
 */
final class ClientAssembly {
    /** Retries wait 1 s, doubling up to 30 s, with jitter; immutable, so one serves every client. */
    static final Backoff BACKOFF = new Backoff(1_000, 30_000);

    /** A configuration with nothing set: its defaults are the builder's. */
    private static final HeartbeatConfig NO_CONFIG = new HeartbeatConfig() {
        @Override
        public String get(String key) {
            return null;
        }
    };

    private ClientAssembly() {
    }

    static HeartbeatClient assemble(HeartbeatClient.Builder b) {
        HeartbeatConfig from = b.config != null ? b.config : NO_CONFIG;
        ConfigKeys.requireKnownKeys(from);
        boolean enabled = from.enabled();
        List<Endpoint> resolvedEndpoints = b.endpoints != null ? b.endpoints : configuredEndpoint(from);
        if (resolvedEndpoints == null) {
            if (enabled) {
                throw new IllegalStateException("endpoint is required: call endpoint(...) or set "
                        + ConfigKeys.ENDPOINT + " before build()");
            }
            resolvedEndpoints = Collections.emptyList();
        }
        Resolved resolved = resolve(b, from, resolvedEndpoints);
        boolean http = enabled && anySendsOverHttp(resolvedEndpoints);
        if (http) {
            // Fails fast, naming versions and the fix, when a framework pinned OkHttp's libraries too
            // old; before the warm-up, which must not load OkHttp on a class path it cannot work with.
            RuntimeLibraries.requireCompatibleHttpStack(Transports.class.getClassLoader());
            WarmUp.buildStarted();
        }
        WarmUp warmUp = null;
        boolean built = false;
        try {
            if (http) {
                // Started once every setting is known to be valid, so OkHttp loads beside the rest of
                // build(), and a mistake in the settings fails build() at once.
                warmUp = WarmUp.start(resolvedEndpoints, b.httpClient == null);
            }
            HeartbeatClient client = construct(b, enabled, resolved);
            built = true;
            return client;
        } finally {
            if (http) {
                WarmUp.buildEnded(warmUp, built); // a build() that throws leaves no warm-up thread behind
            }
        }
    }

    /** What the builder and the configuration say, checked; what is made from it can then only fail for want of resources. */
    private static final class Resolved {
        final ClientSettings settings;
        final HttpSettings http;
        final int capacity;
        final long maxBytes;
        final Map<String, Map<String, String>> extInfo;

        Resolved(ClientSettings settings, HttpSettings http, int capacity, long maxBytes,
                 Map<String, Map<String, String>> extInfo) {
            this.settings = settings;
            this.http = http;
            this.capacity = capacity;
            this.maxBytes = maxBytes;
            this.extInfo = extInfo;
        }
    }

    private static Resolved resolve(HeartbeatClient.Builder b, HeartbeatConfig from, List<Endpoint> resolvedEndpoints) {
        Clock resolvedClock = b.clock != null ? b.clock : Clock.systemUTC();
        String resolvedInstanceId = or(b.instanceId, from.instanceId());
        ClientSettings settings = new ClientSettings(resolvedEndpoints, resolvedClock,
                or(b.retryDeadline, from.retryDeadline()), or(b.flushTimeout, from.flushTimeout()),
                b.shutdownHook != null ? b.shutdownHook : from.shutdownHook(), or(b.interval, from.interval()),
                new BeatFactory.Identity(or(b.service, from.service()), or(b.appName, from.appName()),
                        or(b.appType, from.appType()), or(b.artifact, from.artifact()),
                        resolvedInstanceId != null ? resolvedInstanceId : RandomIds.uuid(), b.dynamicInstall), b.listener,
                b.beatsWhen);
        if (b.proxyUser != null && b.proxyHost == null) {
            throw new IllegalStateException("proxyCredentials(...) needs proxy(host, port)");
        }
        HttpSettings http = new HttpSettings(b.httpClient, or(b.connectTimeout, from.connectTimeout()),
                or(b.readTimeout, from.readTimeout()), or(b.callTimeout, from.callTimeout()));
        if (b.proxyHost != null) {
            http = http.withProxy(b.proxyHost, b.proxyPort, b.proxyUser, b.proxyPassword);
        }
        if (b.sslSocketFactory != null) {
            http = http.withTls(b.sslSocketFactory, b.trustManager);
        }
        int capacity = b.queueCapacity != null ? b.queueCapacity : from.queueCapacity();
        long maxBytes = b.maxQueuedBytes != null ? b.maxQueuedBytes : from.maxQueuedBytes();
        return new Resolved(settings, http, capacity, maxBytes, extInfo(from));
    }

    /** The configuration's static ext info, checked as registering it would check it; a copy, read once. */
    private static Map<String, Map<String, String>> extInfo(HeartbeatConfig from) {
        Map<String, Map<String, String>> byPlugin = from.extInfo();
        if (byPlugin == null) {
            return Collections.emptyMap();
        }
        Map<String, Map<String, String>> copy = new LinkedHashMap<String, Map<String, String>>(byPlugin);
        for (String plugin : copy.keySet()) {
            if (plugin == null || plugin.trim().isEmpty()) {
                throw new IllegalArgumentException(ConfigKeys.EXT_INFO_PREFIX + "<plugin>.<key>: the configuration"
                        + " names a blank plugin, got '" + plugin + "'");
            }
        }
        return copy;
    }

    /**
     * Makes the client from checked settings. What fails here fails for want of resources (memory,
     * the environment refused by a security manager): whatever was made is closed before the
     * failure goes on, so no transport stays counted open and no client stays in the shutdown hook.
     */
    private static HeartbeatClient construct(HeartbeatClient.Builder b, boolean enabled, Resolved r) {
        Deliveries deliveries = enabled ? deliveries(r.settings, r.http, r.capacity, r.maxBytes, b.executor,
                Credentials.from(b.config))
                : new Deliveries(Collections.<Dispatcher>emptyList(), Collections.<ScheduledExecutorService>emptyList());
        HeartbeatClient client;
        try {
            client = new HeartbeatClient(r.settings, deliveries);
        } catch (Throwable e) {
            closeAfterFailure(deliveries, r.settings, e);
            throw e;
        }
        try {
            for (Map.Entry<String, Map<String, String>> plugin : r.extInfo.entrySet()) {
                final Map<String, String> info = plugin.getValue();
                client.extInfo().register(plugin.getKey(), SdkVersion.VERSION, new ExtInfoProvider() {
                    @Override
                    public Map<String, ?> extInfo() {
                        return info;
                    }
                });
            }
        } catch (Throwable e) {
            try {
                client.close();
            } catch (Throwable alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        return client;
    }

    private static List<Endpoint> configuredEndpoint(HeartbeatConfig from) {
        String uri = from.endpoint();
        if (uri == null) {
            return null;
        }
        try {
            return Collections.singletonList(Endpoints.parse(uri));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigKeys.ENDPOINT + " is invalid: " + e.getMessage());
        }
    }

    private static Deliveries deliveries(ClientSettings settings, HttpSettings http, int capacity, long maxBytes,
                                         ScheduledExecutorService executor, Credentials credentials) {
        List<Dispatcher> lanes = new ArrayList<Dispatcher>();
        List<ScheduledExecutorService> owned = new ArrayList<ScheduledExecutorService>();
        try {
            addLanes(settings, http, capacity, maxBytes, executor, credentials, lanes, owned);
        } catch (Throwable e) {
            closeAfterFailure(new Deliveries(lanes, owned), settings, e); // the lanes made so far, and their threads
            throw e;
        }
        return new Deliveries(lanes, owned);
    }

    /**
     * Closes what a failed build made, at once; a failure of that (the user's clock, say) is kept
     * with {@code cause} rather than hiding it.
     */
    private static void closeAfterFailure(Deliveries made, ClientSettings settings, Throwable cause) {
        try {
            made.close(settings.clock.millis());
        } catch (Throwable alsoFailed) {
            cause.addSuppressed(alsoFailed);
        }
    }

    private static void addLanes(ClientSettings settings, HttpSettings http, int capacity, long maxBytes,
                                 ScheduledExecutorService executor, Credentials credentials, List<Dispatcher> lanes,
                                 List<ScheduledExecutorService> owned) {
        for (Endpoint endpoint : settings.endpoints) {
            ScheduledExecutorService laneExecutor = executor;
            if (laneExecutor == null) {
                laneExecutor = newOwnExecutor();
                owned.add(laneExecutor);
            }
            // One endpoint: its name is the client's, one String rather than two equal ones per client.
            String name = settings.endpoints.size() == 1 ? settings.endpointName : EndpointNames.nameOf(endpoint);
            Transport transport = Transports.forEndpoint(endpoint, http, settings.clock, credentials);
            try {
                lanes.add(new Dispatcher(transport, laneExecutor, settings.clock, BACKOFF, capacity, maxBytes,
                        settings.stats, name, settings.listener));
            } catch (Throwable e) {
                transport.close(); // not a lane yet: closing the lanes would miss it
                throw e;
            }
        }
    }

    /** Whether one of {@code endpoints} is sent over HTTP: only those need OkHttp and its libraries. */
    private static boolean anySendsOverHttp(List<Endpoint> endpoints) {
        for (Endpoint endpoint : endpoints) {
            if (Transports.sendsOverHttp(endpoint)) {
                return true;
            }
        }
        return false;
    }

    private static ScheduledExecutorService newOwnExecutor() {
        ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory());
        own.setRemoveOnCancelPolicy(true);
        own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return own;
    }
}
