package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.port.out.ScriptedEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.KeyEvent;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.RecordingTelemetry;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider;
import dev.sheepdog.domain.port.out.ScriptedStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A caller can make the provider refuse its request, never make the gateway disable a key the provider accepts. */
class RefusedKeysTest {

    private static final Endpoint HOLYSHEEP = CompletionServiceTest.endpoint("holysheep", ScriptedCompletionProvider.NAME);
    private static final ApiKey A = ApiKey.of("sk-key-a");
    private static final ApiKey B = ApiKey.of("sk-key-b");

    private final ManualClock clock = new ManualClock();
    private final ScriptedCompletionProvider provider = new ScriptedCompletionProvider();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void aRefusalOfAKeyTheProviderStillAcceptsIsTheRequestsAndNoOtherKeyIsTried(int status)
            throws InterruptedException {
        KeyRing ring = ring(A, B);
        provider.willAnswer(ScriptedStream.of(failed(refusal(status, "content_policy_violation"))));

        CompletionEvent last = drain(ring).getLast();

        assertThat(last).isInstanceOfSatisfying(CompletionEvent.Failed.class, failed -> {
            assertThat(failed.failure().kind()).isEqualTo(FailureKind.REQUEST_REFUSED);
            assertThat(failed.failure().upstreamStatus()).isEqualTo(status);
            assertThat(failed.failure().upstreamCode()).contains("content_policy_violation");
            assertThat(failed.failure().providerError()).map(RawJson::text)
                    .contains("{\"code\":\"content_policy_violation\"}");
        });
        assertThat(states(ring)).containsExactly(KeyState.ACTIVE, KeyState.ACTIVE);
        assertThat(provider.openings()).extracting(ScriptedCompletionProvider.Opening::key).containsExactly(A);
        assertThat(provider.listings()).singleElement().satisfies(listing -> {
            assertThat(listing.key()).isEqualTo(A);
            assertThat(listing.timeout()).isEqualTo(KeyPolicy.DEFAULT.validationTimeout());
        });
        assertThat(telemetry.keyEvents()).extracting(KeyEvent::kind).containsExactly(KeyEvent.Kind.REFUSAL_NOT_CONFIRMED);
    }

    @Test
    void theOnlyKeyIsNeverDisabledByARefusalTheProviderDoesNotConfirm() throws InterruptedException {
        KeyRing ring = ring(A);
        provider.willAnswer(ScriptedStream.of(failed(refusal(403, null))), ScriptedStream.answering("ok"));

        drain(ring);

        assertThat(states(ring)).containsExactly(KeyState.ACTIVE);
        assertThat(drain(ring)).last().isInstanceOf(CompletionEvent.End.class);
    }

    @Test
    void aKeyGetModelsRefusesTooIsDisabledAndTheNextKeyAnswersTheSameRequest() throws InterruptedException {
        KeyRing ring = ring(A, B);
        provider.willFailListingModels(A, refusal(401, null));
        provider.willAnswer(ScriptedStream.of(failed(refusal(403, null))), ScriptedStream.answering("Xin chào"));

        assertThat(drain(ring)).last().isInstanceOf(CompletionEvent.End.class);

        assertThat(states(ring)).containsExactly(KeyState.DISABLED, KeyState.ACTIVE);
        assertThat(provider.openings()).extracting(ScriptedCompletionProvider.Opening::key).containsExactly(A, B);
        assertThat(telemetry.keyEvents()).extracting(KeyEvent::kind, KeyEvent::fingerprint).containsExactly(
                org.assertj.core.groups.Tuple.tuple(KeyEvent.Kind.REFUSAL_CONFIRMED, A.fingerprint()),
                org.assertj.core.groups.Tuple.tuple(KeyEvent.Kind.DISABLED, A.fingerprint()));
    }

