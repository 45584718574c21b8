package io.github.heartbeatsdk;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's classes use no invokedynamic (no lambdas, no method references), except those
 * that run only on the SDK's own delivery thread. The first lambda a JVM links bootstraps
 * invokedynamic for milliseconds, and build(), start() and ping() run on the caller's thread,
 * often early in a process: those milliseconds would be the caller's.
 */
class NoLambdaOnCallerPathTest {
    /** Loaded and run only on the delivery thread, after the caller's build() and ping() returned. */
    private static final Set<String> DELIVERY_THREAD_ONLY = Set.of("HttpTransport", "OkHttpSetup");

    @Test
    void onlyDeliveryThreadClassesLinkLambdas() throws Exception {
        Path classes = Paths.get(HeartbeatClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> withLambdas = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        for (Path file : files) {
            String simpleName = file.getFileName().toString().replace(".class", "").replaceAll("\\$.*", "");
            if (usesInvokeDynamic(file) && !DELIVERY_THREAD_ONLY.contains(simpleName)) {
                withLambdas.add(classes.relativize(file).toString());
            }
        }
        assertTrue(files.size() > 30, "scanned " + files.size() + " classes in " + classes);
        assertTrue(files.stream().filter(p -> p.getFileName().toString().equals("OkHttpSetup.class"))
                .anyMatch(p -> {
                    try {
                        return usesInvokeDynamic(p);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }), "the scan finds the lambda OkHttpSetup is allowed to have");
        assertEquals(List.of(), withLambdas, "classes on the caller's path must not use lambdas or method references");
    }

    /** True when the class file's constant pool holds an InvokeDynamic entry (tag 18). */
    static boolean usesInvokeDynamic(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            data.readUnsignedShort(); // major
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1: // Utf8
                        data.skipBytes(data.readUnsignedShort());
                        break;
                    case 3: case 4: // Integer, Float
                        data.skipBytes(4);
                        break;
                    case 5: case 6: // Long, Double: two slots
                        data.skipBytes(8);
                        i++;
                        break;
                    case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                        data.skipBytes(2);
                        break;
                    case 15: // MethodHandle
                        data.skipBytes(3);
                        break;
                    case 18: // InvokeDynamic
                        return true;
                    case 9: case 10: case 11: case 12: case 17: // refs, NameAndType, Dynamic
                        data.skipBytes(4);
                        break;
                    default:
                        throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
            return false;
        }
    }
}
