package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.EndpointRequest;
import io.github.heartbeatsdk.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way to misname a Pushgateway group fails when the endpoint is built, with a message that
 * names the bad value and the rule it breaks, and never shows the URL's password; hostile but
 * valid values (any Unicode, the longest allowed) make a correct request instead.
 */
class PushgatewayValidationTest {
    static final String BASE = "http://pg.example.com:9091";
    static final String PASSWORD = "pw-SECRET-77";
    static final String LABEL_RULE = "label name must match [a-zA-Z_][a-zA-Z0-9_]* (letters, digits and underscores,"
            + " not starting with a digit; no ':'), got ";
    static final String PARSE_SHAPE = "url must be pushgateway+http(s)://host:port/<job> (grouping labels as"
            + " ?<label>=<value>&...) or ...:port/metrics/job/<job>/<label>/<value>..., got ";

    static void assertRefused(String message, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    static PushgatewayEndpoint endpoint() {
        return Endpoints.pushgateway(BASE, "nightly_backup");
    }

    // ---- the job ------------------------------------------------------------------------------

    @Test
    void aJobMustBeGiven() {
        assertEquals("job == null", assertThrows(NullPointerException.class,
                () -> Endpoints.pushgateway(BASE, null)).getMessage());
        assertRefused("job must not be blank, got ''", () -> Endpoints.pushgateway(BASE, ""));
        assertRefused("job must not be blank, got '  '", () -> Endpoints.pushgateway(BASE, "  "));
    }

    @Test
    void aJobWithAControlCharacterOrALoneSurrogateIsRefusedByIndexNeverPrinted() {
        assertRefused("job must not contain control characters or line breaks, got U+000A at index 7",
                () -> Endpoints.pushgateway(BASE, "nightly\nbackup"));
        assertRefused("job must not contain control characters or line breaks, got U+0000 at index 0",
                () -> Endpoints.pushgateway(BASE, "\u0000"));
        assertRefused("job must not contain control characters or line breaks, got U+2028 at index 1",
                () -> Endpoints.pushgateway(BASE, "a\u2028b"));
        assertRefused("job must be valid Unicode, got a lone surrogate U+D800 at index 1",
                () -> Endpoints.pushgateway(BASE, "a\uD800b"));
        assertRefused("job must be valid Unicode, got a lone surrogate U+DE00 at index 0",
                () -> Endpoints.pushgateway(BASE, "\uDE00"));
    }

    @Test
    void aHugeJobIsRefusedByItsLength() {
        assertRefused("job must be at most 1024 characters, got 100000",
                () -> Endpoints.pushgateway(BASE, "x".repeat(100_000)));
    }

    @Test
    void anyOtherTextIsAJobNoMetricNameIsMadeOfIt() {
        for (String job : new String[] {"nightly-backup", "Nightly Backup (EU)", "backup/db", "\u6771\u4eac \uD83D\uDE00",
                "x".repeat(1024), "a\"b\\c"}) {
            EndpointRequest request = Endpoints.pushgateway(BASE, job).request(Signal.ping(0));
            String path = request.url().substring(BASE.length());
            assertTrue(path.startsWith("/metrics/job"), path);
            String encoded = path.startsWith("/metrics/job@base64/") ? path.substring("/metrics/job@base64/".length())
                    : null;
            String back = encoded == null ? path.substring("/metrics/job/".length())
                    : new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            assertEquals(job, back, "the path names the job exactly");
        }
    }

    // ---- the base URL -------------------------------------------------------------------------

    @Test
    void theBaseUrlMustBeAnHttpUrlWithoutQueryNorGroup() {
        assertEquals("url == null", assertThrows(NullPointerException.class,
                () -> Endpoints.pushgateway(null, "job")).getMessage());
        assertRefused("url must be an absolute http or https URL, got scheme 'ftp' (ftp://pg.example.com/***)",
                () -> Endpoints.pushgateway("ftp://user:" + PASSWORD + "@pg.example.com/", "job"));
        assertRefused("url must be the Pushgateway's base URL like http://pushgateway:9091, without a query or"
                        + " fragment (grouping labels: withLabel(name, value)), got http://pg.example.com:9091/***",
                () -> Endpoints.pushgateway("http://u:" + PASSWORD + "@pg.example.com:9091?instance=a", "job"));
        assertRefused("url must be the Pushgateway's base URL like http://pushgateway:9091: the SDK adds"
                        + " /metrics/job/<job> itself, got http://pg.example.com:9091/***",
                () -> Endpoints.pushgateway("http://u:" + PASSWORD + "@pg.example.com:9091/metrics/job/x", "job"));
    }

    // ---- grouping labels ----------------------------------------------------------------------

    @ParameterizedTest(name = "withLabel(\"{0}\", ...)")
    @ValueSource(strings = {"foo-bar", "1abc", "a:b", "", "caf\u00e9", "has space", "dotted.name"})
    void aLabelNameMustFollowPrometheusRule(String name) {
        assertRefused(LABEL_RULE + "'" + name + "'", () -> endpoint().withLabel(name, "x"));
    }

    @Test
    void aLabelNameWithAControlCharacterIsShownEscaped() {
        assertRefused(LABEL_RULE + "'new\\u000aline'", () -> endpoint().withLabel("new\nline", "x"));
    }

    @Test
    void reservedNamesAndJobAreRefused() {
        assertRefused("label name must not start with __ (reserved for Prometheus' own labels), got '__name__'",
                () -> endpoint().withLabel("__name__", "x"));
        assertRefused("label name 'job' cannot be an extra grouping label: the job is given apart, as the grouping"
                + " key's first label", () -> endpoint().withLabel("job", "other"));
    }

    @Test
    void aHugeLabelNameOrValueIsRefusedByItsLength() {
        assertRefused("label name must be at most 128 characters, got 129", () -> endpoint().withLabel("a".repeat(129), "x"));
        assertRefused("label env must be at most 1024 characters, got 1025", () -> endpoint().withLabel("env", "x".repeat(1025)));
    }

    @Test
    void aLabelValueWithAControlCharacterIsRefused() {
        assertRefused("label env must not contain control characters or line breaks, got U+000D at index 4",
                () -> endpoint().withLabel("env", "prod\r"));
        assertRefused("label env must not contain control characters or line breaks, got U+001B at index 0",
                () -> endpoint().withLabel("env", "\u001b[31mred"));
    }

    @Test
    void nullsAreRefusedByName() {
        assertEquals("label name == null", assertThrows(NullPointerException.class,
                () -> endpoint().withLabel(null, "x")).getMessage());
        assertEquals("label env == null", assertThrows(NullPointerException.class,
                () -> endpoint().withLabel("env", null)).getMessage());
    }

    @Test
    void aLabelIsSetOnce() {
        assertRefused("label env is set already (to 'prod')", () -> endpoint().withLabel("env", "prod").withLabel("env", "dev"));
    }

    // ---- Endpoints.parse ----------------------------------------------------------------------

    @Test
    void parseNeedsAJob() {
        assertRefused(PARSE_SHAPE + "http://pg.example.com:9091/***",
                () -> Endpoints.parse("pushgateway+http://u:" + PASSWORD + "@pg.example.com:9091"));
        assertRefused(PARSE_SHAPE + "http://pg.example.com:9091",
                () -> Endpoints.parse("pushgateway+http://pg.example.com:9091/"));
    }

    @Test
    void parseRefusesAMalformedQuery() {
        String secret = "pushgateway+http://u:" + PASSWORD + "@pg.example.com:9091/job";
        assertRefused("url's query must be <label>=<value> pairs joined by '&', got a part without a name or '='"
                + " (http://pg.example.com:9091/***)", () -> Endpoints.parse(secret + "?instance"));
        assertRefused("url's query must be <label>=<value> pairs joined by '&', got a part without a name or '='"
                + " (http://pg.example.com:9091/***)", () -> Endpoints.parse(secret + "?a=1&&b=2"));
        assertRefused("url names label 'env' twice", () -> Endpoints.parse(secret + "?env=a&env=b"));
        assertRefused(LABEL_RULE + "'bad-name'", () -> Endpoints.parse(secret + "?bad-name=1"));
        assertRefused("label name 'job' cannot be an extra grouping label: the job is given apart, as the grouping"
                + " key's first label", () -> Endpoints.parse(secret + "?job=other"));
        assertRefused("label env must not contain control characters or line breaks, got U+000A at index 1",
                () -> Endpoints.parse(secret + "?env=a%0Ab"));
    }

    @Test
    void parseRefusesABrokenPushgatewayPath() {
        String base = "pushgateway+http://u:" + PASSWORD + "@pg.example.com:9091";
        assertRefused("url must have a value for every label after /metrics/job/<job>, got an odd number of segments"
                + " (http://pg.example.com:9091/***)", () -> Endpoints.parse(base + "/metrics/job/x/env"));
        assertRefused("url must not have an empty path segment ('//'): an empty label value is <label>@base64/= or"
                + " ?<label>= (http://pg.example.com:9091/***)", () -> Endpoints.parse(base + "/metrics/job/x/a//b/c"));
        assertRefused("url's path@base64 value is not URL-safe base64 (http://pg.example.com:9091/***)",
                () -> Endpoints.parse(base + "/metrics/job/x/path@base64/!!"));
        assertRefused("job must not be blank, got ''", () -> Endpoints.parse(base + "/metrics/job@base64/="));
        assertRefused(PARSE_SHAPE + "http://pg.example.com:9091/***", () -> Endpoints.parse(base + "/job#frag"));
    }

    @Test
    void parseOfAnotherSchemeIsRefusedWithoutTheSecret() {
        assertRefused("url must be an absolute http or https URL, got scheme 'tcp' (tcp://pg.example.com:9091/***)",
                () -> Endpoints.parse("pushgateway+tcp://u:" + PASSWORD + "@pg.example.com:9091/job"));
    }
}
