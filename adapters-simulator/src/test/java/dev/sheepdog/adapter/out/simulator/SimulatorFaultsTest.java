package dev.sheepdog.adapter.out.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The failures the simulator injects on purpose behave as named. */
class SimulatorFaultsTest {

    private static final Duration SHORT = Duration.ofMillis(50);

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({"429, RATE_LIMITED", "401, UPSTREAM_AUTH", "402, INSUFFICIENT_BALANCE", "503, UPSTREAM_UNAVAILABLE",
        "400, INVALID_REQUEST"})
    void answersAFailingStatusAsTheProviderWould(int status, FailureKind kind) throws InterruptedException {
        CompletionEvent first = open(SimulatorFaults.NONE.failing(status, 1.0)).poll(SHORT).orElseThrow();

        assertThat(first).isInstanceOfSatisfying(CompletionEvent.Failed.class, failed -> {
            assertThat(failed.failure().kind()).isEqualTo(kind);
            assertThat(failed.failure().upstreamStatus()).isEqualTo(status);
        });
    }

    @Test
    void aRateLimitSaysHowLongToWait() throws InterruptedException {
        CompletionEvent first = open(SimulatorFaults.NONE.failing(429, 1.0)).poll(SHORT).orElseThrow();

        assertThat(((CompletionEvent.Failed) first).failure().retryAfter()).contains(SimulatedFailures.RETRY_AFTER);
    }

    @Test
    void aFailureRateOfZeroNeverFails() throws InterruptedException {
        assertThat(drain(open(SimulatorFaults.NONE.failing(503, 0.0)))).last().isInstanceOf(CompletionEvent.End.class);
    }

    @Test
    void cutsTheStreamAfterTheGivenTokens() throws InterruptedException {
        List<CompletionEvent> events = drain(open(SimulatorFaults.NONE.cuttingAfter(3)));

        assertThat(events).hasSize(4).last().matches(event -> failure(event) == FailureKind.STREAM_TRUNCATED);
    }

    @Test
    void sendsAMalformedChunkOrAnErrorEventAfterTheGivenTokens() throws InterruptedException {
        assertThat(drain(open(SimulatorFaults.NONE.malformedAfter(2)))).hasSize(3).last()
                .matches(event -> failure(event) == FailureKind.MALFORMED_STREAM);
        assertThat(drain(open(SimulatorFaults.NONE.erroringAfter(1)))).hasSize(2).last()
                .matches(event -> failure(event) == FailureKind.UPSTREAM_ERROR);
    }

    @Test
    void stallsAfterTheGivenTokensUntilClosed() throws InterruptedException {
        CompletionStream stream = open(SimulatorFaults.NONE.stallingAfter(2));
        assertThat(stream.poll(SHORT)).get().isInstanceOf(CompletionEvent.Chunk.class);
        assertThat(stream.poll(SHORT)).get().isInstanceOf(CompletionEvent.Chunk.class);

        assertThat(stream.poll(SHORT)).isEmpty();
        stream.close();
        assertThat(stream.poll(SHORT)).get().matches(event -> failure(event) == FailureKind.CANCELLED);
    }

    @Test
    void aHangingModelSendsNothingAtAll() throws InterruptedException {
        try (CompletionStream stream = open(SimulatorFaults.NONE.hanging())) {
            assertThat(stream.poll(SHORT)).isEmpty();
        }
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> SimulatorFaults.NONE.failing(200, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorFaults.NONE.failing(429, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CompletionStream open(SimulatorFaults faults) {
        SimulatorSettings settings = SimulatorFixtures.INSTANT.withFaults(faults);
        return new SimulatedCompletionProvider(settings)
                .open(SimulatorFixtures.ENDPOINT, ApiKey.NONE, SimulatorFixtures.ask("Viết về biển"));
    }

    private static List<CompletionEvent> drain(CompletionStream stream) throws InterruptedException {
        List<CompletionEvent> events = new ArrayList<>();
        while (true) {
            Optional<CompletionEvent> event = stream.poll(Duration.ofSeconds(5));
            events.add(event.orElseThrow());
            if (event.get().terminal()) {
                return events;
            }
        }
    }

    private static FailureKind failure(CompletionEvent event) {
        return event instanceof CompletionEvent.Failed failed ? failed.failure().kind() : null;
    }
}
