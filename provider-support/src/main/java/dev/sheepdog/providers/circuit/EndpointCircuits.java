package dev.sheepdog.providers.circuit;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The circuit breakers of the endpoints, one per endpoint id, each created on its endpoint's first call. */
final class EndpointCircuits {

    private final Clock clock;
    private final Map<EndpointId, EndpointCircuit> circuits = new ConcurrentHashMap<>();

    /** @param clock what the breakers' open time is measured on */
    EndpointCircuits(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** The endpoint's circuit; a changed policy starts a new one, since its window no longer means the same. */
    EndpointCircuit of(Endpoint endpoint) {
        EndpointCircuit circuit = circuits.get(endpoint.id());
        if (circuit != null && circuit.policy().equals(endpoint.circuit())) {
            return circuit;
        }
        return circuits.compute(endpoint.id(), (id, old) -> old != null && old.policy().equals(endpoint.circuit())
                ? old : new EndpointCircuit(id, endpoint.circuit(), clock));
    }

    /** An endpoint that was never called has a closed circuit. */
    CircuitState state(Endpoint endpoint) {
        EndpointCircuit circuit = circuits.get(endpoint.id());
        return circuit == null ? CircuitState.CLOSED : circuit.state();
    }

    CircuitCounts counts(Endpoint endpoint) {
        EndpointCircuit circuit = circuits.get(endpoint.id());
        if (circuit == null) {
            return CircuitCounts.NONE;
        }
        CircuitBreaker.Metrics metrics = circuit.breaker().getMetrics();
        return new CircuitCounts(metrics.getNumberOfSuccessfulCalls(), metrics.getNumberOfFailedCalls(),
                metrics.getNumberOfBufferedCalls(), metrics.getNumberOfNotPermittedCalls());
    }
}
