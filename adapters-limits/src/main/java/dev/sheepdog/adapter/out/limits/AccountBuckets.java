package dev.sheepdog.adapter.out.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.local.LocalBucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * One kind of allowance (requests or tokens per minute) for every account, as a greedy-refill
 * bucket each. An account with no bucket has a full allowance, so a full bucket can be forgotten.
 */
final class AccountBuckets {

    private final ConcurrentHashMap<String, LocalBucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    AccountBuckets(TimeMeter time) {
        this.time = time;
    }

    /**
     * Runs {@code action} on the account's bucket for {@code perMinute}, created if missing. It runs
     * inside the map's per-key lock, so a sweep can never forget a bucket while something is taken.
     */
    long apply(String account, long perMinute, ToLongFunction<Bucket> action) {
        long[] result = new long[1];
        buckets.compute(account, (key, bucket) -> {
            LocalBucket current = bucket == null ? create(perMinute) : fitted(bucket, perMinute);
            result[0] = action.applyAsLong(current);
            return current;
        });
        return result[0];
    }

    /** Like {@link #apply} but never creates a bucket: {@code whenFull} answers for an account without one. */
    long read(String account, long perMinute, ToLongFunction<Bucket> action, long whenFull) {
        long[] result = {whenFull};
        buckets.computeIfPresent(account, (key, bucket) -> {
            LocalBucket current = fitted(bucket, perMinute);
            result[0] = action.applyAsLong(current);
            return current;
        });
        return result[0];
    }

    /** Forgets every bucket that has refilled to its capacity: it says nothing a missing one would not. */
    void forgetFull() {
        for (String account : buckets.keySet()) {
            buckets.computeIfPresent(account, (key, bucket) ->
                    bucket.getAvailableTokens() >= capacity(bucket) ? null : bucket);
        }
    }

    int size() {
        return buckets.size();
    }

    private LocalBucket create(long perMinute) {
        return Bucket.builder()
                .addLimit(configuration(perMinute).getBandwidths()[0])
                .withCustomTimePrecision(time)
                .build();
    }

    // An operator changed the plan: a raise is granted at once, what was spent stays spent (debt too).
    private static LocalBucket fitted(LocalBucket bucket, long perMinute) {
        if (capacity(bucket) != perMinute) {
            bucket.replaceConfiguration(configuration(perMinute), TokensInheritanceStrategy.ADDITIVE);
        }
        return bucket;
    }

    private static BucketConfiguration configuration(long perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("an allowance per minute must be at least 1: " + perMinute);
        }
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private static long capacity(LocalBucket bucket) {
        return bucket.getConfiguration().getBandwidths()[0].getCapacity();
    }
}
