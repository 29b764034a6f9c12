package dev.sheepdog.domain.service.caller;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.PriceTable;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.InMemoryLimitCounters;
import dev.sheepdog.domain.port.out.InMemoryRouteStore;
import dev.sheepdog.domain.port.out.InMemoryUsageLedger;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider;
import dev.sheepdog.domain.port.out.Telemetry;
import dev.sheepdog.domain.service.CompletionService;
import dev.sheepdog.domain.service.EndpointStatistics;
import dev.sheepdog.domain.service.KeyRing;
import dev.sheepdog.domain.service.RoutingState;
import dev.sheepdog.domain.service.TrafficRouter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** An admission service in front of one scripted endpoint serving deepseek-v3.2, over in-memory fakes. */
final class Admissions {

    static final String MODEL = "deepseek-v3.2";

    final ScriptedCompletionProvider provider = new ScriptedCompletionProvider();
    final InMemoryUsageLedger ledger;
    final InMemoryLimitCounters counters;
    final Clock clock;

    Admissions(Clock clock) {
        this(clock, new InMemoryUsageLedger());
    }

    /** Over a ledger that outlived an earlier gateway, as after a restart. */
    Admissions(Clock clock, InMemoryUsageLedger ledger) {
        this.clock = clock;
        this.ledger = ledger;
        this.counters = new InMemoryLimitCounters(clock);
    }

    AdmissionService service() {
        Endpoint endpoint = new Endpoint(new EndpointId("primary"), ScriptedCompletionProvider.NAME,
                URI.create("http://primary.test/v1"), Set.of(MODEL), StreamDeadlines.DEFAULT);
        Endpoints endpoints = new Endpoints(List.of(endpoint));
        Map<String, CompletionProvider> providers =
                Map.of(ScriptedCompletionProvider.NAME, provider);
        KeyRing keys = new KeyRing(new InMemoryKeyStore(), KeyPolicy.DEFAULT, clock, endpoints.ids(), providers,
                Telemetry.NONE);
        keys.useConfiguredKeys(Map.of(endpoint.id(), List.of(ApiKey.of("sk-provider-key-0001"))));
        RoutingPlan plan = RoutingPlan.single(endpoint.id());
        RoutingState state = new RoutingState(new InMemoryRouteStore(), plan, endpoints.ids());
        CompletionService completions = new CompletionService(endpoints, providers, keys,
                new TrafficRouter(endpoints, state, plan, new SplittableRandom(7)),
                new EndpointStatistics(clock, Duration.ofMinutes(5), new SplittableRandom(11)), Telemetry.NONE, clock);
        return new AdmissionService(completions, counters, ledger, PriceTable.DEFAULT, clock);
    }
}
