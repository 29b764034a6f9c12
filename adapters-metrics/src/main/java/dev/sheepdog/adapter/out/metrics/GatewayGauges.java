package dev.sheepdog.adapter.out.metrics;

import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointTraffic;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.domain.model.TrafficReport;
import dev.sheepdog.domain.port.in.ListKeysUseCase;
import dev.sheepdog.domain.port.in.ViewTrafficUseCase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the gateway looks like now, read when Prometheus scrapes: each endpoint's role share and
 * circuit, the canary's weight, and how many keys are in each state.
 */
public final class GatewayGauges {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final ViewTrafficUseCase traffic;
    private final ListKeysUseCase keys;
    private final Clock clock;
    private TrafficReport report;
    private Instant reportedAt = Instant.MIN;

    public GatewayGauges(ViewTrafficUseCase traffic, ListKeysUseCase keys, Clock clock) {
        this.traffic = traffic;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Registers one gauge per endpoint and key state; the values are read at each scrape. The
     * registry holds the gauges strongly: Micrometer's default weak reference would let them be
     * collected, and read NaN, as nothing else keeps this object.
     */
    public void register(MeterRegistry registry, List<EndpointId> endpoints) {
        Gauge.builder("sheepdog.canary.weight", this, gauges -> gauges.report().canaryWeight())
                .description("The share of users the canary takes").strongReference(true).register(registry);
        for (EndpointId endpoint : endpoints) {
            Gauge.builder("sheepdog.route.share", this, gauges -> gauges.of(endpoint).share())
                    .description("The share of users an endpoint takes first").tag("endpoint", endpoint.value())
                    .strongReference(true).register(registry);
            Gauge.builder("sheepdog.circuit.state", this, gauges -> circuitValue(gauges.of(endpoint).circuit()))
                    .description("An endpoint's circuit: 0 closed, 1 half open, 2 open, -1 none")
                    .tag("endpoint", endpoint.value()).strongReference(true).register(registry);
            for (KeyState state : KeyState.values()) {
                Gauge.builder("sheepdog.keys", this, gauges -> gauges.count(endpoint, state))
                        .description("Keys of an endpoint in each state")
                        .tags("endpoint", endpoint.value(), "state", MicrometerTelemetry.name(state))
                        .strongReference(true).register(registry);
            }
        }
    }

    // Many gauges read the same report at a scrape: compute it once a second at most.
    private synchronized TrafficReport report() {
        Instant now = clock.instant();
        if (report == null || reportedAt.plus(FRESH).isBefore(now)) {
            report = traffic.traffic();
            reportedAt = now;
        }
        return report;
    }

    private EndpointTraffic of(EndpointId endpoint) {
        return report().endpoints().stream().filter(e -> e.endpoint().equals(endpoint)).findFirst().orElseThrow();
    }

    private double count(EndpointId endpoint, KeyState state) {
        Map<EndpointId, List<KeyStatus>> all = keys.listKeys();
        return all.getOrDefault(endpoint, List.of()).stream().filter(key -> key.state() == state).count();
    }

    private static double circuitValue(CircuitState state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
            case NONE -> -1;
        };
    }
}
