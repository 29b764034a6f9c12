package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.KnownModels;
import dev.sheepdog.domain.port.in.ListModelsUseCase;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.Telemetry;
import dev.sheepdog.domain.service.CompletionService;
import dev.sheepdog.domain.service.EndpointStatistics;
import dev.sheepdog.domain.service.KeyRing;
import dev.sheepdog.domain.service.ModelCatalogue;
import dev.sheepdog.domain.service.TrafficRouter;
import java.time.Clock;
import java.util.Map;
import javax.inject.Singleton;

/** The completion service, bound to the inbound ports the adapters call. */
@Module
final class DomainModule {

    private DomainModule() {
    }

    @Provides
    @Singleton
    static CompletionService completionService(Endpoints endpoints, Map<String, CompletionProvider> providers,
                                               KeyRing keys, TrafficRouter router, EndpointStatistics statistics,
                                               Telemetry telemetry, Clock clock) {
        return new CompletionService(endpoints, providers, keys, router, statistics, telemetry, clock);
    }

    @Provides
    static ListModelsUseCase listModels(CompletionService service, KnownModels known) {
        return new ModelCatalogue(service, known);
    }
}
