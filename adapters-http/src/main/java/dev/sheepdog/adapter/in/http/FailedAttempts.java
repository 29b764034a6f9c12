package dev.sheepdog.adapter.in.http;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong tokens per address: a token bucket each, so a few typos pass unnoticed and a guessing
 * loop is held to the bucket's rate. Bounded: past {@link #MAX_ADDRESSES} the slate is wiped,
 * which at worst lets an attacker with that many addresses start over.
 */
final class FailedAttempts {

    private static final int MAX_ADDRESSES = 10_000;

    private final int perMinute;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

    private FailedAttempts(int perMinute) {
        this.perMinute = perMinute;
    }

    static FailedAttempts perMinute(int perMinute) {
        return new FailedAttempts(perMinute);
    }

    /** How long the address must wait before its next try, or empty when it may try now. */
    Optional<Duration> blockedFor(String address) {
        Bucket bucket = byAddress.get(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1_000_000)));
    }

    void failed(String address) {
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.clear();
        }
        byAddress.computeIfAbsent(address, any -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build()).tryConsume(1);
    }
}
