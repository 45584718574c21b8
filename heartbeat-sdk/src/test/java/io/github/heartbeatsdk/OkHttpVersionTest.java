package io.github.heartbeatsdk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Under a compatibility profile (-Pokhttp4), the tests really run on the OkHttp it names. */
class OkHttpVersionTest {
    @Test
    void theProfilesOkHttpIsTheOneLoaded() throws Exception {
        String expected = System.getProperty("heartbeat.test.okhttp-version");
        assumeTrue(expected != null, "not under a compatibility profile");
        assertEquals(expected, Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
    }
}
