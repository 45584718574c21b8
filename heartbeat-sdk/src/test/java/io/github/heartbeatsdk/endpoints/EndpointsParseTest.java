package io.github.heartbeatsdk.endpoints;

import io.github.heartbeatsdk.Endpoint;
import io.github.heartbeatsdk.Signal;
import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.endpoints.BetterStackEndpoint;
import io.github.heartbeatsdk.endpoints.CronitorEndpoint;
import io.github.heartbeatsdk.endpoints.DeadMansSnitchEndpoint;
import io.github.heartbeatsdk.endpoints.Endpoints;
import io.github.heartbeatsdk.endpoints.HealthchecksEndpoint;
import io.github.heartbeatsdk.endpoints.SentryCronsEndpoint;
import io.github.heartbeatsdk.endpoints.UptimeKumaEndpoint;
import io.github.heartbeatsdk.endpoints.UrlEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Endpoints#parse} for every URI form of its javadoc, and the checks each factory makes:
 * a wrong form or shape is refused with a message that never shows the URL's secret.
 */
class EndpointsParseTest {
    static final String UUID = "5bf6dd8e-8b1f-4a3c-9a3e-0c2d3b4a5f61";
    static final long T = 1_732_300_000_000L;

    /** The URL a preset pings for a plain ping (secret included: only for assertions). */
    private static String pingUrl(Endpoint endpoint) {
        return endpoint.request(Signal.ping(T)).url();
    }

    private static String startUrl(Endpoint endpoint) {
        return endpoint.request(Signal.job(SignalKind.START, T, "job", "r-1", -1, -1, null)).url();
    }

    private static void assertRefused(String expectedMessage, String secret, Executable parse) {
        var e = assertThrows(IllegalArgumentException.class, parse);
        assertFalse(e.getMessage().contains(secret), "the message shows the secret: " + e.getMessage());
        if (expectedMessage != null) {
            assertEquals(expectedMessage, e.getMessage());
        }
    }

    // ---- every documented form ---------------------------------------------------------------

    @Test
    void httpsAndHttpUrlsArePlainPingUrls() {
        Endpoint https = Endpoints.parse("https://node.xitoring.com/heartbeat/1000rquike6143511677680410");
        assertInstanceOf(UrlEndpoint.class, https);
        assertEquals("UrlEndpoint{GET https://node.xitoring.com/***}", https.toString());
        assertEquals("https://node.xitoring.com/heartbeat/1000rquike6143511677680410", pingUrl(https));

        Endpoint http = Endpoints.parse("  http://monitor.internal:8080/ping/SECRET1\n");
        assertEquals("UrlEndpoint{GET http://monitor.internal:8080/***}", http.toString());
        assertEquals("http://monitor.internal:8080/ping/SECRET1", pingUrl(http));
    }

    @Test
    void sermantWithAndWithoutPort() {
        assertEquals("SermantEndpoint{tcp sermant.example.com:6888}",
                Endpoints.parse("sermant://sermant.example.com").toString());
        assertEquals("SermantEndpoint{tcp sermant.example.com:7000}",
                Endpoints.parse("sermant://sermant.example.com:7000").toString());
        assertEquals("SermantEndpoint{tcp 10.0.0.5:6888}", Endpoints.parse("sermant://10.0.0.5/").toString());
    }

    @Test
    void sermantHttp() {
        Endpoint endpoint = Endpoints.parse("sermant-http+https://sermant.example.com/sermant/heartbeat");
        assertEquals("SermantHttpEndpoint{POST https://sermant.example.com/***}", endpoint.toString());
    }

    @Test
    void healthchecksUuidForm() {
        Endpoint endpoint = Endpoints.parse("healthchecks+https://hc-ping.com/" + UUID);
        assertInstanceOf(HealthchecksEndpoint.class, endpoint);
        assertEquals("HealthchecksEndpoint{https://hc-ping.com/***}", endpoint.toString());
        assertEquals("https://hc-ping.com/" + UUID, pingUrl(endpoint));
        assertEquals("https://hc-ping.com/" + UUID + "/start?rid=r-1", startUrl(endpoint));
    }

    @Test
    void healthchecksSlugForm() {
        Endpoint endpoint = Endpoints.parse("healthchecks+https://hc-ping.com/PINGKEY123/nightly-backup");
        assertEquals("HealthchecksEndpoint{https://hc-ping.com/***}", endpoint.toString());
        assertEquals("https://hc-ping.com/PINGKEY123/nightly-backup", pingUrl(endpoint));
    }

