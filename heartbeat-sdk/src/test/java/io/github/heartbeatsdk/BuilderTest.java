package io.github.heartbeatsdk;

import io.github.heartbeatsdk.HeartbeatClient.Builder;
import io.github.heartbeatsdk.endpoints.Endpoints;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every check the builder makes, and the exact message it gives. */
class BuilderTest {
    private static final String SECRET = "1000rquike6143511677680410";
    private static final String URL = "https://node.xitoring.com/heartbeat/" + SECRET;

    /** The settings that take a strictly positive Duration. */
    private static final Map<String, BiFunction<Builder, Duration, Builder>> POSITIVE_DURATIONS = Map.of(
            "connectTimeout", Builder::connectTimeout,
            "readTimeout", Builder::readTimeout,
            "callTimeout", Builder::callTimeout,
            "retryDeadline", Builder::retryDeadline);

    private static Builder builder() {
        return HeartbeatClient.builder();
    }

    private static Builder buildable() {
        return builder().endpoint(Endpoints.url(URL)).shutdownHook(false);
    }

    private static <T extends Throwable> String messageOf(Class<T> type, Runnable call) {
        return assertThrows(type, call::run).getMessage();
    }

    // ---- endpoint --------------------------------------------------------------------------

    @Test
    void buildWithoutEndpointIsRejected() {
        assertEquals("endpoint is required: call endpoint(...) or set heartbeat.endpoint before build()",
                messageOf(IllegalStateException.class, () -> builder().shutdownHook(false).build()));
    }

    @Test
    void buildWithOnlyAnEndpointSucceeds() {
        try (HeartbeatClient client = buildable().build()) {
            assertEquals("HeartbeatClient{endpoint=UrlEndpoint{GET https://node.xitoring.com/***}}", client.toString());
        }
    }

    @Test
    void nullEndpointIsRejected() {
        assertEquals("endpoint == null", messageOf(NullPointerException.class, () -> builder().endpoint(null)));
    }

    @Test
    void endpointSetTwiceIsRejectedWithoutShowingTheSecret() {
        Builder builder = builder().endpoint(Endpoints.url(URL));

        String message = messageOf(IllegalStateException.class,
                () -> builder.endpoint(Endpoints.url("https://hc-ping.com/other")));

        assertEquals("endpoint was already set to UrlEndpoint{GET https://node.xitoring.com/***}", message);
        assertFalse(message.contains(SECRET), message);
        assertFalse(message.contains("/heartbeat"), message);
    }

    @Test
    void userEndpointSetTwiceShowsOnlyItsClassNotItsToString() {
        Endpoint leaky = new Endpoint() {
            @Override
            public EndpointRequest request(Signal signal) {
                return EndpointRequest.get(URL);
            }

            @Override
            public String toString() {
                return URL;
            }
        };
        Builder builder = builder().endpoint(leaky);

        String message = messageOf(IllegalStateException.class, () -> builder.endpoint(Endpoints.url(URL)));

        assertEquals("endpoint was already set to " + leaky.getClass().getName(), message);
        assertFalse(message.contains(SECRET), message);
    }

