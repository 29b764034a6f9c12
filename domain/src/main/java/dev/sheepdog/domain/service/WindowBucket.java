package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.TtftHistogram;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The completions of one slice of time. Time-to-first-token samples are capped; past the cap a
 * reservoir keeps a uniform sample, so a burst cannot make the window grow without bound. Every
 * answer is also counted in a histogram's bucket (bounded too), which a fleet can add up.
 */
final class WindowBucket {

    static final int MAX_SAMPLES = 2048;

    final long slice;
    long requests;
    final Map<FailureKind, Long> errors = new EnumMap<>(FailureKind.class);
    long[] ttftNanos = new long[16];
    int samples;
    long seen;
    final Map<Long, Long> ttftBuckets = new HashMap<>();
    long completionTokens;
    long generationNanos;

    WindowBucket(long slice) {
        this.slice = slice;
    }

    void add(CompletionRecord record, RandomGenerator random) {
        requests++;
        if (record.outcome() == CompletionOutcome.FAILED) {
            record.failure().ifPresent(kind -> errors.merge(kind, 1L, Long::sum));
        }
        record.timeToFirstToken().ifPresent(ttft -> {
            sample(ttft.toNanos(), random);
            if (record.outcome() == CompletionOutcome.COMPLETED) {
                long generating = record.duration().minus(ttft).toNanos();
                if (generating > 0) {
                    completionTokens += record.usage().completionTokens();
                    generationNanos += generating;
                }
            }
        });
    }

    private void sample(long nanos, RandomGenerator random) {
        seen++;
        ttftBuckets.merge(TtftHistogram.bucketOf(nanos), 1L, Long::sum);
        if (samples < MAX_SAMPLES) {
            if (samples == ttftNanos.length) {
                ttftNanos = Arrays.copyOf(ttftNanos, Math.min(MAX_SAMPLES, samples * 2));
            }
            ttftNanos[samples++] = nanos;
        } else {
            long slot = random.nextLong(seen);
            if (slot < MAX_SAMPLES) {
                ttftNanos[(int) slot] = nanos;
            }
        }
    }
}
