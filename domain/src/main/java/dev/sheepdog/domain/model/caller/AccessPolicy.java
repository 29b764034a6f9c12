package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * Who is served without a client key or user token. Safe by default: with a real provider
 * behind the gateway, only the operator's own machine is served anonymously, unless the operator
 * opened it on purpose; then each address is bounded by the anonymous plan.
 *
 * @param anonymousAllowed whether callers with no credentials are served (by address) from anywhere
 * @param anonymousPlan    the limits each anonymous address gets
 * @param userPlans        the plans a user token's plan claim may name
 * @param defaultUserPlan  the plan of a user whose token names none, or names one not defined
 */
public record AccessPolicy(boolean anonymousAllowed, Plan anonymousPlan, Map<String, Plan> userPlans,
                           Plan defaultUserPlan) {

    public AccessPolicy {
        requireNonNull(anonymousPlan, "anonymousPlan");
        userPlans = Map.copyOf(userPlans);
        requireNonNull(defaultUserPlan, "defaultUserPlan");
    }

    /** The plan for a user whose token names {@code planName}. */
    public Plan planOf(Optional<String> planName) {
        return planName.map(userPlans::get).orElse(defaultUserPlan);
    }
}
