package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.KeyLease;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider stream opened with a leased key: tells the key's pool what the provider said of the
 * key (a refusal only once {@link KeyRing#refused} confirmed it), and gives the key back when the
 * stream is over, however it ends.
 */
final class KeyedStream implements CompletionStream {

    private final CompletionStream inner;
    private final Endpoint endpoint;
    private final KeyLease lease;
    private final KeyRing keys;
    private final Clock clock;

    KeyedStream(CompletionStream inner, Endpoint endpoint, KeyLease lease, KeyRing keys, Clock clock) {
        this.inner = inner;
        this.endpoint = endpoint;
        this.lease = lease;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        Optional<CompletionEvent> next = inner.poll(maxWait);
        if (next.isPresent() && next.get() instanceof CompletionEvent.Failed failed) {
            next = Optional.of(new CompletionEvent.Failed(judgeKey(failed.failure())));
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

    private CompletionFailure judgeKey(CompletionFailure failure) throws InterruptedException {
        switch (failure.kind()) {
            // A caller can make a provider refuse its request: the key is re-checked before it is blamed.
            case UPSTREAM_AUTH -> {
                return keys.refused(endpoint, lease, failure);
            }
            case RATE_LIMITED -> lease.rateLimited(failure.retryAfter(), clock.instant());
            default -> {
                // not the key's fault
            }
        }
        return failure;
    }
}
