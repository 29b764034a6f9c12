package dev.sheepdog.adapter.out.limits;

import static java.util.Objects.requireNonNull;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/** Bucket4j's time taken from a {@link Clock}, so that tests move the buckets with a manual one. */
record ClockTimeMeter(Clock clock) implements TimeMeter {

    ClockTimeMeter {
        requireNonNull(clock, "clock");
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        // Nanoseconds since the epoch fit in a long until the year 2262.
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
