package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times to first token counted in buckets, so that the windows of several gateways add up exactly:
 * percentiles of parts never give the percentile of the whole, counts per bucket do. A bucket is a
 * time in microseconds kept to three significant digits (0-999 µs exact, then steps under 1% of the
 * value), well inside the canary's thresholds (1.2 and 2 times), and at most 900 buckets a decade.
 *
 * @param counts answers per bucket, keyed by the bucket's lower bound in microseconds
 */
public record TtftHistogram(Map<Long, Long> counts) {

    public static final TtftHistogram EMPTY = new TtftHistogram(Map.of());

    public TtftHistogram {
        requireNonNull(counts, "counts");
        counts.forEach((bucket, count) -> {
            if (bucket < 0 || bucket != bucketOf(bucket * 1_000) || count < 1) {
                throw new IllegalArgumentException("not a histogram bucket and count: " + bucket + " " + count);
            }
        });
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** The bucket of a time to first token: its microseconds, kept to three significant digits. */
    public static long bucketOf(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        long scale = 1;
        while (micros / scale >= 1_000) {
            scale *= 10;
        }
        return micros / scale * scale;
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public TtftHistogram plus(TtftHistogram other) {
        Map<Long, Long> sum = new TreeMap<>(counts);
        other.counts.forEach((bucket, count) -> sum.merge(bucket, count, Long::sum));
        return new TtftHistogram(sum);
    }

    /** Nearest rank: the lower bound of the first bucket with at least {@code p}% of the answers at or below it. */
    public Duration percentile(int p) {
        long total = total();
        long atOrBelow = 0;
        for (Map.Entry<Long, Long> bucket : counts.entrySet()) {
            atOrBelow += bucket.getValue();
            if (atOrBelow * 100 >= (long) p * total) {
                return Duration.ofNanos(bucket.getKey() * 1_000);
            }
        }
        return Duration.ZERO;
    }
}
