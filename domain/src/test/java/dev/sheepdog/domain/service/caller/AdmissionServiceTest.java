package dev.sheepdog.domain.service.caller;

import static dev.sheepdog.domain.port.out.ScriptedEvents.chunk;
import static dev.sheepdog.domain.port.out.ScriptedEvents.end;
import static dev.sheepdog.domain.port.out.ScriptedEvents.finish;
import static dev.sheepdog.domain.port.out.ScriptedEvents.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.CallerKind;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import dev.sheepdog.domain.port.out.ScriptedStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdmissionServiceTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Admissions gateway = new Admissions(clock);
    private final AdmissionService admission = gateway.service();

    private static Caller client(Limits limits, String... models) {
        return new Caller(CallerKind.CLIENT, "cl_00000000000a", "writer-web", new Plan("custom", limits, Set.of(models)));
    }

    private static Limits limits(Integer rpm, Long tpm, Integer streams, String dailyUsd) {
        return new Limits(rpm == null ? OptionalInt.empty() : OptionalInt.of(rpm),
                tpm == null ? OptionalLong.empty() : OptionalLong.of(tpm),
                streams == null ? OptionalInt.empty() : OptionalInt.of(streams),
                Optional.ofNullable(dailyUsd).map(BigDecimal::new), Optional.empty());
    }

    private static ScriptedStream answer(long input, long output) {
        return ScriptedStream.of(chunk("Xin chào"), finish("stop"), usage(input, output), end());
    }

    private CompletionEvent ask(Caller caller) throws InterruptedException {
        try (CompletionStream stream = admission.stream(Requests.ask(Admissions.MODEL, "Hi"), caller, Optional.empty())) {
            List<CompletionEvent> events = CompletionProviderContract.drain(stream);
            return events.getLast();
        }
    }

    private static Optional<FailureKind> failureOf(CompletionEvent event) {
        return event instanceof CompletionEvent.Failed failed ? Optional.of(failed.failure().kind()) : Optional.empty();
    }

    @Test
    void theClientHasTheEndBeforeTheUsageIsWrittenAndTheRecordIsWrittenWhenTheStreamIsClosed() throws Exception {
        gateway.provider.willAnswer(answer(1_000, 500));

        CompletionStream stream = admission.stream(Requests.ask(Admissions.MODEL, "Hi"), client(Limits.NONE),
                Optional.empty());
        CompletionEvent last = CompletionProviderContract.drain(stream).getLast();

        // [DONE] goes out without waiting for the ledger's commit; the response ends after it, at close.
        assertThat(last).isInstanceOf(CompletionEvent.End.class);
        assertThat(gateway.ledger.records()).isEmpty();
        stream.close();
        assertThat(gateway.ledger.records()).singleElement()
                .satisfies(record -> assertThat(record.outcome()).isEqualTo(CompletionOutcome.COMPLETED));
    }

    @Test
    void recordsEachCompletionsCallerTokensAndExactCostInTheLedger() throws InterruptedException {
        gateway.provider.willAnswer(answer(1_000, 500));

        ask(client(Limits.NONE));

        UsageRecord record = gateway.ledger.records().getFirst();
        assertThat(record.account()).isEqualTo("client:cl_00000000000a");
        assertThat(record.callerName()).isEqualTo("writer-web");
        assertThat(record.endpoint()).contains("primary");
        assertThat(record.inputTokens()).isEqualTo(1_000);
        assertThat(record.outputTokens()).isEqualTo(500);
        // 1,000 x $0.28 + 500 x $0.42 per million tokens
        assertThat(record.costUsd()).hasValueSatisfying(cost -> assertThat(cost).isEqualByComparingTo("0.00049"));
        assertThat(record.outcome()).isEqualTo(CompletionOutcome.COMPLETED);
    }

    @Test
    void refusesTheRequestPastTheRequestsPerMinuteBeforeItReachesTheProvider() throws InterruptedException {
        Caller caller = client(limits(3, null, null, null));
        for (int i = 0; i < 3; i++) {
            gateway.provider.willAnswer(answer(10, 10));
            assertThat(failureOf(ask(caller))).isEmpty();
        }

        CompletionEvent refused = ask(caller);

        assertThat(failureOf(refused)).contains(FailureKind.REQUESTS_PER_MINUTE);
        assertThat(((CompletionEvent.Failed) refused).failure().retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20)));
        assertThat(gateway.provider.openings()).hasSize(3);
    }

    @Test
    void refusesAStreamPastTheConcurrentLimitUntilOneEnds() throws InterruptedException {
        Caller caller = client(limits(null, null, 1, null));
        gateway.provider.willAnswer(ScriptedStream.of(chunk("still going")));
        CompletionStream open = admission.stream(Requests.ask(Admissions.MODEL, "Hi"), caller, Optional.empty());

        assertThat(failureOf(ask(caller))).contains(FailureKind.TOO_MANY_STREAMS);
        open.close();
        gateway.provider.willAnswer(answer(10, 10));
        assertThat(failureOf(ask(caller))).isEmpty();
    }

    @Test
    void countsTokensAsEachStreamEndsAndRefusesOnceTheMinutesAreUsed() throws InterruptedException {
        Caller caller = client(limits(null, 1_000L, null, null));
        gateway.provider.willAnswer(answer(900, 200));
        ask(caller);

        assertThat(failureOf(ask(caller))).contains(FailureKind.TOKENS_PER_MINUTE);
        clock.advance(Duration.ofSeconds(7));
        gateway.provider.willAnswer(answer(10, 10));
        assertThat(failureOf(ask(caller))).isEmpty();
    }

    @Test
    void countsTheTokensDeliveredWhenTheClientLeavesAndGivesTheStreamSlotBack() throws InterruptedException {
        Caller caller = client(limits(null, null, 1, null));
        gateway.provider.willAnswer(ScriptedStream.of(chunk("một"), chunk(" hai"), chunk(" ba")));
        CompletionStream stream = admission.stream(Requests.ask(Admissions.MODEL, "Hi"), caller, Optional.empty());
        stream.poll(Duration.ofSeconds(1));

        stream.close();

        UsageRecord record = gateway.ledger.records().getFirst();
        assertThat(record.estimated()).isTrue();
        assertThat(record.outcome()).isEqualTo(CompletionOutcome.CANCELLED);
        assertThat(gateway.counters.openStreams(caller.account())).isZero();
    }

    @Test
    void refusesOnceTheDailyBudgetIsSpentUntilMidnightAndAfterARestart() throws InterruptedException {
        Caller caller = client(limits(null, null, null, "0.01"));
        gateway.provider.willAnswer(answer(20_000, 20_000));
        assertThat(failureOf(ask(caller))).isEmpty();

        CompletionEvent refused = ask(caller);

        assertThat(failureOf(refused)).contains(FailureKind.BUDGET_EXCEEDED);
        assertThat(((CompletionEvent.Failed) refused).failure().retryAfter()).contains(Duration.ofHours(14));
        AdmissionService restarted = new Admissions(clock, gateway.ledger).service();
        CompletionEvent afterRestart = CompletionProviderContract.drain(restarted.stream(
                Requests.ask(Admissions.MODEL, "Hi"), caller, Optional.empty())).getLast();
        assertThat(failureOf(afterRestart)).contains(FailureKind.BUDGET_EXCEEDED);
        clock.advance(Duration.ofHours(14));
        gateway.provider.willAnswer(answer(10, 10));
        assertThat(failureOf(ask(caller))).isEmpty();
    }

    @Test
    void aRefusedRequestTakesNoRequestFromTheMinute() throws InterruptedException {
        Caller caller = client(limits(2, null, null, "0"));

        ask(caller);

        assertThat(gateway.counters.requestsLeft(caller.account(), 2)).isEqualTo(2);
        assertThat(gateway.provider.openings()).isEmpty();
    }

    @Test
    void refusesAModelOutsideTheCallersPlan() throws InterruptedException {
        CompletionEvent refused = ask(client(Limits.NONE, "gpt-4.1"));

        assertThat(failureOf(refused)).contains(FailureKind.MODEL_NOT_ALLOWED);
        CompletionFailure failure = ((CompletionEvent.Failed) refused).failure();
        assertThat(failure.message()).contains("deepseek-v3.2");
    }

    @Test
    void keepsEveryAccountsBudgetApart() throws InterruptedException {
        Caller spender = client(limits(null, null, null, "0.01"));
        Caller other = new Caller(CallerKind.USER, "alice", "alice", spender.plan());
        gateway.provider.willAnswer(answer(20_000, 20_000));
        ask(spender);

        gateway.provider.willAnswer(answer(10, 10));
        assertThat(failureOf(ask(other))).isEmpty();
        assertThat(failureOf(ask(spender))).contains(FailureKind.BUDGET_EXCEEDED);
    }

    @Test
    void showsWhereACallerStands() throws InterruptedException {
        Caller caller = client(limits(10, 5_000L, 3, "1.00"));
        gateway.provider.willAnswer(answer(1_000, 1_000));
        ask(caller);

        var standing = admission.standing(caller);

        assertThat(standing.requestsLeft()).isEqualTo(9);
        assertThat(standing.tokensLeft()).isEqualTo(3_000);
        assertThat(standing.openStreams()).isZero();
        assertThat(standing.spentToday()).isEqualByComparingTo("0.0007");
    }
}
