package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.domain.port.out.CompletionProvider;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.inject.Singleton;

/** The provider adapters and the endpoints they serve. */
@Module
final class ProviderModule {

    static final EndpointId SIMULATOR = new EndpointId("simulator");

    private ProviderModule() {
    }

    @Provides
    @Singleton
    static SimulatedCompletionProvider simulator(GatewayConfig config, Clock clock) {
        return new SimulatedCompletionProvider(config.simulator(), clock);
    }

    @Provides
    @Singleton
    static Map<String, CompletionProvider> providers(SimulatedCompletionProvider simulator) {
        return Map.of(SimulatedCompletionProvider.NAME, simulator);
    }

    @Provides
    @Singleton
    static List<Endpoint> endpoints(GatewayConfig config) {
        return List.of(new Endpoint(SIMULATOR, SimulatedCompletionProvider.NAME, URI.create("sim://local"),
                new HashSet<>(config.simulator().models()), StreamDeadlines.DEFAULT));
    }

    @Provides
    @Singleton
    static Map<EndpointId, ApiKey> keys() {
        return Map.of();
    }
}
