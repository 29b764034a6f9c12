package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One line of a usage report: a group's completions and what they used and cost.
 *
 * @param account    the group's caller account, or empty when grouped by model only
 * @param callerName the account's latest name, or empty when grouped by model only
 * @param model      the group's model, or empty when grouped by account only
 * @param costUsd    the priced completions' cost; {@code unpriced} counts the others
 * @param estimated  completions whose tokens the gateway counted itself
 */
public record UsageLine(Optional<String> account, Optional<String> callerName, Optional<String> model,
                        long requests, long failed, long inputTokens, long outputTokens, BigDecimal costUsd,
                        long unpriced, long estimated) {

    public UsageLine {
        requireNonNull(account, "account");
        requireNonNull(callerName, "callerName");
        requireNonNull(model, "model");
        requireNonNull(costUsd, "costUsd");
    }
}
