package dev.sheepdog.domain.port.out;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LimitCounters} in memory for the domain's tests: greedy token buckets in exact integer
 * arithmetic (a token is {@link #SCALE} units; a bucket of {@code n} per minute gains {@code n}
 * units a nanosecond), one lock for everything. Not meant to be fast.
 */
public final class InMemoryLimitCounters implements LimitCounters {

    private static final long SCALE = Duration.ofMinutes(1).toNanos();

    private final Clock clock;
    private final Map<String, Bucket> requests = new HashMap<>();
    private final Map<String, Bucket> tokens = new HashMap<>();
    private final Map<String, Integer> streams = new HashMap<>();

    public InMemoryLimitCounters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Duration> takeRequest(String account, int perMinute) {
        Bucket bucket = bucket(requests, account, perMinute);
        if (bucket.units >= SCALE) {
            bucket.units -= SCALE;
            return Optional.empty();
        }
        return Optional.of(bucket.waitFor(SCALE));
    }

    @Override
    public synchronized Optional<Duration> checkTokens(String account, long perMinute) {
        Bucket bucket = bucket(tokens, account, perMinute);
        return bucket.units >= SCALE ? Optional.empty() : Optional.of(bucket.waitFor(SCALE));
    }

    @Override
    public synchronized void countTokens(String account, long perMinute, long counted) {
        bucket(tokens, account, perMinute).units -= counted * SCALE;
    }

    @Override
    public synchronized boolean openStream(String account, int max) {
        int open = streams.getOrDefault(account, 0);
        if (open >= max) {
            return false;
        }
        streams.put(account, open + 1);
        return true;
    }

    @Override
    public synchronized void closeStream(String account) {
        streams.computeIfPresent(account, (name, open) -> open <= 1 ? null : open - 1);
    }

    @Override
    public synchronized int openStreams(String account) {
        return streams.getOrDefault(account, 0);
    }

    @Override
    public synchronized long requestsLeft(String account, int perMinute) {
        return Math.floorDiv(bucket(requests, account, perMinute).units, SCALE);
    }

    @Override
    public synchronized long tokensLeft(String account, long perMinute) {
        return Math.floorDiv(bucket(tokens, account, perMinute).units, SCALE);
    }

    private Bucket bucket(Map<String, Bucket> buckets, String account, long perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a limit is at least 1 a minute");
        }
        long now = clock.instant().toEpochMilli() * 1_000_000 + clock.instant().getNano() % 1_000_000;
        Bucket bucket = buckets.computeIfAbsent(account, any -> new Bucket(perMinute, perMinute * SCALE, now));
        // A raised limit is granted at once; a lowered one only caps the balance, and never refunds what was spent.
        bucket.units = perMinute > bucket.perMinute ? bucket.units + (perMinute - bucket.perMinute) * SCALE
                : Math.min(bucket.units, perMinute * SCALE);
        bucket.perMinute = perMinute;
        bucket.units = Math.min(perMinute * SCALE, bucket.units + Math.max(0, now - bucket.at) * perMinute);
        bucket.at = now;
        return bucket;
    }

    /** A balance in units, refilled up to {@code perMinute} tokens. */
    private static final class Bucket {
        long perMinute;
        long units;
        long at;

        Bucket(long perMinute, long units, long at) {
            this.perMinute = perMinute;
            this.units = units;
            this.at = at;
        }

        Duration waitFor(long needed) {
            long nanos = (needed - units + perMinute - 1) / perMinute;
            return Duration.ofNanos(Math.max(nanos, 1_000_000));
        }
    }
}
