package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.TtftHistogram;
import dev.sheepdog.domain.model.WindowCounts;
import dev.sheepdog.domain.model.WindowSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * Each endpoint's recent traffic over a sliding window of time (by default the last five minutes,
 * in ten-second slices): what the canary controller judges and what operators see.
 */
public final class EndpointStatistics {

    private static final Duration SLICE = Duration.ofSeconds(10);

    private final Clock clock;
    private final long slicesPerWindow;
    private final RandomGenerator random;
    private final Map<EndpointId, Deque<WindowBucket>> windows = new ConcurrentHashMap<>();
    private final Map<EndpointId, LongAdder> shadowsSkipped = new ConcurrentHashMap<>();

    public EndpointStatistics(Clock clock, Duration window, RandomGenerator random) {
        this.clock = clock;
        this.slicesPerWindow = Math.max(1, window.toMillis() / SLICE.toMillis());
        this.random = random;
    }

    public void record(CompletionRecord record) {
        long slice = currentSlice();
        Deque<WindowBucket> window = windows.computeIfAbsent(record.endpoint(), id -> new ArrayDeque<>());
        synchronized (window) {
            if (window.isEmpty() || window.peekLast().slice != slice) {
                window.addLast(new WindowBucket(slice));
            }
            window.peekLast().add(record, random);
            dropOld(window, slice);
        }
    }

    /** A copy for this shadow was skipped because the shadows were saturated. */
    public void shadowSkipped(EndpointId shadow) {
        shadowsSkipped.computeIfAbsent(shadow, id -> new LongAdder()).increment();
    }

    /** Copies skipped for this shadow since start. */
    public long shadowsSkipped(EndpointId shadow) {
        LongAdder skipped = shadowsSkipped.get(shadow);
        return skipped == null ? 0 : skipped.sum();
    }

    public WindowSummary summary(EndpointId endpoint) {
        Deque<WindowBucket> window = windows.get(endpoint);
        if (window == null) {
            return WindowSummary.EMPTY;
        }
        long requests = 0;
        long tokens = 0;
        long generating = 0;
        Map<FailureKind, Long> errors = new EnumMap<>(FailureKind.class);
        long[] ttfts = new long[0];
        List<Kept> kept = new ArrayList<>();
        synchronized (window) {
            dropOld(window, currentSlice());
            for (WindowBucket bucket : window) {
                requests += bucket.requests;
                tokens += bucket.completionTokens;
                generating += bucket.generationNanos;
                bucket.errors.forEach((kind, count) -> errors.merge(kind, count, Long::sum));
                int from = ttfts.length;
                ttfts = Arrays.copyOf(ttfts, from + bucket.samples);
                System.arraycopy(bucket.ttftNanos, 0, ttfts, from, bucket.samples);
                if (bucket.samples > 0) {
                    kept.add(new Kept(Arrays.copyOf(bucket.ttftNanos, bucket.samples),
                            (double) bucket.seen / bucket.samples));
                }
            }
        }
        Arrays.sort(ttfts);
        kept.forEach(slice -> Arrays.sort(slice.sorted()));
        return new WindowSummary(requests, errors, percentile(ttfts, kept, 50), percentile(ttfts, kept, 95),
                percentile(ttfts, kept, 99), generating == 0 ? 0 : tokens / (generating / 1e9));
    }

    /** Every endpoint's window as counts that add up across a fleet; see {@link WindowCounts}. */
    public Map<EndpointId, WindowCounts> counts() {
        Map<EndpointId, WindowCounts> counts = new HashMap<>();
        windows.forEach((endpoint, window) -> counts.put(endpoint, counts(window)));
        return Map.copyOf(counts);
    }

    private WindowCounts counts(Deque<WindowBucket> window) {
        long requests = 0;
        long tokens = 0;
        long generating = 0;
        Map<FailureKind, Long> errors = new EnumMap<>(FailureKind.class);
        Map<Long, Long> ttft = new HashMap<>();
        synchronized (window) {
            dropOld(window, currentSlice());
            for (WindowBucket bucket : window) {
                requests += bucket.requests;
                tokens += bucket.completionTokens;
                generating += bucket.generationNanos;
                bucket.errors.forEach((kind, count) -> errors.merge(kind, count, Long::sum));
                bucket.ttftBuckets.forEach((at, count) -> ttft.merge(at, count, Long::sum));
            }
        }
        return new WindowCounts(requests, errors, new TtftHistogram(ttft), tokens, generating);
    }

    /** A slice's kept samples, each standing for {@code weight} answers: more than one past the sample cap. */
    private record Kept(long[] sorted, double weight) {
    }

    private void dropOld(Deque<WindowBucket> window, long slice) {
        while (!window.isEmpty() && window.peekFirst().slice <= slice - slicesPerWindow) {
            window.removeFirst();
        }
    }

    private long currentSlice() {
        return clock.millis() / SLICE.toMillis();
    }

    // Nearest rank over answers, not samples: the smallest sample with at least p% of the answers at or
    // below it. A burst's slice keeps no more samples than a quiet one, so its samples weigh more.
    private static Duration percentile(long[] sorted, List<Kept> kept, int p) {
        if (sorted.length == 0) {
            return Duration.ZERO;
        }
        double target = p / 100.0 * kept.stream().mapToDouble(slice -> slice.weight() * slice.sorted().length).sum();
        int low = 0;
        int high = sorted.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (answersAtOrBelow(kept, sorted[middle]) >= target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return Duration.ofNanos(sorted[low]);
    }

    private static double answersAtOrBelow(List<Kept> kept, long nanos) {
        double answers = 0;
        for (Kept slice : kept) {
            int low = 0;
            int high = slice.sorted().length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (slice.sorted()[middle] <= nanos) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            answers += slice.weight() * low;
        }
        return answers;
    }
}
