package io.github.heartbeatsdk.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Only scheme, host and port of a URL ever reach a message. */
class RedactorTest {
    private static final String SECRET = "1000rquike6143511677680410";
    private static final String XITORING = "https://node.xitoring.com/heartbeat/" + SECRET;

    // ---- url() -----------------------------------------------------------------------------

    @Test
    void urlMasksThePath() {
        assertEquals("https://node.xitoring.com/***", Redactor.url(XITORING));
    }

    @Test
    void urlWithoutPathIsShownWhole() {
        assertEquals("https://hc-ping.com", Redactor.url("https://hc-ping.com"));
        assertEquals("https://hc-ping.com", Redactor.url("https://hc-ping.com/"), "a bare slash is no secret");
    }

    @Test
    void urlKeepsThePort() {
        assertEquals("http://localhost:8080/***", Redactor.url("http://localhost:8080/ping/" + SECRET));
        assertEquals("http://localhost:8080", Redactor.url("http://localhost:8080"));
    }

    @Test
    void urlMasksTheQuery() {
        assertEquals("https://api.example.com/***", Redactor.url("https://api.example.com?key=" + SECRET));
        assertEquals("https://api.example.com/***", Redactor.url("https://api.example.com/?key=" + SECRET));
        assertEquals("https://api.example.com/***", Redactor.url("https://api.example.com/push?token=" + SECRET + "&a=b"));
    }

    @Test
    void urlMasksUserInfo() {
        assertEquals("https://example.com:8443/***", Redactor.url("https://user:" + SECRET + "@example.com:8443"));
        assertEquals("https://example.com/***", Redactor.url("https://" + SECRET + "@example.com/"));
    }

    @Test
    void urlIsTrimmed() {
        assertEquals("https://node.xitoring.com/***", Redactor.url("  " + XITORING + "\n"));
    }

    @Test
    void urlKeepsAnIpv6Host() {
        assertEquals("http://[::1]:9000/***", Redactor.url("http://[::1]:9000/hb/" + SECRET));
    }

    @Test
    void textThatIsNotAUrlIsMaskedWhole() {
        assertEquals("***", Redactor.url("not a url"));
        assertEquals("***", Redactor.url(SECRET));
        assertEquals("***", Redactor.url("/heartbeat/" + SECRET), "relative");
        assertEquals("***", Redactor.url("mailto:" + SECRET + "@example.com"), "no authority");
        assertEquals("***", Redactor.url("file:///etc/" + SECRET), "no authority");
        assertEquals("***", Redactor.url("https://example.com/a b/" + SECRET), "unparseable");
        assertEquals("***", Redactor.url(""));
    }

    @Test
    void nullUrlIsTheWordNull() {
        assertEquals("null", Redactor.url(null));
    }

    // ---- scrub() ---------------------------------------------------------------------------

    @Test
    void scrubReplacesTheWholeUrlByItsRedactedForm() {
        String message = "Failed to connect to " + XITORING + " after 5000ms";

        assertEquals("Failed to connect to https://node.xitoring.com/*** after 5000ms",
                Redactor.scrub(message, XITORING));
    }

    @Test
    void scrubReplacesEveryAppearance() {
        String message = XITORING + " then " + XITORING;

        assertEquals("https://node.xitoring.com/*** then https://node.xitoring.com/***", Redactor.scrub(message, XITORING));
    }

    @Test
    void scrubRemovesThePathOnItsOwn() {
        String message = "unexpected end of stream on GET /heartbeat/" + SECRET + " HTTP/1.1";

        String scrubbed = Redactor.scrub(message, XITORING);

        assertEquals("unexpected end of stream on GET *** HTTP/1.1", scrubbed);
        assertFalse(scrubbed.contains(SECRET));
    }

    @Test
    void scrubRemovesTheQueryOnItsOwn() {
        String url = "https://api.example.com/push?token=" + SECRET;
        String message = "bad request (token=" + SECRET + ")";

        String scrubbed = Redactor.scrub(message, url);

        assertEquals("bad request (***)", scrubbed);
        assertFalse(scrubbed.contains(SECRET));
    }

