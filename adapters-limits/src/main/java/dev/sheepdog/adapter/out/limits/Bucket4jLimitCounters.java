package dev.sheepdog.adapter.out.limits;

import dev.sheepdog.domain.port.out.LimitCounters;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Each account's rate and concurrency limits in this process's memory, as Bucket4j token buckets. */
public final class Bucket4jLimitCounters implements LimitCounters {

    // Every bucket left alone for a minute is full again; sweeping more often than this buys nothing.
    private static final long SWEEP_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long TAKEN = -1;

    private final TimeMeter time;
    private final AccountBuckets requests;
    private final AccountBuckets tokens;
    // Only accounts with a stream open have an entry: a count that falls to zero is removed.
    private final ConcurrentHashMap<String, Integer> streams = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    public Bucket4jLimitCounters(Clock clock) {
        this.time = new ClockTimeMeter(clock);
        this.requests = new AccountBuckets(time);
        this.tokens = new AccountBuckets(time);
        this.nextSweep = new AtomicLong(time.currentTimeNanos() + SWEEP_EVERY_NANOS);
    }

    @Override
    public Optional<Duration> takeRequest(String account, int perMinute) {
        long wait = requests.apply(account, perMinute, bucket -> {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? TAKEN : probe.getNanosToWaitForRefill();
        });
        sweepWhenDue();
        return waitFor(wait);
    }

    @Override
    public Optional<Duration> checkTokens(String account, long perMinute) {
        return waitFor(tokens.read(account, perMinute, bucket -> bucket.getAvailableTokens() > 0
                ? TAKEN : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill(), TAKEN));
    }

    @Override
    public void countTokens(String account, long perMinute, long counted) {
        if (counted < 0) {
            throw new IllegalArgumentException("tokens cannot be negative: " + counted);
        }
        if (counted > 0) {
            tokens.apply(account, perMinute, bucket -> bucket.consumeIgnoringRateLimits(counted));
            sweepWhenDue();
        }
    }

    @Override
    public boolean openStream(String account, int max) {
        boolean[] opened = new boolean[1];
        streams.compute(account, (key, open) -> {
            int now = open == null ? 0 : open;
            opened[0] = now < max;
            return opened[0] ? now + 1 : open;
        });
        return opened[0];
    }

    @Override
    public void closeStream(String account) {
        streams.computeIfPresent(account, (key, open) -> open <= 1 ? null : open - 1);
    }

    @Override
    public int openStreams(String account) {
        return streams.getOrDefault(account, 0);
    }

    @Override
    public long requestsLeft(String account, int perMinute) {
        return requests.read(account, perMinute, Bucket::getAvailableTokens, perMinute);
    }

    @Override
    public long tokensLeft(String account, long perMinute) {
        return tokens.read(account, perMinute, Bucket::getAvailableTokens, perMinute);
    }

    /** How many counters are held, over all accounts and kinds: what memory the limits take. */
    int trackedAccounts() {
        return requests.size() + tokens.size() + streams.size();
    }

    // One caller in a while pays for forgetting full buckets, so that many one-off accounts
    // (an attacker with many addresses) cannot grow memory without bound.
    private void sweepWhenDue() {
        long now = time.currentTimeNanos();
        long due = nextSweep.get();
        boolean clockWentBack = due - now > SWEEP_EVERY_NANOS;
        if ((now >= due || clockWentBack) && nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
            requests.forgetFull();
            tokens.forgetFull();
        }
    }

    private static Optional<Duration> waitFor(long nanos) {
        if (nanos == TAKEN) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.max(1, Math.ceilDiv(nanos, 1_000_000L))));
    }
}
