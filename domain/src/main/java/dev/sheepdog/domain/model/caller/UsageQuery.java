package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Which usage to add up, and by what: the records in {@code [from, to)}, optionally of one
 * account or one model, one line per group.
 */
public record UsageQuery(Instant from, Instant to, Optional<String> account, Optional<String> model, GroupBy groupBy) {

    /** What one line of a usage report stands for. */
    public enum GroupBy {
        /** One line per caller account (a client key, a user, an address). */
        ACCOUNT,
        /** One line per model. */
        MODEL,
        /** One line per caller account and model. */
        ACCOUNT_AND_MODEL
    }

    public UsageQuery {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a usage range ends after it starts");
        }
        requireNonNull(account, "account");
        requireNonNull(model, "model");
        requireNonNull(groupBy, "groupBy");
    }
}
