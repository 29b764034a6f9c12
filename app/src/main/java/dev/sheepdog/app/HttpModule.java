package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dev.sheepdog.adapter.in.http.JavalinHttpServer;
import dev.sheepdog.adapter.out.holysheep.HolySheepCompletionProvider;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.port.in.ListModelsUseCase;
import dev.sheepdog.domain.port.in.StreamCompletionUseCase;
import java.util.List;
import javax.inject.Singleton;

/** The inbound HTTP adapter. */
@Module
final class HttpModule {

    private HttpModule() {
    }

    @Provides
    @Singleton
    static JavalinHttpServer httpServer(GatewayConfig config, StreamCompletionUseCase completions,
                                        ListModelsUseCase models) {
        return new JavalinHttpServer(config.http(), completions, models);
    }

    @Provides
    @Singleton
    static Gateway gateway(GatewayConfig config, JavalinHttpServer http, HolySheepCompletionProvider holySheep,
                           List<Endpoint> endpoints) {
        return new Gateway(config, http, () -> holySheep.prepare(endpoints));
    }
}
