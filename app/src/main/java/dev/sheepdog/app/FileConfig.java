package dev.sheepdog.app;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Price;
import dev.sheepdog.domain.model.RoutingPlan;
import java.util.List;
import java.util.Map;

/**
 * What a configuration file says: its endpoints and routing, and the prices of models.
 *
 * @param seedKeys the keys, read from the environment variables the file names, that seed an empty key store
 * @param prices   prices added to (or replacing) the defaults, per model
 * @param access   who may call, with which plans
 */
public record FileConfig(List<Endpoint> endpoints, Map<EndpointId, List<String>> seedKeys, RoutingPlan plan,
                         CanaryPolicy canary, Map<String, Price> prices, AccessConfig access) {

    public FileConfig {
        endpoints = List.copyOf(endpoints);
        seedKeys = Map.copyOf(seedKeys);
        requireNonNull(plan, "plan");
        requireNonNull(canary, "canary");
        prices = Map.copyOf(prices);
        requireNonNull(access, "access");
    }

    /** A file with no {@code access:} section. */
    public FileConfig(List<Endpoint> endpoints, Map<EndpointId, List<String>> seedKeys, RoutingPlan plan,
                      CanaryPolicy canary, Map<String, Price> prices) {
        this(endpoints, seedKeys, plan, canary, prices, AccessConfig.DEFAULT);
    }

    @Override
    public String toString() {
        return "FileConfig[endpoints=" + endpoints.stream().map(Endpoint::id).toList() + ", plan=" + plan
                + ", keys hidden]";
    }
}
