package dev.sheepdog.domain.service.caller;

import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.PriceTable;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Standing;
import dev.sheepdog.domain.port.in.StreamCompletionUseCase;
import dev.sheepdog.domain.port.in.ViewCallerStandingUseCase;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.UsageLedger;
import dev.sheepdog.domain.service.CompletionService;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets a caller's completion start only within its plan: a model it may use, a budget not yet
 * spent, tokens left this minute, a free stream slot and a request left this minute, all checked
 * before anything reaches a provider. Then streams it, and when it ends writes it to the usage
 * ledger and counts its tokens and cost against the caller.
 */
public final class AdmissionService implements StreamCompletionUseCase, ViewCallerStandingUseCase {

    private final CompletionService completions;
    private final LimitCounters counters;
    private final BudgetBook budgets;
    private final PriceTable prices;
    private final Clock clock;

    public AdmissionService(CompletionService completions, LimitCounters counters, UsageLedger ledger,
                            PriceTable prices, Clock clock) {
        this.completions = completions;
        this.counters = counters;
        this.budgets = new BudgetBook(ledger, clock);
        this.prices = prices;
        this.clock = clock;
    }

    @Override
    public CompletionStream stream(CompletionRequest request, Caller caller, Optional<String> endUser) {
        Optional<CompletionFailure> refusal = refusal(request, caller);
        if (refusal.isPresent()) {
            return CompletionStream.failed(refusal.get());
        }
        Limits limits = caller.plan().limits();
        if (limits.concurrentStreams().isPresent()
                && !counters.openStream(caller.account(), limits.concurrentStreams().getAsInt())) {
            return CompletionStream.failed(limited(FailureKind.TOO_MANY_STREAMS, "You have "
                    + limits.concurrentStreams().getAsInt() + " streams open, as many as your plan allows; "
                    + "wait for one to end.", Duration.ofSeconds(1)));
        }
        if (limits.requestsPerMinute().isPresent()) {
            Optional<Duration> wait = counters.takeRequest(caller.account(), limits.requestsPerMinute().getAsInt());
            if (wait.isPresent()) {
                limits.concurrentStreams().ifPresent(max -> counters.closeStream(caller.account()));
                return CompletionStream.failed(limited(FailureKind.REQUESTS_PER_MINUTE, "You started "
                        + limits.requestsPerMinute().getAsInt() + " requests in the last minute, as many as your "
                        + "plan allows.", wait.get()));
            }
        }
        Accounting accounting = new Accounting(caller, request, counters, budgets, prices, clock);
        CompletionStream stream = completions.stream(request, stickiness(caller, endUser), accounting);
        return new AdmittedStream(stream, accounting);
    }

    @Override
    public Standing standing(Caller caller) {
        Limits limits = caller.plan().limits();
        BudgetBook.Spend spend = budgets.spendOf(caller.account(), clock.instant());
        return new Standing(caller.account(), limits,
                limits.requestsPerMinute().isPresent()
                        ? counters.requestsLeft(caller.account(), limits.requestsPerMinute().getAsInt()) : -1,
                limits.tokensPerMinute().isPresent()
                        ? counters.tokensLeft(caller.account(), limits.tokensPerMinute().getAsLong()) : -1,
                counters.openStreams(caller.account()), spend.today(), spend.month());
    }

    // Checks that take nothing come first, so a refused request never holds a slot or a request.
    private Optional<CompletionFailure> refusal(CompletionRequest request, Caller caller) {
        if (!caller.plan().allowsModel(request.model())) {
            return Optional.of(CompletionFailure.of(FailureKind.MODEL_NOT_ALLOWED, "Your plan '"
                    + caller.plan().name() + "' does not include the model '" + request.model() + "'."));
        }
        Limits limits = caller.plan().limits();
        Optional<BudgetBook.Refusal> budget = budgets.check(caller.account(), limits);
        if (budget.isPresent()) {
            return Optional.of(limited(FailureKind.BUDGET_EXCEEDED, "You have spent your " + budget.get().period()
                    + " budget of $" + budget.get().budget().toPlainString() + ".", budget.get().retryAfter()));
        }
        if (limits.tokensPerMinute().isPresent()) {
            Optional<Duration> wait = counters.checkTokens(caller.account(), limits.tokensPerMinute().getAsLong());
            if (wait.isPresent()) {
                return Optional.of(limited(FailureKind.TOKENS_PER_MINUTE, "You used the "
                        + limits.tokensPerMinute().getAsLong() + " tokens per minute your plan allows.", wait.get()));
            }
        }
        return Optional.empty();
    }

    /** The caller's end users stay apart within the caller, and never reach another caller's side. */
    private static CallerId stickiness(Caller caller, Optional<String> endUser) {
        return new CallerId(endUser.filter(user -> !user.isBlank())
                .map(user -> caller.account() + "#" + user).orElse(caller.account()));
    }

    private static CompletionFailure limited(FailureKind kind, String message, Duration retryAfter) {
        Duration wait = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        return new CompletionFailure(kind, message + " Retry after " + Math.max(1, (wait.toMillis() + 999) / 1000)
                + " s.", 0, Optional.empty(), Optional.of(wait));
    }
}
