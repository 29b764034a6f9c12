package dev.sheepdog.providers.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.domain.port.out.CompletionProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Any provider behind the decorator gets its endpoints' circuits: refused while open, tried early on request. */
class CircuitBreakingProviderTest {

    private static final CircuitPolicy POLICY = new CircuitPolicy(50f, 4, 4, Duration.ofSeconds(30), 1);
    private static final Endpoint ENDPOINT = new Endpoint(new EndpointId("flaky"), "fake", URI.create("http://fake"),
            Set.of(), new StreamDeadlines(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(5)), POLICY);
    private static final CompletionRequest REQUEST =
            CompletionRequest.streaming("m", List.of(new ChatMessage(Role.USER, "hi")));

    private final ManualClock clock = new ManualClock();
    private final FakeProvider fake = new FakeProvider();
    private final CircuitBreakingProvider provider = new CircuitBreakingProvider(fake, clock);

    @Test
    void anEndpointNeverCalledHasAClosedCircuit() {
        assertThat(provider.circuitState(ENDPOINT)).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void failuresBeforeTheFirstChunkOpenTheCircuitAndLaterCallsNeverReachTheProvider() throws Exception {
        openTheCircuit();

        CompletionEvent refused = firstEvent(provider.open(ENDPOINT, ApiKey.NONE, REQUEST));

        CompletionFailure failure = ((CompletionEvent.Failed) refused).failure();
        assertThat(failure.kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(fake.opened.get()).isEqualTo(POLICY.minimumCalls());
    }

    @Test
    void aTrialGoesThroughAnOpenCircuitEarlyAndItsSuccessClosesIt() throws Exception {
        openTheCircuit();
        fake.failing = false;

        assertThat(firstEvent(provider.openTrial(ENDPOINT, ApiKey.NONE, REQUEST)))
                .isInstanceOf(CompletionEvent.Chunk.class);

        assertThat(provider.circuitState(ENDPOINT)).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void modelListingsPassThroughEvenWhileTheCircuitIsOpen() throws Exception {
        openTheCircuit();

        assertThat(provider.listModels(ENDPOINT, ApiKey.NONE, Duration.ofSeconds(1)))
                .containsExactly(new ModelInfo("m", "fake"));
    }

    private void openTheCircuit() throws InterruptedException {
        fake.failing = true;
        for (int i = 0; i < POLICY.minimumCalls(); i++) {
            try (CompletionStream stream = provider.open(ENDPOINT, ApiKey.NONE, REQUEST)) {
                firstEvent(stream);
            }
        }
        assertThat(provider.circuitState(ENDPOINT)).isEqualTo(CircuitState.OPEN);
    }

    private static CompletionEvent firstEvent(CompletionStream stream) throws InterruptedException {
        try (stream) {
            return stream.poll(Duration.ZERO).orElseThrow();
        }
    }

    /** A provider that fails every call as unavailable, or answers with one chunk; counts the calls it got. */
    private static final class FakeProvider implements CompletionProvider {
        final AtomicInteger opened = new AtomicInteger();
        volatile boolean failing;

        @Override
        public CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request) {
            opened.incrementAndGet();
            if (failing) {
                return CompletionStream.failed(CompletionFailure.of(FailureKind.UPSTREAM_UNAVAILABLE, "down"));
            }
            CompletionEvent chunk = CompletionEvent.Chunk.of(new Delta.Text("hi"));
            return new CompletionStream() {
                @Override
                public java.util.Optional<CompletionEvent> poll(Duration maxWait) {
                    return java.util.Optional.of(chunk);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, Duration timeout) {
            return List.of(new ModelInfo("m", "fake"));
        }
    }
}
