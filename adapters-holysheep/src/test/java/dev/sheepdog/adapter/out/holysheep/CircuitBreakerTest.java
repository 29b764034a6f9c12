package dev.sheepdog.adapter.out.holysheep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sheepdog.adapter.out.holysheep.Circuits.assertNotRefused;
import static dev.sheepdog.adapter.out.holysheep.Circuits.assertRefused;
import static dev.sheepdog.adapter.out.holysheep.Streams.drain;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.providers.circuit.CircuitBreakingProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Behind the circuit decorator, an OpenAI-compatible endpoint that keeps failing is skipped without a network call until its open time is over. */
class CircuitBreakerTest {

    private static final CircuitPolicy POLICY = new CircuitPolicy(50f, 4, 4, Duration.ofSeconds(30), 2);
    private static final String COMPLETIONS = "/v1/chat/completions";

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ManualClock clock = new ManualClock();
    private final CircuitBreakingProvider provider =
            new CircuitBreakingProvider(new HolySheepCompletionProvider(clock), clock);

    @Test
    void anEndpointNeverCalledHasAClosedCircuit() {
        assertThat(provider.circuitState(endpoint())).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void repeated503sOpenTheCircuitAndLaterCallsFailFastWithoutANetworkCall() throws Exception {
        openTheCircuit();

        for (int i = 0; i < 3; i++) {
            List<CompletionEvent> events = call();
            assertRefused(events);
            CompletionFailure refusal = Circuits.failure(events).orElseThrow();
            assertThat(refusal.kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
            assertThat(refusal.retryable()).isTrue();
            assertThat(refusal.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(refusal.message()).contains("flaky").contains("30 s");
        }
        upstream.verify(4, postRequestedFor(urlEqualTo(COMPLETIONS)));
        assertThat(provider.circuitState(endpoint())).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void afterTheOpenTimeTrialCallsGoThroughAndTheirSuccessesCloseTheCircuit() throws Exception {
        openTheCircuit();
        answer(aResponse().withHeader("Content-Type", "text/event-stream").withBody(Circuits.SSE_ANSWER));
        clock.advance(Duration.ofSeconds(29));
        assertRefused(call());

        clock.advance(Duration.ofSeconds(2));
        assertThat(Streams.terminal(call())).isInstanceOf(CompletionEvent.End.class);
        assertThat(provider.circuitState(endpoint())).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(Streams.terminal(call())).isInstanceOf(CompletionEvent.End.class);

        assertThat(provider.circuitState(endpoint())).isEqualTo(CircuitState.CLOSED);
        upstream.verify(6, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void failingTrialsOpenTheCircuitAgainForAnotherOpenTime() throws Exception {
        openTheCircuit();
        clock.advance(Duration.ofSeconds(31));

        for (int trial = 0; trial < POLICY.trialCalls(); trial++) {
            assertThat(provider.circuitState(endpoint())).isNotEqualTo(CircuitState.CLOSED);
            List<CompletionEvent> events = call();
            assertNotRefused(events);
            assertThat(Circuits.failure(events).orElseThrow().upstreamStatus()).isEqualTo(503);
        }
        assertThat(provider.circuitState(endpoint())).isEqualTo(CircuitState.OPEN);
        assertRefused(call());
        clock.advance(Duration.ofSeconds(29));
        assertRefused(call());
        clock.advance(Duration.ofSeconds(2));
        assertNotRefused(call());

        upstream.verify(4 + POLICY.trialCalls() + 1, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void callsBeyondTheTrialCallsAreRefusedWhileTheTrialsAreUnderWay() throws Exception {
        openTheCircuit();
        answer(aResponse().withHeader("Content-Type", "text/event-stream").withBody(Circuits.SSE_ANSWER));
        clock.advance(Duration.ofSeconds(31));

        CompletionStream first = provider.open(endpoint(), ApiKey.NONE, Requests.streaming());
        CompletionStream second = provider.open(endpoint(), ApiKey.NONE, Requests.streaming());
        List<CompletionEvent> third = call();

        assertRefused(third);
        assertThat(Circuits.failure(third).orElseThrow().message()).contains("half open");
        assertThat(Streams.terminal(drain(first))).isInstanceOf(CompletionEvent.End.class);
        assertThat(Streams.terminal(drain(second))).isInstanceOf(CompletionEvent.End.class);
        assertThat(provider.circuitState(endpoint())).isEqualTo(CircuitState.CLOSED);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 429})
    void callerKeyAndRateLimitFailuresNeverOpenTheCircuit(int status) throws Exception {
        answer(aResponse().withStatus(status).withBody("{\"error\":{\"message\":\"no\"}}"));

        for (int i = 0; i < 12; i++) {
            assertNotRefused(call());
        }

        assertThat(provider.circuitState(endpoint())).isEqualTo(CircuitState.CLOSED);
        assertThat(provider.counts(endpoint()).buffered()).isZero();
        upstream.verify(12, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    private void openTheCircuit() throws InterruptedException {
        answer(aResponse().withStatus(503));
        for (int i = 0; i < POLICY.minimumCalls(); i++) {
            List<CompletionEvent> events = call();
            assertNotRefused(events);
            assertThat(Circuits.failure(events).orElseThrow().kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE);
        }
        assertThat(provider.circuitState(endpoint())).isEqualTo(CircuitState.OPEN);
    }

    private static void answer(ResponseDefinitionBuilder response) {
        upstream.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(response));
    }

    private List<CompletionEvent> call() throws InterruptedException {
        return drain(provider.open(endpoint(), ApiKey.NONE, Requests.streaming()));
    }

    private static Endpoint endpoint() {
        return Circuits.endpoint(URI.create(upstream.baseUrl() + "/v1"), POLICY);
    }
}
