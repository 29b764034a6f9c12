package dev.sheepdog.app;

import dagger.BindsInstance;
import dagger.Component;
import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import java.time.Clock;
import dev.sheepdog.domain.service.KeyService;
import javax.inject.Singleton;

/** The wired gateway: Dagger generates the code that builds every adapter and service from the config. */
@Singleton
@Component(modules = {ProviderModule.class, StorageModule.class, KeyModule.class, RoutingModule.class, DomainModule.class,
        MetricsModule.class, HttpModule.class, CallerModule.class})
public interface GatewayComponent {

    Gateway gateway();

    /** The in-process model, exposed so tests and demos can watch what happened to its streams. */
    SimulatedCompletionProvider simulator();

    /** The key management behind the admin API, exposed so that tests can rotate a key as an operator does. */
    KeyService keys();

    @Component.Factory
    interface Factory {
        GatewayComponent create(@BindsInstance GatewayConfig config, @BindsInstance Clock clock);
    }

    static GatewayComponent create(GatewayConfig config, Clock clock) {
        return DaggerGatewayComponent.factory().create(config, clock);
    }
}
