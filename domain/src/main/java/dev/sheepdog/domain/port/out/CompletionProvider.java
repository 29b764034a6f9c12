package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import java.time.Duration;
import java.util.List;

/** Completion streaming: talks to one kind of provider on behalf of the domain. */
public interface CompletionProvider {

    /**
     * Starts a completion on an endpoint with one of its keys. Never throws for a provider's
     * failure: that is the stream's {@code Failed} event. The gateway always wants usage, so a
     * provider asks for it even when the client did not.
     */
    CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request);

    /**
     * Starts a completion as a trial of an endpoint whose circuit is open, before its open time is
     * over: asked only when every endpoint of a request's route was skipped for its open circuit,
     * for the one open longest. A provider without circuits simply opens it.
     */
    default CompletionStream openTrial(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        return open(endpoint, key, request);
    }

    /**
     * The models the endpoint offers to this key. Also how a new key is validated.
     *
     * @throws ProviderException when the key is refused, the endpoint unreachable or too slow
     */
    List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, Duration timeout);

    /**
     * Gets ready to serve those of these endpoints that name this provider (connection pools, say), so
     * that the first request does not wait for it. Called once at start-up; by default there is nothing to do.
     */
    default void prepare(List<Endpoint> endpoints) {
    }

    /** The state of the endpoint's circuit breaker, for operators; {@link CircuitState#NONE} when there is none. */
    default CircuitState circuitState(Endpoint endpoint) {
        return CircuitState.NONE;
    }
}
