package io.github.heartbeatsdk.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Eager URL and header checks whose messages name the setting and never echo a secret. */
class HttpUrlsTest {
    private static final String SECRET = "1000rquike6143511677680410";
    private static final String PREFIX = "pingUrl must be an absolute http or https URL";

    private static String rejectedUrl(String url) {
        var e = assertThrows(IllegalArgumentException.class, () -> HttpUrls.requireHttpUrl("pingUrl", url));
        assertFalse(e.getMessage().contains(SECRET), "secret leaked: " + e.getMessage());
        return e.getMessage();
    }

    // ---- requireHttpUrl --------------------------------------------------------------------

    @Test
    void nullUrlIsANullPointerNamingTheSetting() {
        var e = assertThrows(NullPointerException.class, () -> HttpUrls.requireHttpUrl("url", null));
        assertEquals("url == null", e.getMessage());

        var named = assertThrows(NullPointerException.class, () -> HttpUrls.requireHttpUrl("pingUrl", null));
        assertEquals("pingUrl == null", named.getMessage());
    }

    @Test
    void blankUrlIsRejected() {
        assertEquals(PREFIX + ", got a blank string", rejectedUrl(""));
        assertEquals(PREFIX + ", got a blank string", rejectedUrl(" \t\n"));
    }

    @Test
    void relativeUrlIsRejected() {
        assertEquals(PREFIX + ", got a relative URL", rejectedUrl("/heartbeat/" + SECRET));
        assertEquals(PREFIX + ", got a relative URL", rejectedUrl("heartbeat/" + SECRET));
        assertEquals(PREFIX + ", got a relative URL", rejectedUrl("//node.xitoring.com/heartbeat/" + SECRET));
    }

    @Test
    void fileUrlIsRejected() {
        assertEquals(PREFIX + ", got scheme 'file' (***)", rejectedUrl("file:///var/run/" + SECRET));
    }

    @Test
    void ftpUrlIsRejectedShowingOnlyItsHost() {
        assertEquals(PREFIX + ", got scheme 'ftp' (ftp://files.example.com/***)",
                rejectedUrl("ftp://files.example.com/" + SECRET));
    }

    @Test
    void mailtoUrlIsRejected() {
        assertEquals(PREFIX + ", got scheme 'mailto' (***)", rejectedUrl("mailto:" + SECRET + "@example.com"));
    }

    @Test
    void urlWithoutHostIsRejected() {
        assertEquals(PREFIX + " with a host, got ***", rejectedUrl("https:///heartbeat/" + SECRET));
        assertEquals(PREFIX + " with a host, got ***", rejectedUrl("https:/heartbeat/" + SECRET));
        assertEquals(PREFIX + " with a host, got ***", rejectedUrl("http:" + SECRET));
    }

    @Test
    void unparseableUrlIsRejectedWithoutEchoingIt() {
        assertEquals(PREFIX + ", got an unparseable URL (***)",
                rejectedUrl("https://node.xitoring.com/heart beat/" + SECRET));
        assertEquals(PREFIX + ", got an unparseable URL (***)",
                rejectedUrl("https://node.xitoring.com/heartbeat/" + SECRET + "|"));
    }

