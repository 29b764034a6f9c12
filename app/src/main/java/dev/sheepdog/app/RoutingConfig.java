package dev.sheepdog.app;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.RoutingPlan;
import java.util.List;
import java.util.Map;

/**
 * The endpoints and routing of a configuration file.
 *
 * @param seedKeys the keys, read from the environment variables the file names, that seed an empty key store
 */
public record RoutingConfig(List<Endpoint> endpoints, Map<EndpointId, List<String>> seedKeys, RoutingPlan plan,
                            CanaryPolicy canary) {

    public RoutingConfig {
        endpoints = List.copyOf(endpoints);
        seedKeys = Map.copyOf(seedKeys);
        requireNonNull(plan, "plan");
        requireNonNull(canary, "canary");
    }

    @Override
    public String toString() {
        return "RoutingConfig[endpoints=" + endpoints.stream().map(Endpoint::id).toList() + ", plan=" + plan
                + ", keys hidden]";
    }
}