    @Test
    void healthchecksSlugFormWithCreate() {
        Endpoint endpoint = Endpoints.parse("healthchecks+https://hc-ping.com/PINGKEY123/nightly-backup?create=1");
        assertEquals("HealthchecksEndpoint{https://hc-ping.com/***}", endpoint.toString());
        assertEquals("https://hc-ping.com/PINGKEY123/nightly-backup?create=1", pingUrl(endpoint));
        assertEquals("https://hc-ping.com/PINGKEY123/nightly-backup/start?rid=r-1&create=1", startUrl(endpoint));
    }

    @Test
    void healthchecksSelfHosted() {
        Endpoint endpoint = Endpoints.parse("healthchecks+https://hc.example.com/ping/" + UUID);
        assertEquals("HealthchecksEndpoint{https://hc.example.com/***}", endpoint.toString());
        assertEquals("https://hc.example.com/ping/" + UUID + "/fail",
                endpoint.request(Signal.job(SignalKind.FAIL, T, "job", null, -1, -1, null)).url());
    }

    @Test
    void cronitor() {
        Endpoint endpoint = Endpoints.parse("cronitor+https://cronitor.link/p/APIKEY123/nightly-backup");
        assertInstanceOf(CronitorEndpoint.class, endpoint);
        assertEquals("CronitorEndpoint{https://cronitor.link/***}", endpoint.toString());
        assertEquals("https://cronitor.link/p/APIKEY123/nightly-backup?state=run&series=r-1", startUrl(endpoint));
    }

    @Test
    void sentry() {
        Endpoint endpoint = Endpoints.parse("sentry+https://o1.ingest.sentry.io/api/42/cron/nightly/PUBKEY123/");
        assertInstanceOf(SentryCronsEndpoint.class, endpoint);
        assertEquals("SentryCronsEndpoint{https://o1.ingest.sentry.io/***}", endpoint.toString());
        assertEquals("https://o1.ingest.sentry.io/api/42/cron/nightly/PUBKEY123/?status=in_progress&check_in_id=r-1",
                startUrl(endpoint));
    }

    @Test
    void sentryWithoutTrailingSlash() {
        Endpoint endpoint = Endpoints.parse("sentry+https://o1.ingest.sentry.io/api/42/cron/nightly/PUBKEY123");
        assertEquals("https://o1.ingest.sentry.io/api/42/cron/nightly/PUBKEY123/?status=ok", pingUrl(endpoint));
    }

    @Test
    void betterStack() {
        Endpoint endpoint = Endpoints.parse("betterstack+https://uptime.betterstack.com/api/v1/heartbeat/TOKEN123");
        assertInstanceOf(BetterStackEndpoint.class, endpoint);
        assertEquals("BetterStackEndpoint{https://uptime.betterstack.com/***}", endpoint.toString());
        assertEquals("https://uptime.betterstack.com/api/v1/heartbeat/TOKEN123", pingUrl(endpoint));
    }

    @Test
    void uptimeKuma() {
        Endpoint endpoint = Endpoints.parse("uptimekuma+https://kuma.example.com/api/push/PUSHTOKEN123");
        assertInstanceOf(UptimeKumaEndpoint.class, endpoint);
        assertEquals("UptimeKumaEndpoint{https://kuma.example.com/***}", endpoint.toString());
        assertEquals("https://kuma.example.com/api/push/PUSHTOKEN123?status=up&msg=OK", pingUrl(endpoint));
    }

    @Test
    void uptimeKumaUnderABasePath() {
        Endpoint endpoint = Endpoints.parse("uptimekuma+https://example.com/kuma/api/push/PUSHTOKEN123");
        assertEquals("https://example.com/kuma/api/push/PUSHTOKEN123?status=up&msg=OK", pingUrl(endpoint));
    }

    @Test
    void deadMansSnitch() {
        Endpoint endpoint = Endpoints.parse("deadmanssnitch+https://nosnch.in/SNITCH123");
        assertInstanceOf(DeadMansSnitchEndpoint.class, endpoint);
        assertEquals("DeadMansSnitchEndpoint{https://nosnch.in/***}", endpoint.toString());
        assertEquals("https://nosnch.in/SNITCH123", pingUrl(endpoint));
    }

