package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a rollout stands: each endpoint's role, the canary's share of users, whether the
 * controller may move it, and the recent decisions. Kept in the route store so that a restart,
 * or a second gateway, continues where the rollout was.
 *
 * @param canaryWeight   the share of users the canary takes, in [0, 1]
 * @param healthyStreak  consecutive healthy evaluations of the canary (for hysteresis)
 * @param unhealthyStreak consecutive clearly-worse evaluations of the canary
 * @param decisions      the most recent decisions, oldest first
 */
public record RouteState(Map<EndpointId, EndpointRole> roles, double canaryWeight, boolean paused,
                         int healthyStreak, int unhealthyStreak, List<CanaryDecision> decisions) {

    /** How many decisions are kept. */
    public static final int DECISIONS_KEPT = 50;

    public RouteState {
        roles = Map.copyOf(roles);
        if (canaryWeight < 0 || canaryWeight > 1 || Double.isNaN(canaryWeight)) {
            throw new IllegalArgumentException("the canary weight must be in [0, 1]: " + canaryWeight);
        }
        if (roles.values().stream().filter(role -> role == EndpointRole.PRIMARY).count() > 1
                || roles.values().stream().filter(role -> role == EndpointRole.CANARY).count() > 1) {
            throw new IllegalArgumentException("there can be at most one primary and one canary");
        }
        requireNonNull(decisions, "decisions");
        decisions = List.copyOf(decisions.subList(Math.max(0, decisions.size() - DECISIONS_KEPT), decisions.size()));
    }

    public Optional<EndpointId> withRole(EndpointRole role) {
        return roles.entrySet().stream().filter(entry -> entry.getValue() == role).map(Map.Entry::getKey).findFirst();
    }
}
