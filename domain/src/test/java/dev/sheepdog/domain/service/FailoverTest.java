package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.port.out.ScriptedEvents.chunk;
import static dev.sheepdog.domain.port.out.ScriptedEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import dev.sheepdog.domain.port.out.RecordingTelemetry;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider.Opening;
import dev.sheepdog.domain.port.out.ScriptedStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Before the first token a retryable failure moves on to the next endpoint unseen; after it, nothing is retried. */
class FailoverTest {

    private static final Endpoint PRIMARY = CompletionServiceTest.endpoint("primary", ScriptedCompletionProvider.NAME);
    private static final Endpoint CANARY = CompletionServiceTest.endpoint("canary", ScriptedCompletionProvider.NAME);
    private static final CallerId CALLER = new CallerId("writer-1");

    private final ManualClock clock = new ManualClock();
    private final ScriptedCompletionProvider provider = new ScriptedCompletionProvider();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final KeyRing keys = Gateways.keyRing(List.of(PRIMARY, CANARY),
            Map.of(ScriptedCompletionProvider.NAME, provider),
            Map.of(PRIMARY.id(), ApiKey.of("sk-primary"), CANARY.id(), ApiKey.of("sk-canary")), telemetry, clock);

    @ParameterizedTest
    @EnumSource(value = FailureKind.class, names = {"UPSTREAM_UNAVAILABLE", "CONNECT_TIMEOUT", "FIRST_TOKEN_TIMEOUT",
            "RATE_LIMITED", "UPSTREAM_AUTH"})
    void failsOverToTheCanaryWhenThePrimaryFailsBeforeItsFirstToken(FailureKind kind) throws InterruptedException {
        ScriptedStream canaryAnswer = ScriptedStream.answering("Xin", " chào");
        // A refusal moves on only once GET /models refused the key too.
        provider.willFailListingModels(ApiKey.of("sk-primary"), new CompletionFailure(FailureKind.UPSTREAM_AUTH,
                "refused", 401, Optional.empty(), Optional.empty()));
        provider.willAnswer(ScriptedStream.of(failed(new CompletionFailure(kind, "scripted", status(kind),
                Optional.empty(), Optional.empty()))), canaryAnswer);

        List<CompletionEvent> events = drain(0);

        assertThat(events).noneMatch(CompletionEvent.Failed.class::isInstance).isEqualTo(canaryAnswer.handedOut());
        assertThat(openedOn()).containsExactly(PRIMARY.id(), CANARY.id());
        assertThat(provider.openings().getFirst().stream().isClosed()).isTrue();
    }