    @Test
    void aKeyThatCannotBeCheckedStaysActiveAndTheRequestGoesOn() throws InterruptedException {
        KeyRing ring = ring(A, B);
        provider.willFailListingModels(A, CompletionFailure.of(FailureKind.UPSTREAM_UNAVAILABLE, "HTTP 503"));
        provider.willAnswer(ScriptedStream.of(failed(refusal(401, null))), ScriptedStream.answering("ok"));

        assertThat(drain(ring)).last().isInstanceOf(CompletionEvent.End.class);

        assertThat(states(ring)).containsExactly(KeyState.ACTIVE, KeyState.ACTIVE);
        assertThat(telemetry.keyEvents()).extracting(KeyEvent::kind).containsExactly(KeyEvent.Kind.REFUSAL_UNVERIFIED);
    }

    @Test
    void fiftyRefusedRequestsAtOnceCheckTheKeyOnceUntilTheRecheckWindowHasPassed() throws Exception {
        KeyRing ring = ring(A);
        provider.willPauseListingModels(Duration.ofMillis(200));
        for (int i = 0; i < 51; i++) {
            provider.willAnswer(ScriptedStream.of(failed(refusal(403, null))));
        }
        List<Future<List<CompletionEvent>>> requests = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                requests.add(callers.submit(() -> drain(ring)));
            }
        }
        for (Future<List<CompletionEvent>> request : requests) {
            assertThat(request.get()).last().matches(event -> isFailure(event, FailureKind.REQUEST_REFUSED));
        }
        assertThat(provider.listings()).hasSize(1);
        assertThat(telemetry.keyEvents()).hasSize(50)
                .allMatch(event -> event.kind() == KeyEvent.Kind.REFUSAL_NOT_CONFIRMED);

        clock.advance(KeyPolicy.DEFAULT.recheckAfter());
        drain(ring);

        assertThat(provider.listings()).hasSize(2);
        assertThat(states(ring)).containsExactly(KeyState.ACTIVE);
    }

    @Test
    void aConfirmedRefusalOfOneKeyIsNotRememberedForAnother() throws InterruptedException {
        KeyRing ring = ring(A, B);
        provider.willFailListingModels(B, refusal(401, null));
        provider.willAnswer(ScriptedStream.of(failed(refusal(403, null))), ScriptedStream.of(failed(refusal(401, null))));

        drain(ring);
        drain(ring);

        assertThat(provider.listings()).extracting(ScriptedCompletionProvider.Listing::key).containsExactly(A, B);
        assertThat(states(ring)).containsExactly(KeyState.ACTIVE, KeyState.DISABLED);
    }

    private List<CompletionEvent> drain(KeyRing ring) throws InterruptedException {
        CompletionService service = Gateways.completions(List.of(HOLYSHEEP),
                Map.of(ScriptedCompletionProvider.NAME, provider), ring, telemetry, clock);
        return CompletionProviderContract.drain(service.stream(Requests.ask("deepseek-v3.2", "Hi"),
                new CallerId("writer-1")));
    }

    private KeyRing ring(ApiKey... keys) {
        KeyRing ring = new KeyRing(new InMemoryKeyStore(), KeyPolicy.DEFAULT, clock, Set.of(HOLYSHEEP.id()),
                Map.of(ScriptedCompletionProvider.NAME, provider), telemetry);
        ring.useConfiguredKeys(Map.of(HOLYSHEEP.id(), List.of(keys)));
        return ring;
    }

    private static List<KeyState> states(KeyRing ring) {
        return ring.pool(HOLYSHEEP.id()).statuses().stream().map(KeyStatus::state).toList();
    }

    private static boolean isFailure(CompletionEvent event, FailureKind kind) {
        return event instanceof CompletionEvent.Failed failed && failed.failure().kind() == kind;
    }

    private static CompletionFailure refusal(int status, String code) {
        return new CompletionFailure(FailureKind.UPSTREAM_AUTH, "The provider refused the gateway's API key.", status,
                Optional.ofNullable(code), Optional.empty(),
                Optional.ofNullable(code).map(c -> new RawJson("{\"code\":\"" + c + "\"}")));
    }
}
