package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dev.sheepdog.adapter.in.http.AdminApi;
import dev.sheepdog.adapter.in.http.CallerAuthentication;
import dev.sheepdog.adapter.in.http.ClientAdministration;
import dev.sheepdog.domain.service.caller.AdmissionService;
import dev.sheepdog.domain.service.caller.ClientKeyService;
import dev.sheepdog.domain.service.caller.UsageReports;
import dev.sheepdog.adapter.in.http.JavalinHttpServer;
import dev.sheepdog.adapter.in.http.KeyAdministration;
import dev.sheepdog.adapter.in.http.Observability;
import dev.sheepdog.adapter.in.http.TrafficAdministration;
import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.health.Readiness;
import dev.sheepdog.domain.service.RoutingState;
import dev.sheepdog.domain.service.StoreChangeFollower;
import dev.sheepdog.domain.port.in.ListModelsUseCase;
import dev.sheepdog.domain.port.in.StreamCompletionUseCase;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.service.KeyRing;
import dev.sheepdog.domain.service.CanaryController;
import dev.sheepdog.domain.service.KeyService;
import dev.sheepdog.domain.service.RoutingService;
import dev.sheepdog.domain.service.SpendLedger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Singleton;

/** The inbound HTTP adapter. */
@Module
final class HttpModule {

    private HttpModule() {
    }

    @Provides
    @Singleton
    static JavalinHttpServer httpServer(GatewayConfig config, StreamCompletionUseCase completions,
                                        ListModelsUseCase models, CallerAuthentication callers, KeyService keys,
                                        RoutingService routing, SpendLedger spend, ClientKeyService clients,
                                        AdmissionService admission, UsageReports usage, Observability observability,
                                        Readiness readiness) {
        KeyAdministration keyAdministration = new KeyAdministration(keys, keys, keys, keys, keys, keys);
        TrafficAdministration traffic = new TrafficAdministration(routing, routing, routing, routing, routing);
        ClientAdministration clientAdministration = new ClientAdministration(clients, clients, clients, clients,
                admission, usage, config.access().plans());
        return new JavalinHttpServer(config.http(), completions, models, callers,
                config.adminToken().map(token -> new AdminApi(token, keyAdministration, traffic, spend,
                        clientAdministration)),
                Optional.of(observability), readiness);
    }

    @Provides
    @Singleton
    static Gateway gateway(GatewayConfig config, JavalinHttpServer http, Map<String, CompletionProvider> providers,
                           Endpoints endpoints, KeyRing keys, RoutingState routing, CanaryController canary,
                           CanaryPolicy canaryPolicy, Storage storage, Readiness readiness) {
        // In a fleet, what another gateway changes in the shared stores is taken over here too.
        new StoreChangeFollower(keys, routing).follow(storage.changes());
        return new Gateway(config, endpoints, http, () -> providers.values().forEach(provider -> provider.prepare(endpoints.all())),
                List.of(new Gateway.Chore("key sweep", keys::sweep, Duration.ofSeconds(5)),
                        new Gateway.Chore("canary controller", canary::evaluate, canaryPolicy.interval())),
                List.of(storage), readiness);
    }

    /** What {@code /readyz} reports: the gateway marks it ready and draining, and any adapter may degrade it. */
    @Provides
    @Singleton
    static Readiness readiness() {
        return new Readiness();
    }
}
