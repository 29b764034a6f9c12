package dev.sheepdog.adapter.out.metrics;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyEvent;
import dev.sheepdog.domain.model.KnownModels;
import dev.sheepdog.domain.model.ShadowComparison;
import dev.sheepdog.domain.port.out.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The domain's telemetry as Prometheus metrics: every completion, token gap, canary decision, key
 * event and shadow comparison. README.md lists every metric. A model is a label only when it is
 * known; any name a caller made up counts as "other", so no request can add a series.
 */
public final class MicrometerTelemetry implements Telemetry {

    private final MeterRegistry registry;
    private final KnownModels models;
    // Looking a meter up by name and tags allocates; the per-token path reuses the one it found.
    private final Map<List<String>, Timer> tokenGaps = new ConcurrentHashMap<>();

    public MicrometerTelemetry(MeterRegistry registry, KnownModels models) {
        this.registry = registry;
        this.models = models;
    }

    @Override
    public void completionEnded(CompletionRecord record) {
        String endpoint = record.endpoint().value();
        String traffic = name(record.traffic());
        String outcome = name(record.outcome());
        String model = models.labelOf(record.model());
        Counter.builder("sheepdog.requests").description("Completions that ended, by outcome and error type")
                .tags("endpoint", endpoint, "model", model, "traffic", traffic, "outcome", outcome,
                        "error", record.failure().map(MicrometerTelemetry::name).orElse("none"))
                .register(registry).increment();
        record.timeToFirstToken().ifPresent(ttft -> timer("sheepdog.time.to.first.token",
                "From sending the request to the provider to its first chunk", Buckets.FIRST_TOKEN,
                "endpoint", endpoint, "model", model, "traffic", traffic).record(ttft));
        timer("sheepdog.stream.duration", "From sending the request to the provider to the end of the completion",
                Buckets.STREAM, "endpoint", endpoint, "model", model, "traffic", traffic, "outcome", outcome)
                .record(record.duration());
        String estimated = String.valueOf(record.usage().estimated());
        tokens(record, model, "input", estimated).increment(record.usage().promptTokens());
        tokens(record, model, "output", estimated).increment(record.usage().completionTokens());
        record.costUsd().ifPresentOrElse(
                cost -> Counter.builder("sheepdog.cost.usd").description("What the completions cost, in US dollars")
                        .tags("endpoint", endpoint, "model", model, "traffic", traffic)
                        .register(registry).increment(cost.doubleValue()),
                () -> Counter.builder("sheepdog.unpriced.requests")
                        .description("Completions of a model with no price: their cost is unknown, not zero")
                        .tags("endpoint", endpoint, "model", model).register(registry).increment());
    }

    @Override
    public void tokenGap(EndpointId endpoint, String model, Duration gap) {
        List<String> labels = List.of(endpoint.value(), models.labelOf(model));
        tokenGaps.computeIfAbsent(labels, key -> timer("sheepdog.time.between.tokens", "Between two chunks with text of a live stream", Buckets.TOKEN_GAP, "endpoint", key.get(0),
                "model", key.get(1))).record(gap);
    }

    @Override
    public void canaryDecided(CanaryDecision decision) {
        Counter.builder("sheepdog.canary.decisions").description("Decisions about the canary, by the controller or an operator")
                .tag("action", name(decision.action())).register(registry).increment();
        if (decision.action() == CanaryDecision.Action.ROLL_BACK) {
            Counter.builder("sheepdog.canary.rollbacks").description("Canary roll-backs: alert on any increase")
                    .register(registry).increment();
        }
    }

    @Override
    public void shadowCompared(ShadowComparison comparison) {
        String shadow = comparison.shadow().endpoint().value();
        Counter.builder("sheepdog.shadow.comparisons").description("Requests answered by a shadow beside the live endpoint")
                .tags("shadow", shadow, "live_outcome", name(comparison.live().outcome()),
                        "shadow_outcome", name(comparison.shadow().outcome()))
                .register(registry).increment();
        comparison.live().timeToFirstToken().filter(live -> !live.isZero()).ifPresent(live ->
                comparison.shadow().timeToFirstToken().ifPresent(copy ->
                        DistributionSummary.builder("sheepdog.shadow.ttft.ratio")
                                .description("The shadow's time to first token over the live one's, for the same request")
                                .tag("shadow", shadow).serviceLevelObjectives(0.5, 0.8, 1, 1.25, 1.5, 2, 3, 5)
                                .register(registry).record((double) copy.toNanos() / live.toNanos())));
    }

    @Override
    public void shadowSkipped(EndpointId shadow) {
        Counter.builder("sheepdog.shadow.skipped").description("Copies not sent because the shadows were saturated")
                .tag("shadow", shadow.value()).register(registry).increment();
    }

    @Override
    public void attemptSkipped(EndpointId endpoint) {
        Counter.builder("sheepdog.skipped.attempts")
                .description("Attempts skipped without a network call because the endpoint's circuit was open")
                .tag("endpoint", endpoint.value()).register(registry).increment();
    }

    @Override
    public void keyEvent(KeyEvent event) {
        Counter.builder("sheepdog.key.events").description(
                "Keys disabled, cooled, rolled back or retired by traffic, and each re-check of a refused key")
                .tags("endpoint", event.endpoint().value(), "kind", name(event.kind())).register(registry).increment();
    }

    private Counter tokens(CompletionRecord record, String model, String direction, String estimated) {
        return Counter.builder("sheepdog.tokens").description("Tokens in (prompt) and out (completion)")
                .tags("endpoint", record.endpoint().value(), "model", model, "traffic", name(record.traffic()),
                        "direction", direction, "estimated", estimated)
                .register(registry);
    }

    private Timer timer(String metric, String description, Duration[] buckets, String... tags) {
        return Timer.builder(metric).description(description).tags(tags).serviceLevelObjectives(buckets)
                .register(registry);
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
