package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.Telemetry;
import dev.sheepdog.domain.service.KeyRing;
import dev.sheepdog.domain.service.KeyService;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Key storage, the pools built from it, and the operator's key management. */
@Module
final class KeyModule {

    private static final Logger LOG = LoggerFactory.getLogger("sheepdog");

    private KeyModule() {
    }

    @Provides
    @Singleton
    static KeyRing keyRing(KeyStore store, GatewayConfig config, Clock clock, Endpoints endpoints,
                           Map<String, CompletionProvider> providers, Telemetry telemetry, Storage storage) {
        // The providers re-check a key refused on a completion before it is disabled; key events reach the metrics.
        Map<EndpointId, URI> baseUrls = new LinkedHashMap<>();
        endpoints.all().forEach(endpoint -> baseUrls.put(endpoint.id(), endpoint.baseUrl()));
        // In a fleet, a key rate limited on one gateway rests on all of them.
        KeyRing ring = new KeyRing(store, config.keyPolicy(), clock, baseUrls, providers, telemetry, storage.rests());
        Map<EndpointId, List<String>> seeds = config.file().map(FileConfig::seedKeys).orElseGet(() ->
                endpoints.ids().contains(ProviderModule.HOLYSHEEP)
                        ? Map.of(ProviderModule.HOLYSHEEP, config.holySheepKeys()) : Map.of());
        Map<EndpointId, List<ApiKey>> keys = new LinkedHashMap<>();
        seeds.forEach((endpoint, secrets) -> keys.put(endpoint, secrets.stream().distinct().map(ApiKey::of).toList()));
        ring.useConfiguredKeys(keys);
        announce(ring, endpoints, keys);
        return ring;
    }

    // Which keys go where, and why, by fingerprint: the environment wins over the store when it sets a key.
    private static void announce(KeyRing ring, Endpoints endpoints, Map<EndpointId, List<ApiKey>> configured) {
        for (Endpoint endpoint : endpoints.all()) {
            List<KeyStatus> keys = ring.statuses().getOrDefault(endpoint.id(), List.of());
            if (!endpoint.provider().equals(SimulatedCompletionProvider.NAME)) {
                LOG.info("endpoint {} at {} uses keys {} from {}", endpoint.id(), endpoint.baseUrl(),
                        keys.stream().map(KeyStatus::fingerprint).toList(),
                        configured.getOrDefault(endpoint.id(), List.of()).isEmpty()
                                ? "the key store (no key for it is set in the environment)" : "the environment");
            }
        }
    }

    @Provides
    @Singleton
    static KeyService keyService(KeyRing ring, Endpoints endpoints, Map<String, CompletionProvider> providers,
                                 GatewayConfig config, Clock clock) {
        return new KeyService(ring, endpoints, providers, config.keyPolicy(), clock);
    }

    @Provides
    @Singleton
    static Endpoints endpoints(List<Endpoint> endpoints) {
        return new Endpoints(endpoints);
    }
}
