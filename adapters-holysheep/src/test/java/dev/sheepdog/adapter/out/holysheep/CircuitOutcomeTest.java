package dev.sheepdog.adapter.out.holysheep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sheepdog.adapter.out.holysheep.Circuits.assertNotRefused;
import static dev.sheepdog.adapter.out.holysheep.Circuits.assertRefused;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.CLOSED_EARLY;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.COMPLETE;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.CUT_AFTER_FIRST_TOKEN;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.CUT_BEFORE_ANY_CHUNK;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.STATUS_400;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.STATUS_429;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.STATUS_503;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ManualClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each call through a circuit has exactly one outcome: a success at its first chunk, a failure before it, or its permission back. */
class CircuitOutcomeTest {

    @RegisterExtension
    static WireMockExtension statuses = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ManualClock clock = new ManualClock();
    private final EndpointCircuits circuits = new EndpointCircuits(clock);
    private final HolySheepCompletionProvider provider = new HolySheepCompletionProvider(clock,
            HolySheepCompletionProvider.DEFAULT_MAX_EVENT_BYTES, circuits);
    private final AtomicInteger scriptedRequests = new AtomicInteger();
    private final ScriptedUpstream scripted;
    private volatile BreakerCall scripting = COMPLETE;

    CircuitOutcomeTest() throws IOException {
        scripted = new ScriptedUpstream(response -> {
            scriptedRequests.incrementAndGet();
            scripting.play(response);
        });
    }

    @AfterEach
    void stopUpstream() throws IOException {
        scripted.close();
    }

    @Test
    void aStreamCutAfterItsFirstTokenCountsAsASuccess() throws Exception {
        CircuitPolicy policy = new CircuitPolicy(50f, 10, 4, Duration.ofSeconds(30), 1);
        for (int i = 0; i < 8; i++) {
            List<CompletionEvent> events = make(CUT_AFTER_FIRST_TOKEN, policy);
            assertThat(Streams.text(events)).isEqualTo("Xin");
            assertThat(Circuits.failure(events).orElseThrow().kind()).isEqualTo(FailureKind.STREAM_TRUNCATED);
        }

        assertThat(provider.circuitState(endpoint(scripted.baseUrl(), policy))).isEqualTo(CircuitState.CLOSED);
        assertThat(metrics(policy).getNumberOfSuccessfulCalls()).isEqualTo(8);
        assertThat(metrics(policy).getNumberOfFailedCalls()).isZero();
    }

    @Test
    void aStreamCutBeforeAnyChunkCountsAsAFailure() throws Exception {
        CircuitPolicy policy = new CircuitPolicy(50f, 10, 4, Duration.ofSeconds(30), 1);
        for (int i = 0; i < 4; i++) {
            assertNotRefused(make(CUT_BEFORE_ANY_CHUNK, policy));
        }

        assertThat(provider.circuitState(endpoint(scripted.baseUrl(), policy))).isEqualTo(CircuitState.OPEN);
        assertRefused(make(COMPLETE, policy));
    }

