package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.RouteState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a decision changes the route state; repeated waits and holds at the same weight are kept as one. */
final class RouteDecisions {

    private RouteDecisions() {
    }

    static RouteState record(RouteState state, CanaryDecision decision, int healthyStreak, int worseStreak) {
        return new RouteState(state.roles(), decision.weightAfter(), pausedAfter(state, decision), healthyStreak,
                worseStreak, append(state.decisions(), decision));
    }

    /** The canary becomes the primary; the old primary stands by for failover. */
    static RouteState promote(RouteState state, CanaryDecision decision, EndpointId primary, EndpointId canary) {
        Map<EndpointId, EndpointRole> roles = new LinkedHashMap<>(state.roles());
        roles.put(canary, EndpointRole.PRIMARY);
        roles.put(primary, EndpointRole.STANDBY);
        return new RouteState(roles, 0, state.paused(), 0, 0, append(state.decisions(), decision));
    }

    private static boolean pausedAfter(RouteState state, CanaryDecision decision) {
        return switch (decision.action()) {
            case PAUSE -> true;
            case RESUME -> false;
            default -> state.paused();
        };
    }

    private static List<CanaryDecision> append(List<CanaryDecision> decisions, CanaryDecision decision) {
        List<CanaryDecision> all = new ArrayList<>(decisions);
        boolean repeat = !all.isEmpty() && isQuiet(decision) && all.getLast().action() == decision.action()
                && all.getLast().weightAfter() == decision.weightAfter();
        if (repeat) {
            all.set(all.size() - 1, decision);
        } else {
            all.add(decision);
        }
        return all;
    }

    private static boolean isQuiet(CanaryDecision decision) {
        return decision.action() == CanaryDecision.Action.WAIT || decision.action() == CanaryDecision.Action.HOLD;
    }
}