    @Test
    void pushgateway() {
        Endpoint endpoint = Endpoints.parse("pushgateway+http://pushgateway:9091/nightly_backup?instance=db-1");
        assertInstanceOf(PushgatewayEndpoint.class, endpoint);
        assertEquals("PushgatewayEndpoint{http://pushgateway:9091 job=\"nightly_backup\" instance=\"db-1\"}",
                endpoint.toString());
        assertEquals("http://pushgateway:9091/metrics/job/nightly_backup/instance/db-1", pingUrl(endpoint));
        assertEquals("https://pg.example.com/metrics/job/nightly_backup",
                pingUrl(Endpoints.parse("pushgateway+https://pg.example.com/nightly_backup")));
    }

    @Test
    void presetNamesAreCaseInsensitive() {
        assertEquals("HealthchecksEndpoint{https://hc-ping.com/***}",
                Endpoints.parse("Healthchecks+https://hc-ping.com/" + UUID).toString());
        assertEquals("CronitorEndpoint{https://cronitor.link/***}",
                Endpoints.parse("CRONITOR+https://cronitor.link/p/APIKEY123/job").toString());
    }

    // ---- unknown forms ---------------------------------------------------------------------

    static final String UNKNOWN_FORM = "endpoint must be an http(s) URL, sermant://host[:port] or <preset>+<url> "
            + "with preset healthchecks, cronitor, sentry, betterstack, uptimekuma, deadmanssnitch, pushgateway or sermant-http; got ";

    /** Refused as an unknown form: the message lists the forms, names the scheme, and never shows the secret. */
    private static void assertUnknownForm(String uri, String secret, String namedScheme) {
        var e = assertThrows(IllegalArgumentException.class, () -> Endpoints.parse(uri));
        assertTrue(e.getMessage().startsWith(UNKNOWN_FORM), e.getMessage());
        assertFalse(e.getMessage().contains(secret), "the message shows the secret: " + e.getMessage());
        if (namedScheme != null) {
            assertTrue(e.getMessage().substring(UNKNOWN_FORM.length()).contains(namedScheme), e.getMessage());
        }
    }

    @Test
    void unknownSchemeIsRefusedWithoutItsPath() {
        assertUnknownForm("ftp://files.example.com/SECRET123", "SECRET123", "ftp");
    }

    @Test
    void unknownPresetIsRefusedWithoutItsUrl() {
        assertUnknownForm("pagerduty+https://events.example.com/SECRET123", "SECRET123", "pagerduty");
    }

    @Test
    void aUrlWithoutSchemeIsRefusedWithoutItsPath() {
        assertUnknownForm("hc-ping.com/" + UUID, UUID, null);
        assertEquals(UNKNOWN_FORM + "no scheme",
                assertThrows(IllegalArgumentException.class, () -> Endpoints.parse("hc-ping.com/" + UUID)).getMessage());
    }

    @Test
    void aUrlWithoutSchemeButWithAColonInItsQueryIsRefusedWithoutItsPath() {
        // Found as a bug while writing this test (the message quoted everything before the first ':',
        // "got 'nosnch.in/SNITCHSECRET99?m=backup:...'"); fixed in Endpoints meanwhile. Kept as a regression test.
        assertUnknownForm("nosnch.in/SNITCHSECRET99?m=backup:done", "SNITCHSECRET99", null);
        assertUnknownForm("nosnch.in/SNITCHSECRET99?next=https://example.com", "SNITCHSECRET99", null);
    }

    @Test
    void aPresetWithoutUrlIsRefused() {
        assertRefused(null, "SECRET123", () -> Endpoints.parse("healthchecks+hc-ping.com/SECRET123/slug"));
        assertRefused(null, "SECRET123", () -> Endpoints.parse("cronitor+ftp://cronitor.link/p/SECRET123/job"));
    }

    @Test
    void nullIsRefused() {
        var e = assertThrows(NullPointerException.class, () -> Endpoints.parse(null));
        assertEquals("uri == null", e.getMessage());
    }

