package io.github.heartbeatsdk.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for run and instance ids. They need to be unique, not unguessable, so
 * they come from ThreadLocalRandom: {@code UUID.randomUUID()} seeds a SecureRandom on first use,
 * which cost 30 ms on the caller's thread here.
 */
public final class RandomIds {
    private RandomIds() {
    }

    /** A random UUID string, in the usual 8-4-4-4-12 form, with version 4 and the IETF variant. */
    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
