package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * What one model cost on one endpoint: tokens, dollars, and how much of it was estimated or could
 * not be priced.
 *
 * @param costUsd           the cost of the priced requests
 * @param estimatedCostUsd  the part of {@code costUsd} counted from estimated usage (clients that left early)
 * @param unpricedRequests  requests whose model has no price: their cost is unknown, not zero
 */
public record SpendLine(String model, EndpointId endpoint, CompletionRecord.Traffic traffic, long requests,
                        long inputTokens, long outputTokens, BigDecimal costUsd, BigDecimal estimatedCostUsd,
                        long unpricedRequests) {

    public SpendLine {
        requireNonNull(model, "model");
        requireNonNull(endpoint, "endpoint");
        requireNonNull(traffic, "traffic");
        requireNonNull(costUsd, "costUsd");
        requireNonNull(estimatedCostUsd, "estimatedCostUsd");
    }
}
