package dev.sheepdog.adapter.out.holysheep;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.CLOSED_EARLY;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.COMPLETE;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.STATUS_400;
import static dev.sheepdog.adapter.out.holysheep.BreakerCall.STATUS_429;
import static dev.sheepdog.adapter.out.holysheep.Circuits.assertNotRefused;
import static dev.sheepdog.adapter.out.holysheep.Circuits.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A half-open circuit's few trial permits come back from every trial that says nothing about the endpoint. */
class HalfOpenTrialTest {

    @RegisterExtension
    static WireMockExtension statuses = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aTrialClosedBeforeItsFirstChunkGivesItsPermitBack() throws Exception {
        try (CircuitHarness circuit = new CircuitHarness(statuses, policy(1))) {
            circuit.openTheCircuit();
            circuit.clock.advance(Duration.ofSeconds(31));

            CompletionStream trial = circuit.open(CLOSED_EARLY);
            assertThat(trial.poll(Duration.ofMillis(50))).isEmpty();
            assertRefused(circuit.make(COMPLETE));
            trial.close();

            assertThat(Streams.terminal(circuit.make(COMPLETE))).isInstanceOf(CompletionEvent.End.class);
            assertThat(circuit.state()).isEqualTo(CircuitState.CLOSED);
        }
    }

    @Test
    void trialsThatSayNothingLeaveExactlyTheTrialPermitsForTheNextCalls() throws Exception {
        try (CircuitHarness circuit = new CircuitHarness(statuses, policy(3))) {
            circuit.openTheCircuit();
            circuit.clock.advance(Duration.ofSeconds(31));

            for (BreakerCall call : List.of(STATUS_400, STATUS_429, CLOSED_EARLY, STATUS_400, CLOSED_EARLY, STATUS_429)) {
                assertNotRefused(circuit.make(call));
            }
            assertThat(circuit.state()).isEqualTo(CircuitState.HALF_OPEN);
            assertThat(circuit.counts().buffered()).isZero();

            // Three permits are left: none leaked, none given back twice.
            List<CompletionStream> trials = List.of(circuit.open(COMPLETE), circuit.open(COMPLETE), circuit.open(COMPLETE));
            assertRefused(circuit.make(COMPLETE));
            for (CompletionStream trial : trials) {
                assertThat(Streams.terminal(Streams.drain(trial))).isInstanceOf(CompletionEvent.End.class);
            }
            assertThat(circuit.state()).isEqualTo(CircuitState.CLOSED);
        }
    }

    @Test
    void aTrialAskedByTheDomainGoesThroughAnOpenCircuitBeforeItsOpenTimeIsOver() throws Exception {
        try (CircuitHarness circuit = new CircuitHarness(statuses, policy(1))) {
            circuit.openTheCircuit();
            circuit.clock.advance(Duration.ofSeconds(5));
            int before = circuit.scriptedRequests();

            assertThat(Streams.terminal(Streams.drain(circuit.openTrial(COMPLETE)))).isInstanceOf(CompletionEvent.End.class);

            assertThat(circuit.scriptedRequests()).isEqualTo(before + 1);
            assertThat(circuit.state()).isEqualTo(CircuitState.CLOSED);
        }
    }

    @Test
    void aHalfOpenCircuitKeepsItsTrialsWhenTheDomainAsksForAnother() throws Exception {
        try (CircuitHarness circuit = new CircuitHarness(statuses, policy(1))) {
            circuit.openTheCircuit();
            CompletionStream first = circuit.openTrial(CLOSED_EARLY);

            assertRefused(Streams.drain(circuit.openTrial(COMPLETE)));
            first.close();
        }
    }

    private static CircuitPolicy policy(int trialCalls) {
        return new CircuitPolicy(50f, 4, 4, Duration.ofSeconds(30), trialCalls);
    }
}
