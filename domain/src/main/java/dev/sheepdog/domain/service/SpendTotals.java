package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.SpendLine;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Running totals per model label (a known model, or "other"), endpoint and kind of traffic. */
final class SpendTotals {

    private record Key(String model, EndpointId endpoint, CompletionRecord.Traffic traffic) {
    }

    private final Map<Key, SpendLine> lines = new ConcurrentHashMap<>();

    void add(String modelLabel, CompletionRecord record) {
        Key key = new Key(modelLabel, record.endpoint(), record.traffic());
        BigDecimal cost = record.costUsd().orElse(BigDecimal.ZERO);
        BigDecimal estimated = record.usage().estimated() ? cost : BigDecimal.ZERO;
        long unpriced = record.costUsd().isPresent() ? 0 : 1;
        lines.merge(key, new SpendLine(key.model(), key.endpoint(), key.traffic(), 1, record.usage().promptTokens(),
                record.usage().completionTokens(), cost, estimated, unpriced), SpendTotals::sum);
    }

    List<SpendLine> lines() {
        return lines.values().stream().sorted(Comparator.comparing(SpendLine::model)
                .thenComparing(line -> line.endpoint().value()).thenComparing(SpendLine::traffic)).toList();
    }

    /** The cost of live traffic only: what users' requests cost, without the shadows' copies. */
    BigDecimal totalUsd() {
        return lines.values().stream().filter(line -> line.traffic() == CompletionRecord.Traffic.LIVE)
                .map(SpendLine::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static SpendLine sum(SpendLine a, SpendLine b) {
        return new SpendLine(a.model(), a.endpoint(), a.traffic(), a.requests() + b.requests(),
                a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens(), a.costUsd().add(b.costUsd()),
                a.estimatedCostUsd().add(b.estimatedCostUsd()), a.unpricedRequests() + b.unpricedRequests());
    }
}
