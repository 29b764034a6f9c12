package dev.sheepdog.domain.model;

import dev.sheepdog.domain.model.KeyChangeRejected.Reason;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The endpoints this gateway is configured with, in their configured order. */
public record Endpoints(List<Endpoint> all) {

    public Endpoints {
        all = List.copyOf(all);
        if (all.stream().map(Endpoint::id).distinct().count() != all.size()) {
            throw new IllegalArgumentException("two endpoints have the same id");
        }
    }

    public Endpoint find(EndpointId id) {
        return all.stream().filter(endpoint -> endpoint.id().equals(id)).findFirst()
                .orElseThrow(() -> new KeyChangeRejected(Reason.UNKNOWN_ENDPOINT, "No endpoint named " + id + "."));
    }

    /** The endpoints that serve the model, in configured order. */
    public List<Endpoint> serving(String model) {
        return all.stream().filter(endpoint -> endpoint.serves(model)).toList();
    }

    public Set<EndpointId> ids() {
        return all.stream().map(Endpoint::id).collect(Collectors.toUnmodifiableSet());
    }
}