    @Test
    void aBadSermantPortIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Endpoints.parse("sermant://sermant.example.com:abc"));
        assertEquals("port must be in 1..65535, got 'abc'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Endpoints.parse("sermant://sermant.example.com:70000"));
    }

    // ---- each factory refuses a URL of the wrong shape ---------------------------------------

    @ParameterizedTest(name = "healthchecks({0})")
    @CsvSource({
            "https://hc-ping.com/SECRETKEYONLY, https://hc-ping.com/***",
            "https://hc-ping.com/, https://hc-ping.com",
    })
    void healthchecksNeedsAUuidOrAKeyAndSlug(String url, String shown) {
        assertRefused("url must be a Healthchecks ping URL ending in /<uuid> or /<ping-key>/<slug>, got " + shown,
                "SECRETKEYONLY", () -> Endpoints.healthchecks(url));
    }

    @Test
    void cronitorNeedsTheApiKeyAndTheMonitorKey() {
        assertRefused("url must be a Cronitor telemetry URL like https://cronitor.link/p/<api-key>/<monitor-key>, "
                + "got https://cronitor.link/***", "SECRETKEY", () -> Endpoints.cronitor("https://cronitor.link/SECRETKEY"));
    }

    @Test
    void cronitorWithoutTheMonitorKeyIsRefused() {
        // Found as a bug while writing this test (any two path segments were accepted, so /p/<api-key>
        // alone would have been pinged); fixed in CronitorEndpoint meanwhile. Kept as a regression test.
        assertRefused(null, "SECRETKEY", () -> Endpoints.cronitor("https://cronitor.link/p/SECRETKEY"));
    }

    @Test
    void sentryNeedsTheCronPath() {
        String expected = "url must be a Sentry Crons check-in URL like https://<host>/api/<project-id>/cron/"
                + "<monitor-slug>/<public-key>/, got https://o1.ingest.sentry.io/***";
        assertRefused(expected, "PUBKEY123",
                () -> Endpoints.sentryCrons("https://o1.ingest.sentry.io/api/42/store/nightly/PUBKEY123/"));
        assertRefused(expected, "PUBKEY123",
                () -> Endpoints.sentryCrons("https://o1.ingest.sentry.io/api/42/cron/PUBKEY123/"));
    }

    @Test
    void betterStackNeedsAToken() {
        assertRefused("url must be a Better Stack heartbeat URL ending in /<token>, got https://uptime.betterstack.com",
                "TOKEN", () -> Endpoints.betterStack("https://uptime.betterstack.com/"));
    }

    @Test
    void uptimeKumaNeedsApiPush() {
        String expected = "url must be an Uptime Kuma push URL like <base>/api/push/<token>, got https://kuma.example.com/***";
        assertRefused(expected, "PUSHSECRET1", () -> Endpoints.uptimeKuma("https://kuma.example.com/push/PUSHSECRET1"));
        assertRefused(expected, "PUSHSECRET1",
                () -> Endpoints.uptimeKuma("https://kuma.example.com/api/heartbeat/PUSHSECRET1"));
        assertRefused(expected, "PUSHSECRET1", () -> Endpoints.uptimeKuma("https://kuma.example.com/PUSHSECRET1"));
    }

    @Test
    void uptimeKumaPushWithoutApiIsRefused() {
        // Found as a bug while writing this test (only the next-to-last segment "push" was checked);
        // fixed in UptimeKumaEndpoint meanwhile. Kept as a regression test.
        assertRefused(null, "PUSHSECRET1",
                () -> Endpoints.uptimeKuma("https://kuma.example.com/status/push/PUSHSECRET1"));
    }

    @Test
    void deadMansSnitchNeedsAToken() {
        assertRefused("url must be a Dead Man's Snitch URL like https://nosnch.in/<token>, got https://nosnch.in",
                "TOKEN", () -> Endpoints.deadMansSnitch("https://nosnch.in/"));
    }

    @Test
    void everyFactoryRefusesANonHttpUrlWithoutItsSecret() {
        for (Executable factory : new Executable[] {
                () -> Endpoints.url("ftp://h.example.com/SECRET77"),
                () -> Endpoints.healthchecks("ftp://h.example.com/SECRET77/slug"),
                () -> Endpoints.cronitor("ftp://h.example.com/p/SECRET77/job"),
                () -> Endpoints.sentryCrons("ftp://h.example.com/api/1/cron/job/SECRET77/"),
                () -> Endpoints.betterStack("ftp://h.example.com/api/v1/heartbeat/SECRET77"),
                () -> Endpoints.uptimeKuma("ftp://h.example.com/api/push/SECRET77"),
                () -> Endpoints.deadMansSnitch("ftp://h.example.com/SECRET77"),
                () -> Endpoints.sermantHttp("ftp://h.example.com/SECRET77"),
                () -> Endpoints.pushgateway("ftp://h.example.com/SECRET77", "job"),
        }) {
            assertRefused("url must be an absolute http or https URL, got scheme 'ftp' (ftp://h.example.com/***)",
                    "SECRET77", factory);
        }
    }
}
