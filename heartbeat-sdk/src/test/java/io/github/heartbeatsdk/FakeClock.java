package io.github.heartbeatsdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when a test moves it. */
public final class FakeClock extends Clock {
    private final AtomicLong millis;

    public FakeClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    public FakeClock() {
        this(1_732_300_000_000L);
    }

    public void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }

    void set(long epochMillis) {
        millis.set(epochMillis);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
