package dev.sheepdog.providers.circuit;

import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One endpoint's circuit breaker, built from its {@link CircuitPolicy}, and what a call it refuses fails with. */
final class EndpointCircuit {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointCircuit.class);
    private static final String CODE = "circuit_open";

    private final EndpointId id;
    private final CircuitPolicy policy;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private volatile Instant openUntil = Instant.MIN;

    EndpointCircuit(EndpointId id, CircuitPolicy policy, Clock clock) {
        this.id = id;
        this.policy = policy;
        this.clock = clock;
        this.breaker = CircuitBreaker.of(id.value(), config(policy, clock));
        breaker.getEventPublisher().onStateTransition(this::transitioned);
    }

    static CircuitBreakerConfig config(CircuitPolicy policy, Clock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindow(policy.windowSize(), policy.minimumCalls(), SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(policy.failureRatePercent())
                .waitDurationInOpenState(policy.openFor())
                .permittedNumberOfCallsInHalfOpenState(policy.trialCalls())
                // No scheduler thread: the first call after the wait is the trial.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // Outcomes are told by hand from the stream's events; onError is only ever given this type.
                .recordException(UnhealthyEndpointException.class::isInstance)
                // Slowness is the stream deadlines' business: a slow first token must not open the circuit on its own.
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(Duration.ofDays(365))
                .clock(clock)
                .build();
    }

    CircuitPolicy policy() {
        return policy;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    CircuitState state() {
        return switch (breaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> CircuitState.CLOSED;
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
        };
    }

    /**
     * Half opens an open circuit now, before its open time is over, so its trial calls go through:
     * for a request that found every endpoint's circuit open. A half-open circuit keeps its trials.
     */
    synchronized void halfOpenEarly() {
        if (breaker.getState() == CircuitBreaker.State.OPEN) {
            breaker.transitionToHalfOpenState();
        }
    }

    /** The failure of a call the breaker refused: never sent, retryable, so the domain fails over without a network call. */
    CompletionFailure refusal() {
        if (breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
            return new CompletionFailure(FailureKind.CIRCUIT_OPEN, "The circuit of endpoint " + id
                    + " is half open and its trial calls are under way; it is tried again when they end.",
                    0, Optional.of(CODE), Optional.empty());
        }
        Duration wait = Duration.between(clock.instant(), openUntil);
        wait = wait.isNegative() ? Duration.ZERO : wait;
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new CompletionFailure(FailureKind.CIRCUIT_OPEN, "The circuit of endpoint " + id
                + " is open after repeated failures; it is tried again in " + seconds + " s.",
                0, Optional.of(CODE), Optional.of(wait));
    }

    private void transitioned(CircuitBreakerOnStateTransitionEvent event) {
        switch (event.getStateTransition().getToState()) {
            case OPEN -> {
                openUntil = clock.instant().plus(policy.openFor());
                LOG.warn("The circuit of endpoint {} opened; it is tried again in {} ms", id,
                        policy.openFor().toMillis());
            }
            case CLOSED -> LOG.info("The circuit of endpoint {} closed again", id);
            default -> {
            }
        }
    }
}
