package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Set;

/**
 * A place completions can be sent: an OpenAI-compatible base URL served by a provider adapter.
 *
 * @param provider which adapter speaks to it, e.g. {@code "openai"} (HolySheep and any
 *                 OpenAI-compatible API) or {@code "simulator"}
 * @param models   the model ids it serves; empty means any model the provider accepts
 * @param circuit  when its circuit breaker opens
 */
public record Endpoint(EndpointId id, String provider, URI baseUrl, Set<String> models, StreamDeadlines deadlines,
                       CircuitPolicy circuit) {

    public Endpoint {
        requireNonNull(id, "id");
        requireNonNull(provider, "provider");
        requireNonNull(baseUrl, "baseUrl");
        models = Set.copyOf(models);
        requireNonNull(deadlines, "deadlines");
        requireNonNull(circuit, "circuit");
    }

    /** An endpoint with the default circuit policy. */
    public Endpoint(EndpointId id, String provider, URI baseUrl, Set<String> models, StreamDeadlines deadlines) {
        this(id, provider, baseUrl, models, deadlines, CircuitPolicy.DEFAULT);
    }

    public boolean serves(String model) {
        return models.isEmpty() || models.contains(model);
    }
}
