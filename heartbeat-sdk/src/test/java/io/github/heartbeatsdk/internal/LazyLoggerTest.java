package io.github.heartbeatsdk.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SDK threads that log first at the same moment never make SLF4J print its "intercepted" warning. */
class LazyLoggerTest {
    @Test
    void concurrentFirstLookupsAllGetTheRealLoggerAndSlf4jStaysQuiet() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        for (int run = 0; run < 3; run++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    FirstLookupRaceMain.class.getName()).redirectErrorStream(true).start();
            String output = readAll(child.getInputStream());
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit");
            assertEquals(0, child.exitValue(), output);
            assertFalse(output.contains("logger substitute"), output);
            assertFalse(output.contains("intercepted"), output);
            assertEquals(8, output.split("logger real", -1).length - 1, output);
        }
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
