package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.KeyLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Tries a route's endpoints in order, and an endpoint's keys in turn, until one starts answering.
 * A retryable failure before the first chunk moves on; after the first chunk nothing is retried,
 * and a caller's error is never retried.
 */
final class FailoverStream implements CompletionStream {

    /** Opens one attempt: a provider stream on an endpoint with a leased key, or a half-open trial of its circuit. */
    @FunctionalInterface
    interface Attempts {
        CompletionStream open(Endpoint endpoint, KeyLease lease, CompletionRequest request, boolean trial);
    }

    private final CompletionRequest request;
    private final Iterator<Endpoint> route;
    private final Attempts attempts;
    private final KeyRing keys;
    private final Clock clock;
    private final Runnable onEnd;
    private final Instant giveUpAt;
    private final SkippedEndpoints skipped = new SkippedEndpoints();
    private Endpoint endpoint;
    private int triesOnEndpoint;
    private boolean endpointDone;
    private CompletionStream current;
    private CompletionFailure lastFailure;
    private boolean started;
    private CompletionEvent terminal;
    private boolean ended;

    /** @param onEnd run once, when the stream has ended or was closed */
    FailoverStream(CompletionRequest request, List<Endpoint> route, Attempts attempts, KeyRing keys, Clock clock,
                   Runnable onEnd) {
        this.request = request;
        this.route = route.iterator();
        this.attempts = attempts;
        this.keys = keys;
        this.clock = clock;
        this.onEnd = onEnd;
        // No new attempt starts once the first endpoint's whole-stream deadline has passed.
        this.giveUpAt = clock.instant().plus(route.getFirst().deadlines().total());
        // The provider's work starts with the request, not with the reader's first poll.
        this.current = openNext();
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        long waitEnd = System.nanoTime() + maxWait.toNanos();
        while (terminal == null) {
            if (current == null && (current = openNext()) == null) {
                terminal = new CompletionEvent.Failed(lastFailure);
                end();
                break;
            }
            Optional<CompletionEvent> next = current.poll(Duration.ofNanos(Math.max(0, waitEnd - System.nanoTime())));
            if (next.isEmpty()) {
                return next;
            }
            CompletionEvent event = next.get();
            if (!started && event instanceof CompletionEvent.Failed failed && failed.failure().retryable()) {
                lastFailure = failed.failure();
                skipped.failed(endpoint, lastFailure, clock.instant());
                current.close();
                current = null;
                continue;
            }
            started |= event instanceof CompletionEvent.Chunk;
            if (event.terminal()) {
                terminal = event;
                end();
            }
            return next;
        }
        return Optional.of(terminal);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
        end();
    }

    private void end() {
        if (!ended) {
            ended = true;
            onEnd.run();
        }
    }

    private CompletionStream openNext() {
        while (true) {
            if (endpoint == null || !retrySameEndpoint()) {
                if (!clock.instant().isBefore(giveUpAt)) {
                    return null;
                }
                if (!route.hasNext()) {
                    return trial();
                }
                endpoint = route.next();
                triesOnEndpoint = 0;
                endpointDone = false;
            }
            triesOnEndpoint++;
            Optional<KeyLease> lease = keys.lease(endpoint.id(), request.model());
            if (lease.isPresent()) {
                return attempts.open(endpoint, lease.get(), request, false);
            }
            lastFailure = noUsableKey();
            skipped.noKey();
            endpointDone = true;
        }
    }

    // Every endpoint was skipped for its open circuit: the one open longest is tried once, half open.
    private CompletionStream trial() {
        Optional<Endpoint> trial = skipped.trial();
        Optional<KeyLease> lease = trial.flatMap(candidate -> keys.lease(candidate.id(), request.model()));
        if (lease.isEmpty()) {
            return null;
        }
        endpoint = trial.get();
        endpointDone = true;
        return attempts.open(endpoint, lease.get(), request, true);
    }

    // A refused, rate-limited or out-of-balance key is the key's problem: another key of the same endpoint may do.
    private boolean retrySameEndpoint() {
        return !endpointDone && lastFailure != null && triesOnEndpoint < keys.pool(endpoint.id()).stored().size()
                && switch (lastFailure.kind()) {
                    case UPSTREAM_AUTH, RATE_LIMITED, INSUFFICIENT_BALANCE -> true;
                    default -> false;
                };
    }

    private CompletionFailure noUsableKey() {
        Optional<Instant> coolingEnds = keys.pool(endpoint.id()).coolingEnds(request.model());
        if (coolingEnds.isPresent()) {
            Duration wait = Duration.between(clock.instant(), coolingEnds.get());
            return new CompletionFailure(FailureKind.RATE_LIMITED, "Every key of endpoint " + endpoint.id()
                    + " is rate limited for this model; retry after " + Math.max(1, wait.toSeconds()) + " s.", 429,
                    Optional.empty(), Optional.of(wait.isNegative() ? Duration.ZERO : wait));
        }
        return CompletionFailure.of(FailureKind.UPSTREAM_AUTH,
                "Endpoint " + endpoint.id() + " has no usable key; the operator must add or enable one.");
    }
}
