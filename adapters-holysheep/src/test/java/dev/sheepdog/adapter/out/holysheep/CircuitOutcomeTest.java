package dev.sheepdog.adapter.out.holysheep;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.CLOSED_EARLY;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.COMPLETE;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.CUT_AFTER_FIRST_TOKEN;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.CUT_BEFORE_ANY_CHUNK;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.STATUS_400;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.STATUS_429;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.STATUS_503;
import static dev.sheepdog.adapter.out.holysheep.Circuits.assertNotRefused;
import static dev.sheepdog.adapter.out.holysheep.Circuits.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.providers.circuit.CircuitCounts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each call through a circuit has exactly one outcome: a success at its first chunk, a failure before it, or its permission back. */
class CircuitOutcomeTest {

    @RegisterExtension
    static WireMockExtension statuses = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aStreamCutAfterItsFirstTokenCountsAsASuccess() throws Exception {
        try (CircuitHarness circuit = new CircuitHarness(statuses, policy(10, 4))) {
            for (int i = 0; i < 8; i++) {
                List<CompletionEvent> events = circuit.make(CUT_AFTER_FIRST_TOKEN);
                assertThat(Streams.text(events)).isEqualTo("Xin");
                assertThat(Circuits.failure(events).orElseThrow().kind()).isEqualTo(FailureKind.STREAM_TRUNCATED);
            }

            assertThat(circuit.state()).isEqualTo(CircuitState.CLOSED);
            assertThat(circuit.counts().successful()).isEqualTo(8);
            assertThat(circuit.counts().failed()).isZero();
        }
    }

    @Test
    void aStreamCutBeforeAnyChunkCountsAsAFailure() throws Exception {
        try (CircuitHarness circuit = new CircuitHarness(statuses, policy(10, 4))) {
            for (int i = 0; i < 4; i++) {
                assertNotRefused(circuit.make(CUT_BEFORE_ANY_CHUNK));
            }

            assertThat(circuit.state()).isEqualTo(CircuitState.OPEN);
            assertRefused(circuit.make(COMPLETE));
        }
    }

    @Test
    void everyCallHasExactlyOneOutcome() throws Exception {
        // Five successes and five failures, the last call the tenth recorded one; five say nothing.
        List<BreakerCall> permitted = List.of(COMPLETE, STATUS_400, CUT_AFTER_FIRST_TOKEN, STATUS_503, CLOSED_EARLY,
                COMPLETE, STATUS_429, CUT_BEFORE_ANY_CHUNK, CUT_AFTER_FIRST_TOKEN, STATUS_503, CLOSED_EARLY,
                COMPLETE, STATUS_400, CUT_BEFORE_ANY_CHUNK, STATUS_503);
        try (CircuitHarness circuit = new CircuitHarness(statuses, policy(10, 10))) {
            for (BreakerCall call : permitted) {
                assertNotRefused(circuit.make(call));
            }
            for (BreakerCall call : List.of(COMPLETE, STATUS_503, CUT_BEFORE_ANY_CHUNK, STATUS_400)) {
                assertRefused(circuit.make(call));
            }

            CircuitCounts counts = circuit.counts();
            assertThat(counts.successful()).isEqualTo(5);
            assertThat(counts.failed()).isEqualTo(5);
            assertThat(counts.buffered()).isEqualTo(10);
            assertThat(counts.notPermitted()).isEqualTo(4);
            assertThat(circuit.state()).isEqualTo(CircuitState.OPEN);
            assertThat(circuit.scriptedRequests()).isEqualTo(9);
            statuses.verify(6, postRequestedFor(urlEqualTo(CircuitHarness.COMPLETIONS)));
        }
    }

    private static CircuitPolicy policy(int windowSize, int minimumCalls) {
        return new CircuitPolicy(50f, windowSize, minimumCalls, Duration.ofSeconds(30), 1);
    }
}
