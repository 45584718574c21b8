package io.github.heartbeatsdk;

import io.github.heartbeatsdk.internal.Dispatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.DataInputStream;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The library's classes are Java 8 bytecode (major version 52), so it runs on JDK 8 through 25. */
class BytecodeLevelTest {
    @ParameterizedTest
    @ValueSource(classes = {HeartbeatClient.class, HeartbeatClient.Builder.class, Dispatcher.class})
    void libraryClassesTargetJava8(Class<?> type) throws Exception {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource); DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort(); // minor
            assertEquals(52, data.readUnsignedShort(), type.getName());
        }
    }
}
