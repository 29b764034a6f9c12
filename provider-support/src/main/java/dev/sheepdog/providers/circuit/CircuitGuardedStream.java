package dev.sheepdog.providers.circuit;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.FailureKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stream that tells its endpoint's circuit breaker how the call went, exactly once: a success at
 * its first answer, a failure only before it and only when the failure says the endpoint is
 * unhealthy, and otherwise the permission back. What happens after the first chunk is the
 * stream's business, not the endpoint's health.
 */
final class CircuitGuardedStream implements CompletionStream {

    private final CompletionStream stream;
    private final CircuitBreaker breaker;
    private final long permittedAtNanos;
    // Set by whichever comes first, an event or the reader's close, which may be on another thread.
    private final AtomicBoolean decided = new AtomicBoolean();

    /** @param permittedAtNanos when the breaker's permission was acquired, in {@link System#nanoTime()} terms */
    CircuitGuardedStream(CompletionStream stream, CircuitBreaker breaker, long permittedAtNanos) {
        this.stream = stream;
        this.breaker = breaker;
        this.permittedAtNanos = permittedAtNanos;
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        Optional<CompletionEvent> event = stream.poll(maxWait);
        if (event.isPresent() && !decided.get()) {
            judge(event.get());
        }
        return event;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } finally {
            // The reader left before any answer: the call says nothing about the endpoint.
            if (decided.compareAndSet(false, true)) {
                breaker.releasePermission();
            }
        }
    }

    private void judge(CompletionEvent event) {
        if (!decided.compareAndSet(false, true)) {
            return;
        }
        long elapsed = System.nanoTime() - permittedAtNanos;
        if (!(event instanceof CompletionEvent.Failed failed)) {
            // A chunk, or a usage report or end without one: the endpoint answered.
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        } else if (saysEndpointIsUnhealthy(failed.failure().kind())) {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, new UnhealthyEndpointException(failed.failure()));
        } else {
            breaker.releasePermission();
        }
    }

    /** Whether a failure before the first chunk counts against the endpoint; a caller's, key's or account's does not. */
    static boolean saysEndpointIsUnhealthy(FailureKind kind) {
        return switch (kind) {
            case INVALID_REQUEST, MODEL_NOT_FOUND, UPSTREAM_AUTH, INSUFFICIENT_BALANCE, RATE_LIMITED, CANCELLED -> false;
            // Another breaker's refusal (a call that was never sent) says nothing about this endpoint.
            case CIRCUIT_OPEN -> false;
            // The caller's own limits, or a refusal of its request: nothing to do with the endpoint's health.
            case REQUEST_REFUSED, MODEL_NOT_ALLOWED, REQUESTS_PER_MINUTE, TOKENS_PER_MINUTE, TOO_MANY_STREAMS,
                 BUDGET_EXCEEDED -> false;
            case UPSTREAM_UNAVAILABLE, CONNECT_TIMEOUT, FIRST_TOKEN_TIMEOUT, IDLE_TIMEOUT, STREAM_TIMEOUT,
                 STREAM_TRUNCATED, MALFORMED_STREAM, EVENT_TOO_LARGE, UPSTREAM_ERROR -> true;
        };
    }
}
