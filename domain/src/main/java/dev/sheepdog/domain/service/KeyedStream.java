package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.KeyLease;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider stream opened with a leased key: tells the key's pool what the provider said of the
 * key, and gives the key back when the stream is over, however it ends.
 */
final class KeyedStream implements CompletionStream {

    private final CompletionStream inner;
    private final KeyLease lease;
    private final Clock clock;

    KeyedStream(CompletionStream inner, KeyLease lease, Clock clock) {
        this.inner = inner;
        this.lease = lease;
        this.clock = clock;
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        Optional<CompletionEvent> next = inner.poll(maxWait);
        if (next.isPresent() && next.get() instanceof CompletionEvent.Failed failed) {
            judgeKey(failed.failure());
        }
        if (next.isPresent() && next.get().terminal()) {
            lease.release(clock.instant());
        }
        return next;
    }

    @Override
    public void close() {
        inner.close();
        lease.release(clock.instant());
    }

    private void judgeKey(CompletionFailure failure) {
        switch (failure.kind()) {
            case UPSTREAM_AUTH -> lease.refused(failure.upstreamStatus(), clock.instant());
            case RATE_LIMITED -> lease.rateLimited(failure.retryAfter(), clock.instant());
            default -> {
                // not the key's fault
            }
        }
    }
}