    @Test
    void aCanaryCallerFallsBackToThePrimaryTheSameWay() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(failed(FailureKind.UPSTREAM_UNAVAILABLE)), ScriptedStream.answering("ok"));

        assertThat(drain(1)).last().isInstanceOf(CompletionEvent.End.class);
        assertThat(openedOn()).containsExactly(CANARY.id(), PRIMARY.id());
    }

    @ParameterizedTest
    @EnumSource(value = FailureKind.class, names = {"INVALID_REQUEST", "MODEL_NOT_FOUND"})
    void aCallersErrorReachesTheClientWithoutARetry(FailureKind kind) throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(failed(new CompletionFailure(kind, "bad request", status(kind),
                Optional.empty(), Optional.empty()))));

        assertThat(drain(0)).singleElement().matches(event -> isFailure(event, kind));
        assertThat(openedOn()).containsExactly(PRIMARY.id());
    }

    @Test
    void aFailureAfterTheFirstChunkEndsTheStreamAndNothingIsOpenedAgain() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(chunk("Xin"), failed(FailureKind.UPSTREAM_UNAVAILABLE)));

        List<CompletionEvent> events = drain(0);

        assertThat(events).hasSize(2).first().isEqualTo(chunk("Xin"));
        assertThat(events.getLast()).matches(event -> isFailure(event, FailureKind.UPSTREAM_UNAVAILABLE));
        assertThat(openedOn()).containsExactly(PRIMARY.id());
    }

    @Test
    void anOpenCircuitFailsOverWithoutCountingAgainstAnyKey() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(failed(circuitOpen())), ScriptedStream.answering("ok"));

        assertThat(drain(0)).last().isInstanceOf(CompletionEvent.End.class);

        assertThat(openedOn()).containsExactly(PRIMARY.id(), CANARY.id());
        assertThat(keys.statuses().values()).allSatisfy(statuses -> assertThat(statuses).singleElement()
                .satisfies(status -> {
                    assertThat(status.state()).isEqualTo(KeyState.ACTIVE);
                    assertThat(status.lastError()).isEmpty();
                    assertThat(status.coolingUntil()).isEmpty();
                    assertThat(status.inFlight()).isZero();
                }));
    }

    @Test
    void anAttemptSkippedForAnOpenCircuitIsCountedAsSkippedNotAsAFailedCompletion() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(failed(circuitOpen())), ScriptedStream.answering("ok"));

        drain(0);

        assertThat(telemetry.skippedAttempts()).containsExactly(PRIMARY.id());
        assertThat(telemetry.completions()).extracting(CompletionRecord::endpoint, CompletionRecord::outcome)
                .containsExactly(tuple(CANARY.id(), CompletionOutcome.COMPLETED));
    }

    @Test
    void whenEveryCircuitIsOpenTheEndpointOpenLongestGetsAHalfOpenTrial() throws InterruptedException {
        // The canary's circuit opened 25 s ago, the primary's 10 s ago: the canary has been open longest.
        provider.willAnswer(ScriptedStream.of(failed(circuitOpen(Duration.ofSeconds(20)))),
                ScriptedStream.of(failed(circuitOpen(Duration.ofSeconds(5)))), ScriptedStream.answering("recovered"));

        assertThat(drain(0)).last().isInstanceOf(CompletionEvent.End.class);

        assertThat(openedOn()).containsExactly(PRIMARY.id(), CANARY.id(), CANARY.id());
        assertThat(provider.trials()).extracting(Endpoint::id).containsExactly(CANARY.id());
        assertThat(telemetry.skippedAttempts()).containsExactly(PRIMARY.id(), CANARY.id());
    }

    @Test
    void aFailedTrialEndsTheRequestWithoutAnotherOne() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(failed(circuitOpen(Duration.ofSeconds(5)))),
                ScriptedStream.of(failed(circuitOpen(Duration.ofSeconds(20)))),
                ScriptedStream.of(failed(FailureKind.UPSTREAM_UNAVAILABLE)));

        assertThat(drain(0)).singleElement().matches(event -> isFailure(event, FailureKind.UPSTREAM_UNAVAILABLE));
        assertThat(openedOn()).containsExactly(PRIMARY.id(), CANARY.id(), PRIMARY.id());
        assertThat(provider.trials()).extracting(Endpoint::id).containsExactly(PRIMARY.id());
    }

    @Test
    void noTrialWhenAnEndpointWasReallyTriedAndFailed() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(failed(circuitOpen())), ScriptedStream.of(failed(FailureKind.CONNECT_TIMEOUT)));

        assertThat(drain(0)).singleElement().matches(event -> isFailure(event, FailureKind.CONNECT_TIMEOUT));
        assertThat(openedOn()).containsExactly(PRIMARY.id(), CANARY.id());
        assertThat(provider.trials()).isEmpty();
    }

    @Test
    void theFailedAttemptCountsAgainstThePrimaryAndTheAnswerForTheCanary() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(failed(FailureKind.CONNECT_TIMEOUT)), ScriptedStream.answering("ok"));

        drain(0);

        assertThat(telemetry.completions()).extracting(CompletionRecord::endpoint, CompletionRecord::outcome,
                CompletionRecord::failure).containsExactly(
                tuple(PRIMARY.id(), CompletionOutcome.FAILED,
                        Optional.of(FailureKind.CONNECT_TIMEOUT)),
                tuple(CANARY.id(), CompletionOutcome.COMPLETED, Optional.empty()));
    }

    @Test
    void whenEveryEndpointFailsTheClientGetsTheLastFailure() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(failed(FailureKind.CONNECT_TIMEOUT)),
                ScriptedStream.of(failed(FailureKind.FIRST_TOKEN_TIMEOUT)));

        assertThat(drain(0)).singleElement().matches(event -> isFailure(event, FailureKind.FIRST_TOKEN_TIMEOUT));
        assertThat(openedOn()).containsExactly(PRIMARY.id(), CANARY.id());
    }

    /** Streams one request with the canary at this weight: 0 puts the primary first, 1 the canary. */
    private List<CompletionEvent> drain(double canaryWeight) throws InterruptedException {
        RoutingPlan plan = new RoutingPlan(Map.of(PRIMARY.id(), EndpointRole.PRIMARY, CANARY.id(), EndpointRole.CANARY),
                canaryWeight, Map.of(), 0);
        List<Endpoint> endpoints = List.of(PRIMARY, CANARY);
        CompletionService service = Gateways.completions(endpoints, Map.of(ScriptedCompletionProvider.NAME, provider),
                keys, plan, Gateways.routingState(endpoints, plan), Gateways.statistics(clock), telemetry, clock);
        return CompletionProviderContract.drain(service.stream(Requests.ask("gpt-4.1", "Hi"), CALLER));
    }

    private List<EndpointId> openedOn() {
        return provider.openings().stream().map(Opening::endpoint).map(Endpoint::id).toList();
    }

    private static CompletionFailure circuitOpen() {
        return circuitOpen(Duration.ofSeconds(30));
    }

    /** An open circuit's refusal; with the default policy (open 30 s) it opened 30 s minus the wait ago. */
    private static CompletionFailure circuitOpen(Duration wait) {
        return new CompletionFailure(FailureKind.CIRCUIT_OPEN, "circuit open", 0, Optional.of("circuit_open"),
                Optional.of(wait));
    }

    private static boolean isFailure(CompletionEvent event, FailureKind kind) {
        return event instanceof CompletionEvent.Failed failed && failed.failure().kind() == kind;
    }

    private static int status(FailureKind kind) {
        return switch (kind) {
            case UPSTREAM_UNAVAILABLE -> 503;
            case RATE_LIMITED -> 429;
            case UPSTREAM_AUTH -> 401;
            case INVALID_REQUEST -> 400;
            case MODEL_NOT_FOUND -> 404;
            default -> 0;
        };
    }
}
