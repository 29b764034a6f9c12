package dev.sheepdog.domain.service.caller;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.PriceTable;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.Telemetry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One admitted completion's bookkeeping: hears the record of the attempt that answered, and when
 * the stream is over writes one usage record, counts the tokens against the caller's minute and
 * the cost against its budgets, and gives back its stream slot. All of it exactly once.
 */
final class Accounting implements Telemetry {

    private final Caller caller;
    private final CompletionRequest request;
    private final LimitCounters counters;
    private final BudgetBook budgets;
    private final PriceTable prices;
    private final Clock clock;
    private final AtomicReference<CompletionRecord> answered = new AtomicReference<>();
    private final AtomicBoolean settled = new AtomicBoolean();

    Accounting(Caller caller, CompletionRequest request, LimitCounters counters, BudgetBook budgets,
               PriceTable prices, Clock clock) {
        this.caller = caller;
        this.request = request;
        this.counters = counters;
        this.budgets = budgets;
        this.prices = prices;
        this.clock = clock;
    }

    /** Each attempt reports its record when it ends; the last one is the attempt that answered. */
    @Override
    public void completionEnded(CompletionRecord record) {
        answered.set(record);
    }

    /** Settles the completion; {@code terminal} is how it ended when no attempt reported one. */
    void settle(Optional<CompletionEvent> terminal) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        try {
            UsageRecord usage = usageRecord(Optional.ofNullable(answered.get()), terminal);
            caller.plan().limits().tokensPerMinute().ifPresent(
                    perMinute -> counters.countTokens(caller.account(), perMinute, usage.totalTokens()));
            budgets.record(usage);
        } finally {
            caller.plan().limits().concurrentStreams().ifPresent(max -> counters.closeStream(caller.account()));
        }
    }

    private UsageRecord usageRecord(Optional<CompletionRecord> record, Optional<CompletionEvent> terminal) {
        if (record.isEmpty()) {
            // Nothing was attempted: the model has no route, or no endpoint had a usable key.
            Optional<FailureKind> failure = terminal.filter(CompletionEvent.Failed.class::isInstance)
                    .map(event -> ((CompletionEvent.Failed) event).failure().kind());
            return new UsageRecord(clock.instant(), caller.account(), caller.kind(), caller.name(), request.model(),
                    Optional.empty(), 0, 0, false, Optional.of(BigDecimal.ZERO), Optional.empty(),
                    failure.isPresent() ? CompletionOutcome.FAILED : CompletionOutcome.CANCELLED, failure);
        }
        CompletionRecord answer = record.get();
        Optional<BigDecimal> cost = prices.costOf(answer.model(), answer.usage());
        return new UsageRecord(clock.instant(), caller.account(), caller.kind(), caller.name(), answer.model(),
                Optional.of(answer.endpoint().value()), answer.usage().promptTokens(),
                answer.usage().completionTokens(), answer.usage().estimated(), cost, answer.timeToFirstToken(),
                answer.outcome(), answer.failure());
    }
}
