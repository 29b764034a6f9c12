package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Builds the domain's services the way the app wires them, over in-memory fakes. */
final class Gateways {

    private Gateways() {
    }

    static KeyRing keyRing(List<Endpoint> endpoints, Map<String, CompletionProvider> providers,
                           Map<EndpointId, ApiKey> keys, Telemetry telemetry, Clock clock) {
        KeyRing ring = new KeyRing(new InMemoryKeyStore(), KeyPolicy.DEFAULT, clock,
                new Endpoints(endpoints).ids(), providers, telemetry);
        Map<EndpointId, List<ApiKey>> seeds = new LinkedHashMap<>();
        keys.forEach((endpoint, key) -> seeds.put(endpoint, List.of(key)));
        ring.useConfiguredKeys(seeds);
        return ring;
    }

    static CompletionService completions(List<Endpoint> endpoints, Map<String, CompletionProvider> providers,
                                         Map<EndpointId, ApiKey> keys, Telemetry telemetry, Clock clock) {
        return completions(endpoints, providers, keyRing(endpoints, providers, keys, telemetry, clock), telemetry,
                clock);
    }

    /** The first endpoint is the primary; the others stand by, in order, for failover. */
    static CompletionService completions(List<Endpoint> endpoints, Map<String, CompletionProvider> providers,
                                         KeyRing ring, Telemetry telemetry, Clock clock) {
        Map<EndpointId, EndpointRole> roles = new LinkedHashMap<>();
        endpoints.forEach(endpoint -> roles.put(endpoint.id(), roles.isEmpty() ? EndpointRole.PRIMARY
                : EndpointRole.STANDBY));
        RoutingPlan plan = new RoutingPlan(roles, 0, Map.of(), 0);
        return new CompletionService(new Endpoints(endpoints), providers, ring, router(endpoints, plan),
                statistics(clock), telemetry, clock);
    }

    /** Routes along a plan, over the routing state given, so a test can move the canary's weight. */
    static CompletionService completions(List<Endpoint> endpoints, Map<String, CompletionProvider> providers,
                                         KeyRing ring, RoutingPlan plan, RoutingState state,
                                         EndpointStatistics statistics, Telemetry telemetry, Clock clock) {
        Endpoints all = new Endpoints(endpoints);
        return new CompletionService(all, providers, ring, new TrafficRouter(all, state, plan, new SplittableRandom(7)),
                statistics, telemetry, clock);
    }

    static TrafficRouter router(List<Endpoint> endpoints, RoutingPlan plan) {
        Endpoints all = new Endpoints(endpoints);
        return new TrafficRouter(all, routingState(endpoints, plan), plan, new SplittableRandom(7));
    }

    /** The routing state of a plan over a fresh in-memory store. */
    static RoutingState routingState(List<Endpoint> endpoints, RoutingPlan plan) {
        return new RoutingState(new MemoryRouteStore(), plan, new Endpoints(endpoints).ids());
    }

    static EndpointStatistics statistics(Clock clock) {
        return new EndpointStatistics(clock, Duration.ofMinutes(5), new SplittableRandom(11));
    }

    /** A route store that forgets everything with the object. */
    static final class MemoryRouteStore implements RouteStore {
        private RouteState state;

        @Override
        public synchronized Optional<RouteState> load() {
            return Optional.ofNullable(state);
        }

        @Override
        public synchronized void save(RouteState changed) {
            state = changed;
        }

        @Override
        public synchronized RouteState update(Function<Optional<RouteState>, RouteState> change) {
            state = change.apply(Optional.ofNullable(state));
            return state;
        }
    }
}