    @Test
    void messageNamesTheSettingGiven() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> HttpUrls.requireHttpUrl("Endpoints.url", "ftp://x.example/" + SECRET));
        assertEquals("Endpoints.url must be an absolute http or https URL, got scheme 'ftp' (ftp://x.example/***)",
                e.getMessage());
    }

    @Test
    void httpAndHttpsAreAcceptedUnchanged() {
        String https = "https://node.xitoring.com/heartbeat/" + SECRET;
        String http = "http://localhost:8080/ping/" + SECRET + "?rid=1";

        assertEquals(https, HttpUrls.requireHttpUrl("url", https));
        assertEquals(http, HttpUrls.requireHttpUrl("url", http));
        assertEquals("https://hc-ping.com", HttpUrls.requireHttpUrl("url", "https://hc-ping.com"));
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertEquals("HTTPS://Example.com/x", HttpUrls.requireHttpUrl("url", "HTTPS://Example.com/x"));
    }

    @Test
    void acceptedUrlIsTrimmed() {
        assertEquals("https://node.xitoring.com/heartbeat/" + SECRET,
                HttpUrls.requireHttpUrl("url", "  https://node.xitoring.com/heartbeat/" + SECRET + " \n"));
    }

    // ---- requireHeader ---------------------------------------------------------------------

    // ---- hosts: what build() accepts, OkHttp's HttpUrl accepts too ----------------------------

    private static final String L63 = "a".repeat(63);

    /** Tricky hosts; each either fails our check or parses with OkHttp. */
    private static final String[] HOSTS = {
            "node.example", "NODE.Example", "node.example.", "127.0.0.1", "999.1.1.1", "1.2.3", "01.2.3.4",
            "[::1]", "[fe80::1]", "[::ffff:127.0.0.1]", "[1:2:3:4:5:6:7:8]", "[1::]", "[::ffff:01.2.3.4]",
            "[fe80::1%25eth0]", "[fe80::1%eth0]", "my_service", "docker_compose-db.internal", "a-.example", "-a.example",
            "café.example", "münchen.de", "☃.net", "straße.de", "ﬁ.example", "a\u3002b", "xn--caf-dma.example",
            "XN--CAF-DMA.example", "xn--zz.example", "xn--.example", "xn--a.example", "xn--abc-.example", "xn---.example",
            "node..example", ".node.example", "node.example..", ".", "..", L63 + ".example", L63 + "a.example",
            (L63 + ".").repeat(3) + "a".repeat(61), (L63 + ".").repeat(3) + "a".repeat(61) + ".",
            (L63 + ".").repeat(3) + "a".repeat(62), "a%2eb", "a%41b.example", "[1:2:3:4:5:6:7:8:9]", "[1::2::3]",
            "[::1.2.3]", "[::256.1.1.1]", "[12345::1]",
    };

    @Test
    void everyHostOurCheckAcceptsOkHttpParsesToo() {
        int accepted = 0;
        for (String host : HOSTS) {
            String url = "http://" + host + "/hb/" + SECRET;
            boolean ours;
            try {
                HttpUrls.requireHttpUrl("url", url);
                ours = true;
            } catch (IllegalArgumentException e) {
                assertFalse(e.getMessage().contains(SECRET), e.getMessage());
                ours = false;
            }
            if (ours) {
                accepted++;
                assertNotNull(okhttp3.HttpUrl.parse(url), "we accept " + host + " but OkHttp does not");
            }
        }
        assertTrue(accepted >= 25, "the table is not all refusals: " + accepted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"node.example", "node.example.", "café.example", "xn--caf-dma.example", "my_service",
            "[fe80::1]", "[::ffff:127.0.0.1]", "127.0.0.1"})
    void usualHostsAreAccepted(String host) {
        assertDoesNotThrow(() -> HttpUrls.requireHttpUrl("url", "http://" + host + "/hb/" + SECRET));
    }

    @ParameterizedTest
    @ValueSource(strings = {"node..example", ".node.example", "[fe80::1%25eth0]", "xn--zz.example"})
    void hostsOkHttpRefusesFailHereNamingTheSetting(String host) {
        String message = rejectedUrl("http://" + host + "/hb/" + SECRET);
        assertTrue(message.startsWith("pingUrl must have a valid host name or IP address, got one with "), message);
    }

    @Test
    void tooLongLabelsAndNamesAreRefusedSayingTheLimit() {
        assertTrue(rejectedUrl("http://" + L63 + "a.example/" + SECRET).contains("a label of 64 characters (at most 63)"));
        String name254 = (L63 + ".").repeat(3) + "a".repeat(62);
        assertTrue(rejectedUrl("http://" + name254 + "/" + SECRET).contains("a name of 254 characters (at most 253)"));
    }

    @Test
    void okHttpsIpv6GrammarIsMirrored() {
        for (String literal : new String[] {"::", "::1", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "::ffff:1.2.3.4"}) {
            assertTrue(HostNames.isIpv6(literal), literal);
        }
        for (String literal : new String[] {"", ":", "1:2", "1::2::3", "12345::", "::1.2.3", "::01.2.3.4", "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7:1.2.3.4", "::g"}) {
            assertFalse(HostNames.isIpv6(literal), literal);
        }
    }

    @Test
    void validHeaderIsAccepted() {
        assertDoesNotThrow(() -> HttpUrls.requireHeader("Authorization", "Bearer " + SECRET));
        assertDoesNotThrow(() -> HttpUrls.requireHeader("X-Api-Key", SECRET));
        assertDoesNotThrow(() -> HttpUrls.requireHeader("X-Empty", ""));
    }

    @Test
    void carriageReturnOrLineFeedInValueIsRejectedWithoutEchoingTheValue() {
        for (String value : new String[] {SECRET + "\r\n", SECRET + "\n", "\r" + SECRET, "Bearer " + SECRET + "\r\n"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> HttpUrls.requireHeader("X-Token", value));
            assertFalse(e.getMessage().contains(SECRET), "secret leaked: " + e.getMessage());
        }
        var plain = assertThrows(IllegalArgumentException.class, () -> HttpUrls.requireHeader("X-Token", SECRET + "\r\n"));
        assertEquals("header X-Token must not contain CR or LF, got ***", plain.getMessage());
        var bearer = assertThrows(IllegalArgumentException.class,
                () -> HttpUrls.requireHeader("Authorization", "Bearer " + SECRET + "\n"));
        assertEquals("header Authorization must not contain CR or LF, got Bearer ***", bearer.getMessage());
    }

    @Test
    void injectedHeaderLineDoesNotLeakTheValueIntoTheMessage() {
        // Regression: the text before the first space here is "<token>\r\nX-Injected:", which
        // must not be kept as if it were an auth scheme word.
        var e = assertThrows(IllegalArgumentException.class,
                () -> HttpUrls.requireHeader("X-Token", SECRET + "\r\nX-Injected: 1"));

        assertFalse(e.getMessage().contains(SECRET), "secret leaked: " + e.getMessage());
        assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"), "raw line break in message");
    }

    @Test
    void badHeaderNamesAreRejected() {
        for (String name : new String[] {"", "X Token", "X-Token:", "X\r\nY", "Ä", "a/b", "(x)", "x=y"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> HttpUrls.requireHeader(name, "v"));
            assertEquals("header name must be a non-empty token without spaces, got '" + name + "'", e.getMessage());
        }
    }

    @Test
    void nullNameOrValueIsANullPointer() {
        var name = assertThrows(NullPointerException.class, () -> HttpUrls.requireHeader(null, "v"));
        assertEquals("header name == null", name.getMessage());

        var value = assertThrows(NullPointerException.class, () -> HttpUrls.requireHeader("X-Token", null));
        assertEquals("header value == null (header X-Token)", value.getMessage());
    }
}
