package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.port.out.RecordingTelemetry;
import dev.sheepdog.domain.port.out.RouteStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A canary rollout under test: a primary and a canary starting at 10%, the controller judging once
 * a minute on the last minute of synthetic traffic, and a store that outlives a restart.
 */
final class CanaryRollout {

    static final EndpointId PRIMARY = new EndpointId("primary");
    static final EndpointId CANARY = new EndpointId("canary");
    static final Duration PRIMARY_TTFT = Duration.ofMillis(400);
    static final CanaryPolicy POLICY = policy(Optional.empty());
    static final RoutingPlan PLAN = new RoutingPlan(Map.of(PRIMARY, EndpointRole.PRIMARY, CANARY, EndpointRole.CANARY),
            0.1, Map.of(), 0);

    final ManualClock clock = new ManualClock();
    final RecordingTelemetry telemetry = new RecordingTelemetry();
    final RouteStore store;
    final CanaryPolicy policy;
    final EndpointStatistics statistics;
    RoutingState state;
    CanaryController controller;

    CanaryRollout() {
        this(new Gateways.MemoryRouteStore(), POLICY);
    }

    CanaryRollout(RouteStore store, CanaryPolicy policy) {
        this.store = store;
        this.policy = policy;
        this.statistics = new EndpointStatistics(clock, policy.window(), new SplittableRandom(17));
        restart();
    }

    /** Judges every minute on the last minute, 1.2x tolerance, 2x roll-back, two judgements for either. */
    static CanaryPolicy policy(Optional<Duration> p95Slo) {
        return new CanaryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1), 20, 0.1, 1.2, p95Slo, 2.0, 0.01, 0.05,
                2, 2);
    }

    /** A new gateway process: the routing state read back from the store, a new controller. */
    void restart() {
        state = new RoutingState(store, PLAN, Set.of(PRIMARY, CANARY));
        controller = new CanaryController(state, statistics, policy, telemetry, clock);
    }

    /** A minute passes with 50 requests on each side, then the controller judges. */
    Optional<CanaryDecision> judge(Duration canaryTtft, int canaryErrors) {
        return judge(50, 0, 50, canaryTtft, canaryErrors);
    }

    Optional<CanaryDecision> judge(int primaryRequests, int primaryErrors, int canaryRequests, Duration canaryTtft,
                                   int canaryErrors) {
        clock.advance(policy.interval());
        SyntheticTraffic.feed(statistics, PRIMARY, primaryRequests, PRIMARY_TTFT, primaryErrors);
        SyntheticTraffic.feed(statistics, CANARY, canaryRequests, canaryTtft, canaryErrors);
        return controller.evaluate();
    }

    CanaryDecision.Action healthy() {
        return judge(PRIMARY_TTFT, 0).orElseThrow().action();
    }

    /** A canary three times slower to its first token than the primary. */
    CanaryDecision.Action slow() {
        return judge(PRIMARY_TTFT.multipliedBy(3), 0).orElseThrow().action();
    }
}
