package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.port.out.RouteStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The rollout's current state: read on every request, changed by the controller and operators,
 * and stored before a change takes effect, so a restart resumes exactly where it was. A change is
 * made to what is stored, never to this gateway's copy, so it cannot undo another gateway's.
 */
public final class RoutingState {

    private final RouteStore store;
    private final RoutingPlan plan;
    private final Set<EndpointId> configured;
    private volatile RouteState current;

    public RoutingState(RouteStore store, RoutingPlan plan, Set<EndpointId> configured) {
        this.store = store;
        this.plan = plan;
        this.configured = Set.copyOf(configured);
        this.current = store.load().map(stored -> reconcile(stored, plan, configured)).orElse(plan.initialState());
    }

    /**
     * Takes over the stored state, when another gateway sharing the store changed it (a weight, a
     * promotion, a rollback). Nothing changes when nothing is stored.
     *
     * @throws dev.sheepdog.domain.model.RouteStoreException when the store cannot be read; the state is then unchanged
     */
    public synchronized void reload() {
        store.load().ifPresent(stored -> current = reconcile(stored, plan, configured));
    }

    public RouteState current() {
        return current;
    }

    /**
     * Applies the change to the state stored now, which another gateway sharing the store may have
     * changed since this one last heard, and stores the result in one atomic step; then uses it.
     * When storing fails the state is unchanged.
     */
    public synchronized RouteState update(UnaryOperator<RouteState> change) {
        current = store.update(stored -> change.apply(
                stored.map(state -> reconcile(state, plan, configured)).orElseGet(plan::initialState)));
        return current;
    }

    // The stored roles win for endpoints still configured; endpoints new to the configuration take
    // their configured role unless it would make a second primary or canary.
    private static RouteState reconcile(RouteState stored, RoutingPlan plan, Set<EndpointId> configured) {
        Map<EndpointId, EndpointRole> roles = new LinkedHashMap<>();
        stored.roles().forEach((endpoint, role) -> {
            if (configured.contains(endpoint)) {
                roles.put(endpoint, role);
            }
        });
        plan.roles().forEach((endpoint, role) -> {
            boolean taken = (role == EndpointRole.PRIMARY || role == EndpointRole.CANARY) && roles.containsValue(role);
            if (!roles.containsKey(endpoint)) {
                roles.put(endpoint, taken ? EndpointRole.STANDBY : role);
            }
        });
        double weight = roles.containsValue(EndpointRole.CANARY) ? stored.canaryWeight() : 0;
        return new RouteState(roles, weight, stored.paused(), stored.healthyStreak(), stored.unhealthyStreak(),
                stored.decisions());
    }
}
