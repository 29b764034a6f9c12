package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.FailureKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints one request skipped because their circuits were open. When every attempt was
 * such a skip, the one open longest gets a half-open trial: otherwise a request would fail until
 * some {@code open_for} passed, even when an endpoint has recovered meanwhile.
 */
final class SkippedEndpoints {

    private final Map<Endpoint, Instant> openedAt = new LinkedHashMap<>();
    private boolean onlySkips = true;
    private boolean trialGiven;

    /** One attempt failed before its first chunk: a skip for an open circuit, or anything else. */
    void failed(Endpoint endpoint, CompletionFailure failure, Instant now) {
        if (failure.kind() != FailureKind.CIRCUIT_OPEN) {
            onlySkips = false;
            return;
        }
        // The wait left is counted from when the circuit opened: open_for minus the wait is how long it has been open.
        failure.retryAfter().ifPresent(wait -> openedAt.merge(endpoint,
                now.plus(wait).minus(endpoint.circuit().openFor()), (a, b) -> a.isBefore(b) ? a : b));
    }

    /** An endpoint could not be tried for want of a usable key: not every circuit was open. */
    void noKey() {
        onlySkips = false;
    }

    /**
     * The endpoint to try once as a half-open trial, when every attempt so far was skipped for an
     * open circuit; empty otherwise, after the trial, or when every skipped circuit is already
     * half open with its trials under way.
     */
    Optional<Endpoint> trial() {
        if (!onlySkips || trialGiven || openedAt.isEmpty()) {
            return Optional.empty();
        }
        trialGiven = true;
        return openedAt.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }
}
