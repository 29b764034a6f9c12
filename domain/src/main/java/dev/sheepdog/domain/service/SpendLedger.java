package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.WARNING;

import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.PriceTable;
import dev.sheepdog.domain.model.SpendReport;
import dev.sheepdog.domain.port.in.ViewSpendUseCase;
import dev.sheepdog.domain.port.out.Telemetry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what every completion cost: its usage at its model's price, in exact decimal, also for
 * streams a client left (from the tokens delivered, marked estimated). A model with no price is
 * counted as unpriced, never as free, with one warning per model. Passes each record on, with its
 * cost, to the telemetry adapter.
 */
public final class SpendLedger extends ForwardingTelemetry implements ViewSpendUseCase {

    private static final System.Logger LOG = System.getLogger("sheepdog.cost");
    private static final int HOURS_KEPT = 48;

    private final PriceTable prices;
    private final Clock clock;
    private final Instant since;
    private final SpendTotals totals = new SpendTotals();
    private final Map<Instant, BigDecimal> hourly = new ConcurrentHashMap<>();
    private final Set<String> warnedUnpriced = ConcurrentHashMap.newKeySet();

    public SpendLedger(PriceTable prices, Telemetry next, Clock clock) {
        super(next);
        this.prices = prices;
        this.clock = clock;
        this.since = clock.instant();
    }

    @Override
    public void completionEnded(CompletionRecord record) {
        Optional<BigDecimal> cost = prices.of(record.model()).map(price -> price.costOf(record.usage()));
        if (cost.isEmpty() && warnedUnpriced.add(record.model())) {
            LOG.log(WARNING, "model {0} has no price: its requests are counted as unpriced, not as free; "
                    + "add it under 'prices:' in the configuration", record.model());
        }
        CompletionRecord priced = record.withCost(cost);
        totals.add(priced);
        if (cost.isPresent() && record.traffic() == CompletionRecord.Traffic.LIVE) {
            Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
            hourly.merge(hour, cost.get(), BigDecimal::add);
            hourly.keySet().removeIf(kept -> kept.isBefore(hour.minus(HOURS_KEPT, ChronoUnit.HOURS)));
        }
        next.completionEnded(priced);
    }

    @Override
    public SpendReport spend() {
        return new SpendReport(since, totals.lines(), totals.totalUsd(), hourly);
    }
}