    @Test
    void aTrialClosedBeforeItsFirstChunkGivesItsPermissionBack() throws Exception {
        CircuitPolicy policy = new CircuitPolicy(50f, 4, 4, Duration.ofSeconds(30), 1);
        openTheCircuit(policy);
        clock.advance(Duration.ofSeconds(31));

        scripting = CLOSED_EARLY;
        CompletionStream trial = provider.open(endpoint(scripted.baseUrl(), policy), ApiKey.NONE, Requests.streaming());
        assertThat(trial.poll(Duration.ofMillis(50))).isEmpty();
        assertRefused(make(COMPLETE, policy));
        trial.close();

        assertThat(Streams.terminal(make(COMPLETE, policy))).isInstanceOf(CompletionEvent.End.class);
        assertThat(provider.circuitState(endpoint(scripted.baseUrl(), policy))).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void everyCallHasExactlyOneOutcome() throws Exception {
        CircuitPolicy policy = new CircuitPolicy(50f, 10, 10, Duration.ofSeconds(30), 1);
        // Five successes and five failures, the last call the tenth recorded one; five say nothing.
        List<BreakerCall> permitted = List.of(COMPLETE, STATUS_400, CUT_AFTER_FIRST_TOKEN, STATUS_503, CLOSED_EARLY,
                COMPLETE, STATUS_429, CUT_BEFORE_ANY_CHUNK, CUT_AFTER_FIRST_TOKEN, STATUS_503, CLOSED_EARLY,
                COMPLETE, STATUS_400, CUT_BEFORE_ANY_CHUNK, STATUS_503);
        for (BreakerCall call : permitted) {
            assertNotRefused(make(call, policy));
        }
        for (BreakerCall call : List.of(COMPLETE, STATUS_503, CUT_BEFORE_ANY_CHUNK, STATUS_400)) {
            assertRefused(make(call, policy));
        }

        CircuitBreaker.Metrics metrics = metrics(policy);
        assertThat(metrics.getNumberOfSuccessfulCalls()).isEqualTo(5);
        assertThat(metrics.getNumberOfFailedCalls()).isEqualTo(5);
        assertThat(metrics.getNumberOfBufferedCalls()).isEqualTo(10);
        assertThat(metrics.getNumberOfNotPermittedCalls()).isEqualTo(4);
        assertThat(provider.circuitState(endpoint(scripted.baseUrl(), policy))).isEqualTo(CircuitState.OPEN);
        assertThat(scriptedRequests).hasValue(9);
        statuses.verify(6, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void halfOpenTrialPermitsComeBackFromEveryCallThatSaysNothingAboutTheEndpoint() throws Exception {
        CircuitPolicy policy = new CircuitPolicy(50f, 4, 4, Duration.ofSeconds(30), 3);
        openTheCircuit(policy);
        clock.advance(Duration.ofSeconds(31));

        for (BreakerCall call : List.of(STATUS_400, STATUS_429, CLOSED_EARLY, STATUS_400, CLOSED_EARLY, STATUS_429)) {
            assertNotRefused(make(call, policy));
        }
        assertThat(provider.circuitState(endpoint(scripted.baseUrl(), policy))).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(metrics(policy).getNumberOfBufferedCalls()).isZero();

        // Exactly three permits are left: none leaked, none given back twice.
        scripting = COMPLETE;
        List<CompletionStream> trials = List.of(openScripted(policy), openScripted(policy), openScripted(policy));
        assertRefused(make(COMPLETE, policy));
        for (CompletionStream trial : trials) {
            assertThat(Streams.terminal(Streams.drain(trial))).isInstanceOf(CompletionEvent.End.class);
        }
        assertThat(provider.circuitState(endpoint(scripted.baseUrl(), policy))).isEqualTo(CircuitState.CLOSED);
    }

    private List<CompletionEvent> make(BreakerCall call, CircuitPolicy policy) throws InterruptedException {
        return switch (call) {
            case STATUS_400, STATUS_429, STATUS_503 -> {
                statuses.stubFor(post(urlEqualTo("/v1/chat/completions"))
                        .willReturn(aResponse().withStatus(call.status())));
                yield Streams.drain(provider.open(endpoint(URI.create(statuses.baseUrl() + "/v1"), policy),
                        ApiKey.NONE, Requests.streaming()));
            }
            case CLOSED_EARLY -> {
                scripting = call;
                CompletionStream stream = openScripted(policy);
                stream.poll(Duration.ofMillis(30));
                stream.close();
                yield List.of(stream.poll(Duration.ZERO).orElseThrow());
            }
            default -> {
                scripting = call;
                yield Streams.drain(openScripted(policy));
            }
        };
    }

    private void openTheCircuit(CircuitPolicy policy) throws InterruptedException {
        for (int i = 0; i < policy.minimumCalls(); i++) {
            make(CUT_BEFORE_ANY_CHUNK, policy);
        }
        assertThat(provider.circuitState(endpoint(scripted.baseUrl(), policy))).isEqualTo(CircuitState.OPEN);
    }

    private CompletionStream openScripted(CircuitPolicy policy) {
        return provider.open(endpoint(scripted.baseUrl(), policy), ApiKey.NONE, Requests.streaming());
    }

    private CircuitBreaker.Metrics metrics(CircuitPolicy policy) {
        return circuits.of(endpoint(scripted.baseUrl(), policy)).breaker().getMetrics();
    }

    private static Endpoint endpoint(URI baseUrl, CircuitPolicy policy) {
        return Circuits.endpoint(baseUrl, policy);
    }
}
