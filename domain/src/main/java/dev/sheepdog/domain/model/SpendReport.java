package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Spend since the gateway started, per model and endpoint, with the live total by hour.
 *
 * @param hourlyUsd the cost of live traffic per hour, oldest first, for the last hours kept
 */
public record SpendReport(Instant since, List<SpendLine> lines, BigDecimal totalUsd, Map<Instant, BigDecimal> hourlyUsd) {

    public SpendReport {
        requireNonNull(since, "since");
        lines = List.copyOf(lines);
        requireNonNull(totalUsd, "totalUsd");
        hourlyUsd = Map.copyOf(hourlyUsd);
    }
}
