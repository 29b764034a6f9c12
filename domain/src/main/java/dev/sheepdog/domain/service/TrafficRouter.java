package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.Route;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.model.StickyPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Chooses where a request goes: the canary for the callers whose sticky point falls below its
 * weight, the primary for the others; the other of the two, then the standbys, as failover; and
 * now and then a shadow that gets a copy.
 */
public final class TrafficRouter {

    private final Endpoints endpoints;
    private final RoutingState state;
    private final RoutingPlan plan;
    private final RandomGenerator random;

    public TrafficRouter(Endpoints endpoints, RoutingState state, RoutingPlan plan, RandomGenerator random) {
        this.endpoints = endpoints;
        this.state = state;
        this.plan = plan;
        this.random = random;
    }

    /** How many shadow copies may run at once. */
    public int maxConcurrentShadows() {
        return plan.maxConcurrentShadows();
    }

    public Route route(CompletionRequest request, CallerId caller) {
        RouteState now = state.current();
        List<Endpoint> serving = endpoints.serving(request.model());
        Optional<Endpoint> primary = withRole(serving, now, EndpointRole.PRIMARY);
        Optional<Endpoint> canary = withRole(serving, now, EndpointRole.CANARY);
        List<Endpoint> attempts = new ArrayList<>();
        if (canary.isPresent() && StickyPoint.of(caller, canary.get().id()) < now.canaryWeight()) {
            attempts.add(canary.get());
            primary.ifPresent(attempts::add);
        } else {
            primary.ifPresent(attempts::add);
            canary.ifPresent(attempts::add);
        }
        serving.stream().filter(endpoint -> now.roles().get(endpoint.id()) == EndpointRole.STANDBY)
                .forEach(attempts::add);
        return new Route(attempts, attempts.isEmpty() ? Optional.empty() : shadow(serving, now));
    }

    private Optional<Endpoint> shadow(List<Endpoint> serving, RouteState now) {
        for (Endpoint endpoint : serving) {
            if (now.roles().get(endpoint.id()) == EndpointRole.SHADOW
                    && random.nextDouble() < plan.shadowFractions().getOrDefault(endpoint.id(), 0.0)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }

    private static Optional<Endpoint> withRole(List<Endpoint> serving, RouteState now, EndpointRole role) {
        return serving.stream().filter(endpoint -> now.roles().get(endpoint.id()) == role).findFirst();
    }
}
