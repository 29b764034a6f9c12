package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Routing as configured: each endpoint's role and the canary's starting weight (used when no
 * rollout state is stored yet), the share of requests each shadow gets, and how many shadow
 * requests may run at once.
 */
public record RoutingPlan(Map<EndpointId, EndpointRole> roles, double canaryWeight,
                          Map<EndpointId, Double> shadowFractions, int maxConcurrentShadows) {

    public RoutingPlan {
        roles = Map.copyOf(roles);
        shadowFractions = Map.copyOf(shadowFractions);
        shadowFractions.forEach((endpoint, fraction) -> {
            if (fraction < 0 || fraction > 1) {
                throw new IllegalArgumentException("the shadow fraction of " + endpoint + " must be in [0, 1]");
            }
        });
        if (maxConcurrentShadows < 0) {
            throw new IllegalArgumentException("the shadow concurrency cannot be negative");
        }
        requireNonNull(roles, "roles");
    }

    /** One endpoint, primary, no canary, no shadow: the plan of a gateway configured by environment variables. */
    public static RoutingPlan single(EndpointId endpoint) {
        return new RoutingPlan(Map.of(endpoint, EndpointRole.PRIMARY), 0, Map.of(), 0);
    }

    /** The state a rollout starts from when none is stored. */
    public RouteState initialState() {
        return new RouteState(roles, canaryWeight, false, 0, 0, java.util.List.of());
    }
}
