package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the domain's services the way the app wires them, over in-memory fakes. */
final class Gateways {

    private Gateways() {
    }

    static KeyRing keyRing(List<Endpoint> endpoints, Map<EndpointId, ApiKey> keys, Clock clock) {
        KeyRing ring = new KeyRing(new InMemoryKeyStore(), KeyPolicy.DEFAULT, clock,
                new Endpoints(endpoints).ids());
        Map<EndpointId, List<ApiKey>> seeds = new LinkedHashMap<>();
        keys.forEach((endpoint, key) -> seeds.put(endpoint, List.of(key)));
        ring.seedIfEmpty(seeds);
        return ring;
    }

    static CompletionService completions(List<Endpoint> endpoints, Map<String, CompletionProvider> providers,
                                         Map<EndpointId, ApiKey> keys, Telemetry telemetry, Clock clock) {
        return new CompletionService(new Endpoints(endpoints), providers, keyRing(endpoints, keys, clock), telemetry,
                clock);
    }
}
