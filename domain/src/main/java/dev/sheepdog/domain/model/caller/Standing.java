package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * Where a caller stands now against its plan: what it has left of each rate, how many streams it
 * has open, and what it spent today and this month (UTC).
 */
public record Standing(String account, Limits limits, long requestsLeft, long tokensLeft, int openStreams,
                       BigDecimal spentToday, BigDecimal spentThisMonth) {

    public Standing {
        requireNonNull(account, "account");
        requireNonNull(limits, "limits");
        requireNonNull(spentToday, "spentToday");
        requireNonNull(spentThisMonth, "spentThisMonth");
    }
}
