package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dev.sheepdog.adapter.out.keystore.FileKeyStore;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.Telemetry;
import dev.sheepdog.domain.service.KeyRing;
import dev.sheepdog.domain.service.KeyService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Singleton;

/** Key storage, the pools built from it, and the operator's key management. */
@Module
final class KeyModule {

    private KeyModule() {
    }

    @Provides
    @Singleton
    static FileKeyStore fileKeyStore(GatewayConfig config) {
        return new FileKeyStore(config.dataDir(), config.masterKey());
    }

    @Provides
    static KeyStore keyStore(FileKeyStore store) {
        return store;
    }

    @Provides
    @Singleton
    static KeyRing keyRing(KeyStore store, GatewayConfig config, Clock clock, Endpoints endpoints,
                           Map<String, CompletionProvider> providers, Telemetry telemetry) {
        // The providers re-check a key refused on a completion before it is disabled; key events reach the metrics.
        KeyRing ring = new KeyRing(store, config.keyPolicy(), clock, endpoints.ids(), providers, telemetry);
        Map<EndpointId, List<String>> seeds = config.file().map(FileConfig::seedKeys).orElseGet(() ->
                endpoints.ids().contains(ProviderModule.HOLYSHEEP)
                        ? Map.of(ProviderModule.HOLYSHEEP, config.holySheepKeys()) : Map.of());
        Map<EndpointId, List<ApiKey>> keys = new LinkedHashMap<>();
        seeds.forEach((endpoint, secrets) -> keys.put(endpoint, secrets.stream().distinct().map(ApiKey::of).toList()));
        ring.seedIfEmpty(keys);
        return ring;
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