    // ---- positive durations ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"connectTimeout", "readTimeout", "callTimeout", "retryDeadline"})
    void zeroDurationIsRejected(String setting) {
        var setter = POSITIVE_DURATIONS.get(setting);

        assertEquals(setting + " must be > 0, got PT0S",
                messageOf(IllegalArgumentException.class, () -> setter.apply(builder(), Duration.ZERO)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectTimeout", "readTimeout", "callTimeout", "retryDeadline"})
    void negativeDurationIsRejected(String setting) {
        var setter = POSITIVE_DURATIONS.get(setting);

        assertEquals(setting + " must be > 0, got PT-1S",
                messageOf(IllegalArgumentException.class, () -> setter.apply(builder(), Duration.ofSeconds(-1))));
        assertEquals(setting + " must be > 0, got PT-0.001S",
                messageOf(IllegalArgumentException.class, () -> setter.apply(builder(), Duration.ofMillis(-1))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectTimeout", "readTimeout", "callTimeout", "retryDeadline"})
    void nullDurationIsRejected(String setting) {
        var setter = POSITIVE_DURATIONS.get(setting);

        assertEquals(setting + " == null",
                messageOf(NullPointerException.class, () -> setter.apply(builder(), null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectTimeout", "readTimeout", "callTimeout", "retryDeadline"})
    void durationSetTwiceIsRejected(String setting) {
        var setter = POSITIVE_DURATIONS.get(setting);
        Builder builder = setter.apply(builder(), Duration.ofSeconds(7));

        assertEquals(setting + " was already set to PT7S",
                messageOf(IllegalStateException.class, () -> setter.apply(builder, Duration.ofSeconds(8))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connectTimeout", "readTimeout", "callTimeout", "retryDeadline"})
    void rejectedDurationDoesNotCountAsSet(String setting) {
        var setter = POSITIVE_DURATIONS.get(setting);
        Builder builder = buildable();
        assertThrows(IllegalArgumentException.class, () -> setter.apply(builder, Duration.ZERO));

        setter.apply(builder, Duration.ofMillis(1));
        try (HeartbeatClient client = builder.build()) {
            assertNotNull(client);
        }
    }

    // ---- flushTimeout ----------------------------------------------------------------------

    @Test
    void negativeFlushTimeoutIsRejected() {
        assertEquals("flushTimeout must be >= 0, got PT-1S",
                messageOf(IllegalArgumentException.class, () -> builder().flushTimeout(Duration.ofSeconds(-1))));
        assertEquals("flushTimeout must be >= 0, got PT-0.001S",
                messageOf(IllegalArgumentException.class, () -> builder().flushTimeout(Duration.ofMillis(-1))));
    }

    @Test
    void zeroFlushTimeoutIsAccepted() {
        try (HeartbeatClient client = buildable().flushTimeout(Duration.ZERO).build()) {
            assertNotNull(client);
        }
    }

    @Test
    void nullFlushTimeoutIsRejected() {
        assertEquals("flushTimeout == null", messageOf(NullPointerException.class, () -> builder().flushTimeout(null)));
    }

    @Test
    void flushTimeoutSetTwiceIsRejected() {
        Builder builder = builder().flushTimeout(Duration.ZERO);

        assertEquals("flushTimeout was already set to PT0S",
                messageOf(IllegalStateException.class, () -> builder.flushTimeout(Duration.ofSeconds(1))));
    }

    // ---- queueCapacity ---------------------------------------------------------------------

    @Test
    void queueCapacityBelowOneIsRejected() {
        assertEquals("queueCapacity must be >= 1, got 0",
                messageOf(IllegalArgumentException.class, () -> builder().queueCapacity(0)));
        assertEquals("queueCapacity must be >= 1, got -1",
                messageOf(IllegalArgumentException.class, () -> builder().queueCapacity(-1)));
        assertEquals("queueCapacity must be >= 1, got -2147483648",
                messageOf(IllegalArgumentException.class, () -> builder().queueCapacity(Integer.MIN_VALUE)));
    }

    @Test
    void queueCapacityOfOneIsAccepted() {
        try (HeartbeatClient client = buildable().queueCapacity(1).build()) {
            assertNotNull(client);
        }
    }

    @Test
    void queueCapacitySetTwiceIsRejected() {
        Builder builder = builder().queueCapacity(100);

        assertEquals("queueCapacity was already set to 100",
                messageOf(IllegalStateException.class, () -> builder.queueCapacity(200)));
    }

    // ---- shutdownHook ----------------------------------------------------------------------

    @Test
    void shutdownHookSetTwiceIsRejected() {
        Builder builder = builder().shutdownHook(false);

        assertEquals("shutdownHook was already set to false",
                messageOf(IllegalStateException.class, () -> builder.shutdownHook(false)));
    }

    // ---- executor --------------------------------------------------------------------------

    @Test
    void nullExecutorIsRejected() {
        assertEquals("executor == null", messageOf(NullPointerException.class, () -> builder().executor(null)));
    }

    @Test
    void executorSetTwiceIsRejected() {
        ManualScheduler first = new ManualScheduler(new FakeClock());
        Builder builder = builder().executor(first);

        String message = messageOf(IllegalStateException.class,
                () -> builder.executor(new ManualScheduler(new FakeClock())));

        assertEquals("executor was already set to " + first, message);
    }

    // ---- settings whose values are never shown ---------------------------------------------

    @Test
    void proxyCredentialsSetTwiceNeverShowTheUserOrPassword() {
        Builder builder = builder().proxy("proxy.corp", 3128).proxyCredentials("alice-proxy-user", "s3cret-pw");

        String message = messageOf(IllegalStateException.class, () -> builder.proxyCredentials("bob", "other"));

        assertEquals("proxyCredentials was already set (its value is not shown: it may hold credentials)", message);
    }

    @Test
    void proxySetTwiceDoesNotShowAnAddressThatMayCarryCredentials() {
        Builder builder = builder().proxy("alice:s3cret-pw@proxy.corp", 3128);

        String message = messageOf(IllegalStateException.class, () -> builder.proxy("other.corp", 3128));

        assertEquals("proxy was already set (its value is not shown: it may hold credentials)", message);
    }

    @Test
    void listenerSetTwiceIsShownByItsClassNotItsToString() {
        HeartbeatListener leaky = new HeartbeatListener() {
            @Override
            public String toString() {
                return "listener with token s3cret-pw";
            }
        };
        Builder builder = builder().listener(leaky);

        String message = messageOf(IllegalStateException.class, () -> builder.listener(new HeartbeatListener() { }));

        assertEquals("listener was already set to " + leaky.getClass().getName(), message);
    }

    @Test
    void configSetTwiceShowsTheSdksSourcesButOnlyTheClassOfAUsersOwn() {
        HeartbeatConfig own = new HeartbeatConfig() {
            @Override
            public String get(String key) {
                return "heartbeat.endpoint".equals(key) ? "https://hc-ping.com/s3cret-uuid" : null;
            }

            @Override
            public String toString() {
                return "config with heartbeat.endpoint=https://hc-ping.com/s3cret-uuid";
            }
        };
        Builder users = builder().config(own);
        assertEquals("config was already set to " + own.getClass().getName(),
                messageOf(IllegalStateException.class, () -> users.config(own)));

        HeartbeatConfig sdks = HeartbeatConfig.fromProperties(new java.util.Properties());
        Builder builder = builder().config(sdks);
        assertEquals("config was already set to HeartbeatConfig{properties}",
                messageOf(IllegalStateException.class, () -> builder.config(sdks)));
    }

    // ---- clock -----------------------------------------------------------------------------

    @Test
    void nullClockIsRejected() {
        assertEquals("clock == null", messageOf(NullPointerException.class, () -> builder().clock(null)));
    }

    @Test
    void clockSetTwiceIsRejected() {
        Builder builder = builder().clock(Clock.systemUTC());

        assertEquals("clock was already set to SystemClock[Z]",
                messageOf(IllegalStateException.class, () -> builder.clock(new FakeClock())));
    }

    // ---- httpClient ------------------------------------------------------------------------

    @Test
    void httpClientThatIsNotOkHttpIsRejected() {
        assertEquals("httpClient must be an okhttp3.OkHttpClient, got java.lang.String",
                messageOf(IllegalArgumentException.class, () -> builder().httpClient("not a client")));
        assertEquals("httpClient must be an okhttp3.OkHttpClient, got okhttp3.OkHttpClient$Builder",
                messageOf(IllegalArgumentException.class, () -> builder().httpClient(new OkHttpClient.Builder())));
    }

    @Test
    void nullHttpClientIsRejected() {
        assertEquals("httpClient == null", messageOf(NullPointerException.class, () -> builder().httpClient(null)));
    }

    @Test
    void okHttpClientIsAccepted() {
        OkHttpClient okHttp = new OkHttpClient();

        try (HeartbeatClient client = buildable().httpClient(okHttp).build()) {
            assertNotNull(client);
        }
    }

    @Test
    void httpClientSetTwiceIsRejected() {
        OkHttpClient first = new OkHttpClient();
        Builder builder = builder().httpClient(first);

        assertEquals("httpClient was already set to " + first,
                messageOf(IllegalStateException.class, () -> builder.httpClient(new OkHttpClient())));
    }

    // ---- everything at once ----------------------------------------------------------------

    @Test
    void everySettingOnceBuildsAClient() {
        FakeClock clock = new FakeClock();
        try (HeartbeatClient client = buildable()
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(3))
                .retryDeadline(Duration.ofSeconds(4))
                .flushTimeout(Duration.ofSeconds(5))
                .queueCapacity(6)
                .executor(new ManualScheduler(clock))
                .httpClient(new OkHttpClient())
                .clock(clock)
                .build()) {
            assertNotNull(client);
        }
    }
}
