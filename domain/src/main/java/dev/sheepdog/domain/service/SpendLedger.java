package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.WARNING;

import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.KnownModels;
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
 * counted as unpriced, never as free, with one warning per model. Totals and warnings name only
 * known models and count the rest, named freely by callers, as "other", so neither grows without
 * end. Passes each record on, with its real model and its cost, to the telemetry adapter.
 */
public final class SpendLedger extends ForwardingTelemetry implements ViewSpendUseCase {

    private static final System.Logger LOG = System.getLogger("sheepdog.cost");
    private static final int HOURS_KEPT = 48;

    private final PriceTable prices;
    private final KnownModels models;
    private final Clock clock;
    private final Instant since;
    private final SpendTotals totals = new SpendTotals();
    private final Map<Instant, BigDecimal> hourly = new ConcurrentHashMap<>();
    private final Set<String> warnedUnpriced = ConcurrentHashMap.newKeySet();

    public SpendLedger(PriceTable prices, KnownModels models, Telemetry next, Clock clock) {
        super(next);
        this.prices = prices;
        this.models = models;
        this.clock = clock;
        this.since = clock.instant();
    }

    @Override
    public void completionEnded(CompletionRecord record) {
        Optional<BigDecimal> cost = prices.costOf(record.model(), record.usage());
        String label = models.labelOf(record.model());
        if (cost.isEmpty() && warnedUnpriced.add(label)) {
            warnUnpriced(label);
        }
        CompletionRecord priced = record.withCost(cost);
        totals.add(label, priced);
        if (cost.isPresent() && record.traffic() == CompletionRecord.Traffic.LIVE) {
            Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
            hourly.merge(hour, cost.get(), BigDecimal::add);
            hourly.keySet().removeIf(kept -> kept.isBefore(hour.minus(HOURS_KEPT, ChronoUnit.HOURS)));
        }
        next.completionEnded(priced);
    }

    private static void warnUnpriced(String label) {
        if (label.equals(KnownModels.OTHER)) {
            // The name is the caller's choice: not worth a line each, nor safe to print as it came.
            LOG.log(WARNING, "a request asked for a model that no endpoint lists and no price names: such "
                    + "requests are counted as unpriced, not as free, under the model ''{0}''", KnownModels.OTHER);
            return;
        }
        LOG.log(WARNING, "model {0} has no price: its requests are counted as unpriced, not as free; "
                + "add it under ''prices:'' in the configuration", label);
    }

    @Override
    public SpendReport spend() {
        return new SpendReport(since, totals.lines(), totals.totalUsd(), hourly);
    }
}
