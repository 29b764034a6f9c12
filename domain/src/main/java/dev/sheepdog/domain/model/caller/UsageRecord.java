package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.FailureKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One completion in the usage ledger: who asked, what it used and cost, how it went. Nothing of
 * what was asked or answered is kept.
 *
 * @param account     the caller's {@link Caller#account()}
 * @param callerName  the caller's name when it ended (a client key's name, a user, an address)
 * @param endpoint    the endpoint that answered, or empty when none was reached
 * @param costUsd     empty when the model has no price (unpriced, never free)
 * @param estimated   whether the tokens were counted by the gateway, not reported by the provider
 */
public record UsageRecord(Instant at, String account, CallerKind callerKind, String callerName, String model,
                          Optional<String> endpoint, long inputTokens, long outputTokens, boolean estimated,
                          Optional<BigDecimal> costUsd, Optional<Duration> timeToFirstToken,
                          CompletionOutcome outcome, Optional<FailureKind> failure) {

    public UsageRecord {
        requireNonNull(at, "at");
        requireNonNull(account, "account");
        requireNonNull(callerKind, "callerKind");
        requireNonNull(callerName, "callerName");
        requireNonNull(model, "model");
        requireNonNull(endpoint, "endpoint");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        requireNonNull(costUsd, "costUsd");
        requireNonNull(timeToFirstToken, "timeToFirstToken");
        requireNonNull(outcome, "outcome");
        requireNonNull(failure, "failure");
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