    @Test
    void scrubRemovesUrlPathAndQueryInOneMessage() {
        String url = "https://api.example.com/v1/" + SECRET + "?key=k3y";
        String message = "call " + url + " failed; path /v1/" + SECRET + "; query key=k3y";

        String scrubbed = Redactor.scrub(message, url);

        assertEquals("call https://api.example.com/*** failed; path ***; query ***", scrubbed);
    }

    @Test
    void scrubLeavesSlashesAloneForARootPath() {
        String message = "GET / on https://hc-ping.com/ failed: a/b";

        assertEquals("GET / on https://hc-ping.com failed: a/b", Redactor.scrub(message, "https://hc-ping.com/"));
    }

    @Test
    void scrubRemovesThePathAsItTravelsPercentEncodedInEitherCase() {
        String url = "http://hb.example/hb/café-" + SECRET;

        assertEquals("Unexpected status line: GET *** HTTP/1.1",
                Redactor.scrub("Unexpected status line: GET /hb/caf%C3%A9-" + SECRET + " HTTP/1.1", url));
        assertEquals("GET ***", Redactor.scrub("GET /hb/caf%c3%a9-" + SECRET, url));
        assertEquals("GET ***", Redactor.scrub("GET /hb/café-" + SECRET, url), "as given");
    }

    @Test
    void scrubRemovesAnEncodedUrlInItsDecodedAndReencodedForms() {
        String url = "http://hb.example/hb/caf%C3%A9-" + SECRET;

        assertEquals("GET ***", Redactor.scrub("GET /hb/café-" + SECRET, url));
        assertEquals("GET ***", Redactor.scrub("GET /hb/caf%c3%a9-" + SECRET, url));
    }

    @Test
    void scrubRemovesTheQueryWithSpacesAsPlusOrPercent20() {
        String url = "http://hb.example/ping?token=" + SECRET + "&note=a%20b%C3%BC";

        for (String sent : new String[] {"token=" + SECRET + "&note=a b\u00fc", "token=" + SECRET + "&note=a+b%C3%BC",
                "token=" + SECRET + "&note=a%20b%c3%bc"}) {
            assertEquals("GET ***?***", Redactor.scrub("GET /ping?" + sent, url), sent); // the path counts as secret too
        }
    }

    @Test
    void scrubLeavesUnrelatedTextAlone() {
        assertEquals("connection reset", Redactor.scrub("connection reset", XITORING));
    }

    @Test
    void scrubPassesNullsThrough() {
        assertNull(Redactor.scrub(null, XITORING));
        assertEquals("text", Redactor.scrub("text", null));
    }

    // ---- headerValue() ---------------------------------------------------------------------

    @Test
    void headerValueKeepsTheAuthSchemeAndMasksTheToken() {
        assertEquals("Bearer ***", Redactor.headerValue("Bearer " + SECRET));
        assertEquals("Basic ***", Redactor.headerValue("Basic dXNlcjpwYXNz"));
    }

    @Test
    void headerValueKeepsTheSchemeWordAsWritten() {
        assertEquals("bearer ***", Redactor.headerValue("bearer " + SECRET));
        assertEquals("Token ***", Redactor.headerValue("Token " + SECRET));
    }

    @Test
    void headerValueDoesNotKeepAFirstWordThatIsNoAuthScheme() {
        assertEquals("***", Redactor.headerValue(SECRET + " extra"));
        assertEquals("***", Redactor.headerValue(SECRET + "\r\nX-Injected: 1"));
    }

    @Test
    void headerValueWithoutSchemeIsMaskedWhole() {
        assertEquals("***", Redactor.headerValue(SECRET));
        assertEquals("***", Redactor.headerValue(" " + SECRET), "leading space is no scheme");
        assertEquals("***", Redactor.headerValue(""));
        assertEquals("***", Redactor.headerValue(null));
    }
}
