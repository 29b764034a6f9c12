package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.WARNING;

import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.CompletionRecord.Traffic;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.KeyLease;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.model.Route;
import dev.sheepdog.domain.port.in.ListModelsUseCase;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Streams a client's completion along its route: each attempt with a key leased from the
 * endpoint's pool, failing over before the first token, a copy to a shadow now and then, and
 * every completion fed to the endpoints' statistics and the telemetry.
 */
public final class CompletionService implements ListModelsUseCase {

    private static final System.Logger LOG = System.getLogger(CompletionService.class.getName());
    private static final Duration MODEL_LISTING_TIMEOUT = Duration.ofSeconds(5);

    private final Endpoints endpoints;
    private final Map<String, CompletionProvider> providers;
    private final KeyRing keys;
    private final TrafficRouter router;
    private final Telemetry telemetry;
    private final ShadowMirror shadows;
    private final Clock clock;

    /** @param providers the provider adapter for each {@link Endpoint#provider()} name */
    public CompletionService(Endpoints endpoints, Map<String, CompletionProvider> providers, KeyRing keys,
                             TrafficRouter router, EndpointStatistics statistics, Telemetry telemetry, Clock clock) {
        this.endpoints = endpoints;
        this.providers = Map.copyOf(providers);
        this.keys = keys;
        this.router = router;
        this.telemetry = new StatisticsTelemetry(statistics, telemetry);
        this.shadows = new ShadowMirror(router.maxConcurrentShadows(), this::shadowAttempt, this.telemetry);
        this.clock = clock;
        for (Endpoint endpoint : endpoints.all()) {
            if (!this.providers.containsKey(endpoint.provider())) {
                throw new IllegalArgumentException("no provider adapter named '" + endpoint.provider()
                        + "' for endpoint " + endpoint.id() + "; the known providers are "
                        + String.join(", ", new TreeSet<>(this.providers.keySet())));
            }
        }
    }

    /** Streams a completion for a caller kept on one side of a canary by {@code caller}. */
    public CompletionStream stream(CompletionRequest request, CallerId caller) {
        return stream(request, caller, Telemetry.NONE);
    }

    /** The same, also reporting the live completion's record to {@code observer} when it ends. */
    public CompletionStream stream(CompletionRequest request, CallerId caller, Telemetry observer) {
        Route route = router.route(request, caller);
        if (route.attempts().isEmpty()) {
            return CompletionStream.failed(CompletionFailure.of(FailureKind.MODEL_NOT_FOUND,
                    "The model '" + request.model() + "' does not exist or is not served by this gateway."));
        }
        Optional<ShadowMirror.ShadowPair> pair = route.shadow().flatMap(shadow -> shadows.mirror(shadow, request));
        // Forwarding keeps the token gaps and the other events flowing to the metrics.
        Telemetry live = new ForwardingTelemetry(telemetry) {
            @Override
            public void completionEnded(CompletionRecord record) {
                next.completionEnded(record);
                observer.completionEnded(record);
                pair.ifPresent(shadowPair -> shadowPair.liveRecorded(record));
            }
        };
        return new FailoverStream(request, route.attempts(),
                (endpoint, lease, attempted, trial) -> attempt(endpoint, lease, attempted, trial, Traffic.LIVE, live),
                keys, clock,
                () -> pair.ifPresent(ShadowMirror.ShadowPair::liveEnded));
    }

    @Override
    public List<ModelInfo> listModels() {
        Map<String, ModelInfo> byId = new LinkedHashMap<>();
        boolean listed = false;
        ProviderException firstFailure = null;
        for (Endpoint endpoint : endpoints.all()) {
            try {
                modelsOf(endpoint).forEach(model -> byId.putIfAbsent(model.id(), model));
                listed = true;
            } catch (ProviderException e) {
                // One unreachable endpoint must not hide the models of the others.
                LOG.log(WARNING, "could not list the models of endpoint {0}: {1}", endpoint.id(), e.failure().message());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        // When none could list, an empty list would read as "no models" rather than "the provider is down".
        if (!listed && firstFailure != null) {
            throw firstFailure;
        }
        return List.copyOf(byId.values());
    }

    private CompletionStream attempt(Endpoint endpoint, KeyLease lease, CompletionRequest request, boolean trial,
                                     Traffic traffic, Telemetry reportTo) {
        Instant started = clock.instant();
        CompletionProvider provider = providers.get(endpoint.provider());
        CompletionStream opened = trial ? provider.openTrial(endpoint, lease.key(), request)
                : provider.open(endpoint, lease.key(), request);
        return new ObservedStream(new KeyedStream(opened, endpoint, lease, keys, clock), endpoint.id(), traffic,
                request, reportTo, clock, started);
    }

    private CompletionStream shadowAttempt(Endpoint shadow, CompletionRequest request, Telemetry reportTo) {
        Optional<KeyLease> lease = keys.lease(shadow.id(), request.model());
        if (lease.isEmpty()) {
            return CompletionStream.failed(CompletionFailure.of(FailureKind.UPSTREAM_AUTH, "no usable shadow key"));
        }
        return attempt(shadow, lease.get(), request, false, Traffic.SHADOW, new ForwardingTelemetry(telemetry) {
            @Override
            public void completionEnded(CompletionRecord record) {
                next.completionEnded(record);
                reportTo.completionEnded(record);
            }
        });
    }

    private List<ModelInfo> modelsOf(Endpoint endpoint) {
        if (!endpoint.models().isEmpty()) {
            return endpoint.models().stream().sorted().map(id -> new ModelInfo(id, endpoint.id().value())).toList();
        }
        Optional<KeyLease> lease = keys.lease(endpoint.id());
        if (lease.isEmpty()) {
            throw new ProviderException(CompletionFailure.of(FailureKind.RATE_LIMITED,
                    "every key of endpoint " + endpoint.id() + " is resting after a rate limit"));
        }
        try {
            return providers.get(endpoint.provider()).listModels(endpoint, lease.get().key(), MODEL_LISTING_TIMEOUT);
        } finally {
            lease.get().release(clock.instant());
        }
    }
}
