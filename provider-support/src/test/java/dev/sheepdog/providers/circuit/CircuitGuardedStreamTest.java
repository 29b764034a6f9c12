package dev.sheepdog.providers.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.Delta;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a guarded stream tells its breaker, event by event, without any network. */
class CircuitGuardedStreamTest {

    private static final Set<FailureKind> SAY_NOTHING_ABOUT_THE_ENDPOINT = EnumSet.of(FailureKind.INVALID_REQUEST,
            FailureKind.MODEL_NOT_FOUND, FailureKind.UPSTREAM_AUTH, FailureKind.INSUFFICIENT_BALANCE,
            FailureKind.RATE_LIMITED, FailureKind.CANCELLED, FailureKind.REQUEST_REFUSED, FailureKind.MODEL_NOT_ALLOWED,
            FailureKind.REQUESTS_PER_MINUTE, FailureKind.TOKENS_PER_MINUTE, FailureKind.TOO_MANY_STREAMS,
            FailureKind.BUDGET_EXCEEDED, FailureKind.CIRCUIT_OPEN);
    private static final CompletionEvent CHUNK = CompletionEvent.Chunk.of(new Delta.Text("Xin"));

    private final CircuitBreaker breaker = new EndpointCircuit(new EndpointId("unit"),
            new CircuitPolicy(50f, 10, 10, Duration.ofSeconds(30), 1), new ManualClock()).breaker();

    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void aFailureBeforeTheFirstChunkCountsOnlyWhenItSaysTheEndpointIsUnhealthy(FailureKind kind) throws Exception {
        halfOpenWithItsOnlyTrialTaken();

        readToTheEnd(guarded(failed(kind)));

        if (SAY_NOTHING_ABOUT_THE_ENDPOINT.contains(kind)) {
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
            assertThat(breaker.tryAcquirePermission()).as("the trial permit came back").isTrue();
        } else {
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        }
    }

    @Test
    void aFailureAfterTheFirstChunkIsStillASuccess() throws Exception {
        readToTheEnd(guarded(CHUNK, failed(FailureKind.IDLE_TIMEOUT)));
        readToTheEnd(guarded(CHUNK, failed(FailureKind.STREAM_TRUNCATED)));

        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(2);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void anEndWithoutAnyChunkIsASuccess() throws Exception {
        readToTheEnd(guarded(new CompletionEvent.End()));

        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void repeatedTerminalEventsAndLaterClosesAreNotCountedAgain() throws Exception {
        CompletionStream stream = guarded(failed(FailureKind.UPSTREAM_UNAVAILABLE));
        for (int i = 0; i < 5; i++) {
            stream.poll(Duration.ZERO);
        }
        stream.close();
        stream.close();

        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isEqualTo(1);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void closingBeforeAnyEventGivesThePermitBackOnce() {
        halfOpenWithItsOnlyTrialTaken();
        CompletionStream stream = guarded();

        stream.close();
        stream.close();

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).as("only one permit came back").isFalse();
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void closingAfterTheFirstChunkAddsNoSecondOutcome() throws Exception {
        CompletionStream stream = guarded(CHUNK, CHUNK, failed(FailureKind.UPSTREAM_ERROR));

        assertThat(stream.poll(Duration.ZERO)).contains(CHUNK);
        stream.close();
        stream.poll(Duration.ZERO);

        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isEqualTo(1);
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    private void halfOpenWithItsOnlyTrialTaken() {
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    private CompletionStream guarded(CompletionEvent... events) {
        return new CircuitGuardedStream(new ListedStream(List.of(events)), breaker, System.nanoTime());
    }

    private static CompletionEvent failed(FailureKind kind) {
        return new CompletionEvent.Failed(CompletionFailure.of(kind, "it failed"));
    }

    private static void readToTheEnd(CompletionStream stream) throws InterruptedException {
        try (stream) {
            Optional<CompletionEvent> event;
            do {
                event = stream.poll(Duration.ZERO);
            } while (!event.orElseThrow().terminal());
        }
    }

    /** A stream that hands out given events, then repeats its terminal one, or nothing if it has none. */
    private static final class ListedStream implements CompletionStream {
        private final Queue<CompletionEvent> events;
        private CompletionEvent last;

        ListedStream(List<CompletionEvent> events) {
            this.events = new ArrayDeque<>(events);
        }

        @Override
        public Optional<CompletionEvent> poll(Duration maxWait) {
            if (!events.isEmpty()) {
                last = events.poll();
                return Optional.of(last);
            }
            return last != null && last.terminal() ? Optional.of(last) : Optional.empty();
        }

        @Override
        public void close() {
            events.clear();
        }
    }
}
