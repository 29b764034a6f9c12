package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import dev.sheepdog.adapter.out.anthropic.AnthropicCompletionProvider;
import dev.sheepdog.adapter.out.holysheep.HolySheepCompletionProvider;
import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.providers.ProviderHttp;
import dev.sheepdog.providers.circuit.CircuitBreakingProvider;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Named;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider adapters and the endpoints they serve: those of the configuration file, or else
 * HolySheep with a key and the simulator without.
 */
@Module
final class ProviderModule {

    private static final Logger LOG = LoggerFactory.getLogger("sheepdog");
    static final EndpointId SIMULATOR = new EndpointId("simulator");
    static final EndpointId HOLYSHEEP = new EndpointId("holysheep");
    private static final String ADAPTERS = "provider adapters";

    private ProviderModule() {
    }

    @Provides
    @Singleton
    static SimulatedCompletionProvider simulator(GatewayConfig config) {
        return new SimulatedCompletionProvider(config.simulator());
    }

    // Each provider adapter registers itself under its name; sheepdog.yaml's `provider:` picks one by it.
    @Provides
    @IntoMap
    @StringKey(SimulatedCompletionProvider.NAME)
    @Named(ADAPTERS)
    static CompletionProvider simulatorProvider(SimulatedCompletionProvider simulator) {
        return simulator;
    }

    @Provides
    @IntoMap
    @StringKey(HolySheepCompletionProvider.NAME)
    @Named(ADAPTERS)
    static CompletionProvider openAiCompatibleProvider(Clock clock) {
        return new HolySheepCompletionProvider(clock);
    }

    @Provides
    @IntoMap
    @StringKey(AnthropicCompletionProvider.NAME)
    @Named(ADAPTERS)
    static CompletionProvider anthropicProvider(Clock clock) {
        return new AnthropicCompletionProvider(new ProviderHttp(clock));
    }

    /**
     * The providers the domain calls, by name: every adapter behind its endpoints' circuit breakers, so
     * that no provider can leave the path a failing endpoint is skipped on.
     */
    @Provides
    @Singleton
    static Map<String, CompletionProvider> providers(@Named(ADAPTERS) Map<String, CompletionProvider> adapters,
                                                     Clock clock) {
        Map<String, CompletionProvider> guarded = new LinkedHashMap<>();
        adapters.forEach((name, adapter) -> guarded.put(name, new CircuitBreakingProvider(adapter, clock)));
        return Map.copyOf(guarded);
    }

    /**
     * HolySheep when a key is set in the environment, or stored for HolySheep at this base URL (keys stored
     * before base URLs were recorded count as stored for it); the simulator otherwise.
     */
    @Provides
    @Singleton
    static List<Endpoint> endpoints(GatewayConfig config, KeyStore store) {
        if (config.file().isPresent()) {
            return config.file().get().endpoints();
        }
        if (config.holySheepKeys().isEmpty() && !storedFor(store, config.holySheepUrl())) {
            return List.of(new Endpoint(SIMULATOR, SimulatedCompletionProvider.NAME, URI.create("sim://local"),
                    new HashSet<>(config.simulator().models()), config.deadlines()));
        }
        // Every model goes to the provider: it knows its own catalogue, and answers 404 for the rest.
        return List.of(new Endpoint(HOLYSHEEP, HolySheepCompletionProvider.NAME, config.holySheepUrl(), Set.of(),
                config.deadlines()));
    }

    private static boolean storedFor(KeyStore store, URI baseUrl) {
        URI storedFor = store.baseUrls().get(HOLYSHEEP);
        List<StoredKey> stored = store.load().getOrDefault(HOLYSHEEP, List.of());
        if (!stored.isEmpty() && storedFor != null && !storedFor.equals(baseUrl)) {
            LOG.warn("the stored keys {} were stored for {}, not {}: they are not used (set HOLYSHEEP_BASE_URL={} "
                    + "to use them)", stored.stream().map(key -> key.key().fingerprint()).toList(), storedFor,
                    baseUrl, storedFor);
        }
        return !stored.isEmpty() && (storedFor == null || storedFor.equals(baseUrl));
    }


    /** Whether every endpoint is the built-in simulator, so that nothing the gateway does spends money. */
    static boolean simulatorOnly(Endpoints endpoints) {
        return endpoints.all().stream()
                .allMatch(endpoint -> endpoint.provider().equals(SimulatedCompletionProvider.NAME));
    }
}
