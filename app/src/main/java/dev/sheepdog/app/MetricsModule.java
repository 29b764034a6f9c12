package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dev.sheepdog.adapter.in.http.Observability;
import dev.sheepdog.adapter.in.http.StreamObserver;
import dev.sheepdog.adapter.out.metrics.GatewayGauges;
import dev.sheepdog.adapter.out.metrics.MicrometerTelemetry;
import dev.sheepdog.adapter.out.metrics.StreamMetrics;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.KnownModels;
import dev.sheepdog.domain.model.PriceTable;
import dev.sheepdog.domain.port.out.Telemetry;
import dev.sheepdog.domain.service.KeyService;
import dev.sheepdog.domain.service.RoutingService;
import dev.sheepdog.domain.service.SpendLedger;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;

/** Metrics and cost: the Prometheus registry, the telemetry the domain reports to, and the spend ledger in front of it. */
@Module
final class MetricsModule {

    private MetricsModule() {
    }

    @Provides
    @Singleton
    @SuppressWarnings("resource") // the binders live as long as the registry
    static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    @Provides
    @Singleton
    static PriceTable prices(GatewayConfig config) {
        return config.file().map(file -> PriceTable.DEFAULT.with(file.prices())).orElse(PriceTable.DEFAULT);
    }

    /** The models metrics and spend name one by one: configured, priced, or listed by a provider. */
    @Provides
    @Singleton
    static KnownModels knownModels(Endpoints endpoints, PriceTable prices) {
        return new KnownModels(endpoints, prices);
    }

    /** What the domain reports to: the ledger costs each completion, then the metrics count it. */
    @Provides
    @Singleton
    static SpendLedger spendLedger(PriceTable prices, KnownModels models, PrometheusMeterRegistry registry,
                                   Clock clock) {
        return new SpendLedger(prices, models, new MicrometerTelemetry(registry, models), clock);
    }

    @Provides
    static Telemetry telemetry(SpendLedger ledger) {
        return ledger;
    }

    @Provides
    @Singleton
    static Observability observability(GatewayConfig config, PrometheusMeterRegistry registry, RoutingService routing,
                                       KeyService keys, Endpoints endpoints, Clock clock, Storage storage) {
        new GatewayGauges(routing, keys, clock).register(registry, endpoints.all().stream().map(Endpoint::id).toList());
        // Fleet mode's outage: usage records waiting for the shared database, and those lost past the queue's room.
        Gauge.builder("sheepdog.usage.waiting", storage, Storage::usageWaiting)
                .description("Usage records waiting for the shared database to take them").register(registry);
        FunctionCounter.builder("sheepdog.usage.lost", storage, Storage::usageLost)
                .description("Usage records lost because too many were waiting for the shared database")
                .register(registry);
        FunctionCounter.builder("sheepdog.limits.degraded", storage, Storage::limitsDegraded)
                .description("Limit decisions taken on this gateway's own counters while the shared ones could not answer")
                .register(registry);
        Gauge.builder("sheepdog.stream.slots.owed", storage, Storage::streamSlotsOwed)
                .description("Stream slots of ended streams not yet given back to the shared counters")
                .register(registry);
        FunctionCounter.builder("sheepdog.budgets.estimated", storage, Storage::budgetsEstimated)
                .description("Budget checks against an estimated spend while the shared ledger could not answer")
                .register(registry);
        StreamMetrics streams = new StreamMetrics(registry);
        return new Observability(registry::scrape, new StreamObserver() {
            @Override
            public void streamOpened() {
                streams.streamOpened();
            }

            @Override
            public void streamClosed() {
                streams.streamClosed();
            }

            @Override
            public void firstChunkDelivered(Duration beforeUpstream, Duration afterUpstream) {
                streams.firstChunkDelivered(beforeUpstream, afterUpstream);
            }
        }, config.access().metricsToken());
    }
}
