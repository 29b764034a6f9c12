package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.InstanceId;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.domain.port.out.Telemetry;
import dev.sheepdog.domain.service.CanaryController;
import dev.sheepdog.domain.service.CanaryFleet;
import dev.sheepdog.domain.service.EndpointStatistics;
import dev.sheepdog.domain.service.RoutingService;
import dev.sheepdog.domain.service.RoutingState;
import dev.sheepdog.domain.service.TrafficRouter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import javax.inject.Singleton;

/** Traffic routing: the plan, its stored state, the router, the endpoints' statistics and the canary controller. */
@Module
final class RoutingModule {

    // Each caller thread draws from its own generator: no contention on the hot path.
    private static final RandomGenerator PER_THREAD = () -> ThreadLocalRandom.current().nextLong();

    private RoutingModule() {
    }

    @Provides
    @Singleton
    static RoutingPlan plan(GatewayConfig config, Endpoints endpoints) {
        return config.file().map(FileConfig::plan)
                .orElseGet(() -> RoutingPlan.single(endpoints.all().getFirst().id()));
    }

    @Provides
    @Singleton
    static CanaryPolicy canaryPolicy(GatewayConfig config) {
        return config.file().map(FileConfig::canary).orElse(CanaryPolicy.DEFAULT);
    }

    @Provides
    @Singleton
    static RoutingState routingState(RouteStore store, RoutingPlan plan, Endpoints endpoints) {
        return new RoutingState(store, plan, endpoints.ids());
    }

    @Provides
    @Singleton
    static TrafficRouter router(Endpoints endpoints, RoutingState state, RoutingPlan plan) {
        return new TrafficRouter(endpoints, state, plan, PER_THREAD);
    }

    @Provides
    @Singleton
    static EndpointStatistics statistics(Clock clock, CanaryPolicy policy) {
        return new EndpointStatistics(clock, policy.window(), PER_THREAD);
    }

    @Provides
    @Singleton
    static CanaryController canaryController(RoutingState state, EndpointStatistics statistics, CanaryPolicy policy,
                                             Telemetry telemetry, Clock clock, Storage storage, InstanceId instance) {
        // Every gateway reports its windows; the one judge, elected in the storage, judges the fleet's.
        CanaryFleet fleet = new CanaryFleet(instance, storage.statistics(), storage.judge());
        return new CanaryController(state, statistics, fleet, policy, telemetry, clock);
    }

    @Provides
    @Singleton
    static RoutingService routingService(Endpoints endpoints, RoutingState state, RoutingPlan plan,
                                         EndpointStatistics statistics, Map<String, CompletionProvider> providers,
                                         Telemetry telemetry, Clock clock) {
        return new RoutingService(endpoints, state, plan, statistics, providers, telemetry, clock);
    }
}
