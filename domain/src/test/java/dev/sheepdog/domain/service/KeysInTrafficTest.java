package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.port.out.ScriptedEvents.chunk;
import static dev.sheepdog.domain.port.out.ScriptedEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider;
import dev.sheepdog.domain.port.out.ScriptedStream;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the provider says of a key changes the key, and the client never pays for it before its first token. */
class KeysInTrafficTest {

    private static final Endpoint HOLYSHEEP = CompletionServiceTest.endpoint("holysheep", ScriptedCompletionProvider.NAME);
    private static final ApiKey A = ApiKey.of("sk-key-a");
    private static final ApiKey B = ApiKey.of("sk-key-b");
    private static final CallerId CALLER = new CallerId("writer-1");

    private final ManualClock clock = new ManualClock();
    private final ScriptedCompletionProvider provider = new ScriptedCompletionProvider();

    @Test
    void aKeyRefusedOnGetModelsTooIsDisabledAndTheRequestGoesOnWithTheNextKey() throws InterruptedException {
        KeyRing ring = ring(A, B);
        provider.willFailListingModels(A, refusal(401));
        provider.willAnswer(ScriptedStream.of(failed(refusal(401))), ScriptedStream.answering("Xin chào"));

        List<CompletionEvent> events = drain(ring);

        assertThat(events).last().isInstanceOf(CompletionEvent.End.class);
        assertThat(provider.openings()).extracting(opening -> opening.key()).containsExactly(A, B);
        assertThat(ring.pool(HOLYSHEEP.id()).statuses()).extracting(KeyStatus::state)
                .containsExactly(KeyState.DISABLED, KeyState.ACTIVE);
    }

    @Test
    void aRateLimitedKeyRestsAndTheNextKeyAnswers() throws InterruptedException {
        KeyRing ring = ring(A, B);
        provider.willAnswer(ScriptedStream.of(failed(rateLimited(Duration.ofSeconds(20)))),
                ScriptedStream.answering("ok"));

        assertThat(drain(ring)).last().isInstanceOf(CompletionEvent.End.class);
        KeyStatus a = ring.pool(HOLYSHEEP.id()).statuses().getFirst();
        assertThat(a.state()).isEqualTo(KeyState.COOLING);
        assertThat(a.coolingUntil()).contains(clock.instant().plusSeconds(20));
    }

    @Test
    void aKeyRateLimitedForOneModelStillServesTheOthers() throws InterruptedException {
        KeyRing ring = ring(A);
        provider.willAnswer(ScriptedStream.of(failed(rateLimited(Duration.ofSeconds(20)))));
        drain(ring, "gpt-4.1");
        clock.advance(Duration.ofSeconds(5));

        assertThat(drain(ring, "deepseek-v3.2")).last().isInstanceOf(CompletionEvent.End.class);
        assertThat(drain(ring, "gpt-4.1").getLast()).isInstanceOfSatisfying(CompletionEvent.Failed.class,
                failed -> assertThat(failed.failure().retryAfter()).contains(Duration.ofSeconds(15)));
        assertThat(provider.openings()).extracting(opening -> opening.request().model())
                .containsExactly("gpt-4.1", "deepseek-v3.2");
    }

    @Test
    void whenEveryKeyIsCoolingTheClientIsToldHowLongToWait() throws InterruptedException {
        KeyRing ring = ring(A);
        provider.willAnswer(ScriptedStream.of(failed(rateLimited(Duration.ofSeconds(20)))));
        drain(ring);
        clock.advance(Duration.ofSeconds(5));

        CompletionEvent last = drain(ring).getLast();

        assertThat(last).isInstanceOfSatisfying(CompletionEvent.Failed.class, failed -> {
            assertThat(failed.failure().kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failed.failure().retryAfter()).contains(Duration.ofSeconds(15));
        });
        assertThat(provider.openings()).hasSize(1);
    }

    @Test
    void nothingIsRetriedOnceTheFirstChunkHasBeenSent() throws InterruptedException {
        KeyRing ring = ring(A, B);
        provider.willAnswer(ScriptedStream.of(chunk("Xin"), failed(FailureKind.STREAM_TRUNCATED)));

        assertThat(drain(ring)).last().matches(event -> event instanceof CompletionEvent.Failed failed
                && failed.failure().kind() == FailureKind.STREAM_TRUNCATED);
        assertThat(provider.openings()).hasSize(1);
    }

    @Test
    void aCallersErrorIsNeverRetried() throws InterruptedException {
        KeyRing ring = ring(A, B);
        provider.willAnswer(ScriptedStream.of(failed(FailureKind.INVALID_REQUEST)));

        drain(ring);

        assertThat(provider.openings()).hasSize(1);
        assertThat(ring.pool(HOLYSHEEP.id()).statuses()).extracting(KeyStatus::state)
                .containsOnly(KeyState.ACTIVE);
    }

    @Test
    void everyStreamGivesItsKeyBack() throws InterruptedException {
        KeyRing ring = ring(A, B);
        provider.willAnswer(ScriptedStream.of(failed(refusal(403))), ScriptedStream.answering("ok"));

        drain(ring);

        assertThat(ring.pool(HOLYSHEEP.id()).statuses()).extracting(KeyStatus::inFlight).containsOnly(0);
    }

    private List<CompletionEvent> drain(KeyRing ring) throws InterruptedException {
        return drain(ring, "deepseek-v3.2");
    }

    private List<CompletionEvent> drain(KeyRing ring, String model) throws InterruptedException {
        CompletionService service = Gateways.completions(List.of(HOLYSHEEP),
                Map.of(ScriptedCompletionProvider.NAME, provider), ring, Telemetry.NONE, clock);
        return CompletionProviderContract.drain(service.stream(Requests.ask(model, "Hi"), CALLER));
    }

    private KeyRing ring(ApiKey... keys) {
        KeyRing ring = new KeyRing(new InMemoryKeyStore(), KeyPolicy.DEFAULT, clock, java.util.Set.of(HOLYSHEEP.id()),
                Map.of(ScriptedCompletionProvider.NAME, provider), Telemetry.NONE);
        ring.useConfiguredKeys(Map.of(HOLYSHEEP.id(), List.of(keys)));
        return ring;
    }

    private static CompletionFailure refusal(int status) {
        return new CompletionFailure(FailureKind.UPSTREAM_AUTH, "refused", status, Optional.empty(), Optional.empty());
    }

    private static CompletionFailure rateLimited(Duration wait) {
        return new CompletionFailure(FailureKind.RATE_LIMITED, "slow down", 429, Optional.empty(), Optional.of(wait));
    }
}
