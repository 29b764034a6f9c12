package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A named set of limits and budgets, and the models it may use (none named: every model). Client
 * keys carry their own; users from a verified token get the plan their token's claim names.
 */
public record Plan(String name, Limits limits, Set<String> models) {

    /** What the operator on loopback gets, and a plan that bounds nothing. */
    public static final Plan UNLIMITED = new Plan("unlimited", Limits.NONE, Set.of());

    public Plan {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a plan needs a name");
        }
        requireNonNull(limits, "limits");
        models = Set.copyOf(models);
    }

    public boolean allowsModel(String model) {
        return models.isEmpty() || models.contains(model);
    }

    public Plan withLimits(Limits other) {
        return new Plan(name, other, models);
    }
}
