package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.WARNING;

import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.KeyLease;
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
import java.util.Optional;

/**
 * Streams a client's completion from the endpoints that serve its model: each attempt with a key
 * leased from the endpoint's pool, failing over before the first token, watched for telemetry.
 */
public final class CompletionService implements StreamCompletionUseCase, ListModelsUseCase {

    private static final System.Logger LOG = System.getLogger(CompletionService.class.getName());
    private static final Duration MODEL_LISTING_TIMEOUT = Duration.ofSeconds(5);

    private final Endpoints endpoints;
    private final Map<String, CompletionProvider> providers;
    private final KeyRing keys;
    private final Telemetry telemetry;
    private final Clock clock;

    /** @param providers the provider adapter for each {@link Endpoint#provider()} name */
    public CompletionService(Endpoints endpoints, Map<String, CompletionProvider> providers, KeyRing keys,
                             Telemetry telemetry, Clock clock) {
        this.endpoints = endpoints;
        this.providers = Map.copyOf(providers);
        this.keys = keys;
        this.telemetry = telemetry;
        this.clock = clock;
        for (Endpoint endpoint : endpoints.all()) {
            if (!this.providers.containsKey(endpoint.provider())) {
                throw new IllegalArgumentException(
                        "no provider adapter named '" + endpoint.provider() + "' for endpoint " + endpoint.id());
            }
        }
    }

    @Override
    public CompletionStream stream(CompletionRequest request, CallerId caller) {
        List<Endpoint> route = endpoints.serving(request.model());
        if (route.isEmpty()) {
            return CompletionStream.failed(CompletionFailure.of(FailureKind.MODEL_NOT_FOUND,
                    "The model '" + request.model() + "' does not exist or is not served by this gateway."));
        }
        return new FailoverStream(request, route, this::attempt, keys, clock);
    }

    @Override
    public List<ModelInfo> listModels() {
        Map<String, ModelInfo> byId = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints.all()) {
            for (ModelInfo model : modelsOf(endpoint)) {
                byId.putIfAbsent(model.id(), model);
            }
        }
        return List.copyOf(byId.values());
    }

    private CompletionStream attempt(Endpoint endpoint, KeyLease lease, CompletionRequest request) {
        Instant started = clock.instant();
        CompletionStream opened = providers.get(endpoint.provider()).open(endpoint, lease.key(), request);
        return new ObservedStream(new KeyedStream(opened, lease, clock), endpoint.id(), request, telemetry, clock,
                started);
    }

    private List<ModelInfo> modelsOf(Endpoint endpoint) {
        if (!endpoint.models().isEmpty()) {
            return endpoint.models().stream().sorted().map(id -> new ModelInfo(id, endpoint.id().value())).toList();
        }
        Optional<KeyLease> lease = keys.lease(endpoint.id());
        if (lease.isEmpty()) {
            return List.of();
        }
        try {
            return providers.get(endpoint.provider()).listModels(endpoint, lease.get().key(), MODEL_LISTING_TIMEOUT);
        } catch (ProviderException e) {
            // One unreachable endpoint must not hide the models of the others.
            LOG.log(WARNING, "could not list the models of endpoint {0}: {1}", endpoint.id(), e.failure().message());
            return List.of();
        } finally {
            lease.get().release(clock.instant());
        }
    }
}
