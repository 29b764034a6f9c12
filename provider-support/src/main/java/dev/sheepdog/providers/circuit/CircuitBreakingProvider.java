package dev.sheepdog.providers.circuit;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.port.out.CompletionProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Any provider with one circuit breaker per endpoint in front of its completions: while an
 * endpoint's circuit is open its calls are refused at once, without a network call, as a retryable
 * {@code CIRCUIT_OPEN} failure. Model listings pass through unguarded.
 */
public final class CircuitBreakingProvider implements CompletionProvider {

    private final CompletionProvider provider;
    private final EndpointCircuits circuits;

    /** @param clock what the circuits' open time is measured on */
    public CircuitBreakingProvider(CompletionProvider provider, Clock clock) {
        this(provider, new EndpointCircuits(clock));
    }

    CircuitBreakingProvider(CompletionProvider provider, EndpointCircuits circuits) {
        this.provider = requireNonNull(provider, "provider");
        this.circuits = requireNonNull(circuits, "circuits");
    }

    /** Refused at once, without a call to the provider, while the endpoint's circuit is open. */
    @Override
    public CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        EndpointCircuit circuit = circuits.of(endpoint);
        if (!circuit.breaker().tryAcquirePermission()) {
            return CompletionStream.failed(circuit.refusal());
        }
        long permittedAt = System.nanoTime();
        try {
            return new CircuitGuardedStream(provider.open(endpoint, key, request), circuit.breaker(), permittedAt);
        } catch (RuntimeException e) {
            // A request that could not even be sent says nothing about the endpoint; a half-open trial must not leak.
            circuit.breaker().releasePermission();
            throw e;
        }
    }

    /** Lets the call through an open circuit as a half-open trial, before its open time is over. */
    @Override
    public CompletionStream openTrial(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        circuits.of(endpoint).halfOpenEarly();
        return open(endpoint, key, request);
    }

    @Override
    public CircuitState circuitState(Endpoint endpoint) {
        return circuits.state(endpoint);
    }

    @Override
    public void prepare(List<Endpoint> endpoints) {
        provider.prepare(endpoints);
    }

    @Override
    public List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, Duration timeout) {
        return provider.listModels(endpoint, key, timeout);
    }

    /** The counts of the endpoint's circuit; all zero for an endpoint never called. */
    public CircuitCounts counts(Endpoint endpoint) {
        return circuits.counts(endpoint);
    }

    /** The provider behind the circuits, for the operator's views of it. */
    public CompletionProvider provider() {
        return provider;
    }
}
