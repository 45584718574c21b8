package io.github.heartbeatsdk.internal;

import java.io.InputStream;
import java.util.Properties;

/** The SDK's own version, written into a resource by the build. */
public final class SdkVersion {
    /** The version, or {@code "dev"} when run from sources without the build's resource. */
    public static final String VERSION = read();

    private SdkVersion() {
    }

    private static String read() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("/io/github/heartbeatsdk/heartbeat-sdk.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (Exception e) {
            return "dev";
        }
    }
}
