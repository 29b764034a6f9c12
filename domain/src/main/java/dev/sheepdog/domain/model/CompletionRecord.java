package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * What one completion did, reported once when it ends however it ends: the basis of metrics,
 * cost and each endpoint's statistics.
 *
 * @param failure          why it failed, for {@link CompletionOutcome#FAILED}
 * @param timeToFirstToken from the request to the provider's first chunk, if one came
 * @param duration         from the request to the end
 * @param usage            as the provider reported it, or estimated from what was delivered
 * @param chunks           chunks that carried text
 * @param traffic          whether a user got this answer, or a shadow's copy was thrown away
 * @param costUsd          what the usage cost, in exact decimal; empty when the model has no price
 */
public record CompletionRecord(
        EndpointId endpoint,
        Traffic traffic,
        String model,
        CompletionOutcome outcome,
        Optional<FailureKind> failure,
        Optional<Duration> timeToFirstToken,
        Duration duration,
        Usage usage,
        int chunks,
        Optional<BigDecimal> costUsd) {

    /** Whose answer it was. */
    public enum Traffic {
        /** A user's request. */
        LIVE,
        /** A copy of a user's request, sent to a shadow endpoint and thrown away. */
        SHADOW
    }

    public CompletionRecord {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(traffic, "traffic");
        requireNonNull(model, "model");
        requireNonNull(outcome, "outcome");
        requireNonNull(failure, "failure");
        requireNonNull(timeToFirstToken, "timeToFirstToken");
        requireNonNull(duration, "duration");
        requireNonNull(usage, "usage");
        requireNonNull(costUsd, "costUsd");
    }

    /** A record whose cost is not counted yet. */
    public CompletionRecord(EndpointId endpoint, Traffic traffic, String model, CompletionOutcome outcome,
                            Optional<FailureKind> failure, Optional<Duration> timeToFirstToken, Duration duration,
                            Usage usage, int chunks) {
        this(endpoint, traffic, model, outcome, failure, timeToFirstToken, duration, usage, chunks, Optional.empty());
    }

    /** The same record with its cost. */
    public CompletionRecord withCost(Optional<BigDecimal> cost) {
        return new CompletionRecord(endpoint, traffic, model, outcome, failure, timeToFirstToken, duration, usage,
                chunks, cost);
    }
}
