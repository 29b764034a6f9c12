package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.port.in.ListModelsUseCase;
import dev.sheepdog.domain.port.in.StreamCompletionUseCase;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Connects a client's completion to the endpoint that serves its model. */
public final class CompletionService implements StreamCompletionUseCase, ListModelsUseCase {

    private static final System.Logger LOG = System.getLogger(CompletionService.class.getName());
    private static final Duration MODEL_LISTING_TIMEOUT = Duration.ofSeconds(5);

    private final List<Endpoint> endpoints;
    private final Map<String, CompletionProvider> providers;
    private final Map<EndpointId, ApiKey> keys;
    private final Telemetry telemetry;
    private final Clock clock;

    /**
     * @param providers the provider adapter for each {@link Endpoint#provider()} name
     * @param keys      the key of each endpoint that needs one
     */
    public CompletionService(List<Endpoint> endpoints, Map<String, CompletionProvider> providers,
                             Map<EndpointId, ApiKey> keys, Telemetry telemetry, Clock clock) {
        this.endpoints = List.copyOf(endpoints);
        this.providers = Map.copyOf(providers);
        this.keys = Map.copyOf(keys);
        this.telemetry = telemetry;
        this.clock = clock;
        for (Endpoint endpoint : this.endpoints) {
            if (!this.providers.containsKey(endpoint.provider())) {
                throw new IllegalArgumentException(
                        "no provider adapter named '" + endpoint.provider() + "' for endpoint " + endpoint.id());
            }
        }
    }

    @Override
    public CompletionStream stream(CompletionRequest request, CallerId caller) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.serves(request.model())) {
                Instant started = clock.instant();
                CompletionStream stream = providers.get(endpoint.provider()).open(endpoint, keyOf(endpoint), request);
                return new ObservedStream(stream, endpoint.id(), request, telemetry, clock, started);
            }
        }
        return CompletionStream.failed(CompletionFailure.of(FailureKind.MODEL_NOT_FOUND,
                "The model '" + request.model() + "' does not exist or is not served by this gateway."));
    }

    @Override
    public List<ModelInfo> listModels() {
        Map<String, ModelInfo> byId = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            for (ModelInfo model : modelsOf(endpoint)) {
                byId.putIfAbsent(model.id(), model);
            }
        }
        return List.copyOf(byId.values());
    }

    private List<ModelInfo> modelsOf(Endpoint endpoint) {
        if (!endpoint.models().isEmpty()) {
            return endpoint.models().stream().sorted().map(id -> new ModelInfo(id, endpoint.id().value())).toList();
        }
        try {
            return providers.get(endpoint.provider()).listModels(endpoint, keyOf(endpoint), MODEL_LISTING_TIMEOUT);
        } catch (ProviderException e) {
            // One unreachable endpoint must not hide the models of the others.
            LOG.log(System.Logger.Level.WARNING, "could not list the models of endpoint {0}: {1}",
                    endpoint.id(), e.failure().message());
            return List.of();
        }
    }

    private ApiKey keyOf(Endpoint endpoint) {
        return keys.getOrDefault(endpoint.id(), ApiKey.NONE);
    }
}
