package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.model.CanaryDecision.Action.PAUSE;
import static dev.sheepdog.domain.model.CanaryDecision.Action.PROMOTE;
import static dev.sheepdog.domain.model.CanaryDecision.Action.RESUME;
import static dev.sheepdog.domain.model.CanaryDecision.Action.ROLL_BACK;
import static dev.sheepdog.domain.model.CanaryDecision.Action.SET_WEIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.EndpointTraffic;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.RouteChangeRejected;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.model.TrafficReport;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.RecordingTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** An operator sees how traffic is allocated and moves it by hand; every change is a stored decision. */
class RoutingServiceTest {

    private static final Endpoint PRIMARY = CompletionServiceTest.endpoint("primary", "circuits");
    private static final Endpoint CANARY = CompletionServiceTest.endpoint("canary", "circuits");
    private static final Endpoint STANDBY = CompletionServiceTest.endpoint("standby", "circuits");
    private static final Endpoint SHADOW = CompletionServiceTest.endpoint("shadow", "circuits");
    private static final List<Endpoint> ENDPOINTS = List.of(PRIMARY, CANARY, STANDBY, SHADOW);
    private static final RoutingPlan PLAN = new RoutingPlan(Map.of(PRIMARY.id(), EndpointRole.PRIMARY,
            CANARY.id(), EndpointRole.CANARY, STANDBY.id(), EndpointRole.STANDBY, SHADOW.id(), EndpointRole.SHADOW),
            0.1, Map.of(SHADOW.id(), 0.05), 2);

    private final ManualClock clock = new ManualClock();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final Gateways.MemoryRouteStore store = new Gateways.MemoryRouteStore();
    private final EndpointStatistics statistics = new EndpointStatistics(clock, Duration.ofMinutes(1),
            new SplittableRandom(5));
    private final RoutingState state = new RoutingState(store, PLAN, new Endpoints(ENDPOINTS).ids());
    private final RoutingService routing = new RoutingService(new Endpoints(ENDPOINTS), state, PLAN, statistics,
            Map.of("circuits", new Circuits()), telemetry, clock);

    @Test
    void reportsEachEndpointsRoleShareCircuitWindowAndSkippedShadows() {
        SyntheticTraffic.feed(statistics, PRIMARY.id(), 30, Duration.ofMillis(400), 3);
        statistics.shadowSkipped(SHADOW.id());

        TrafficReport report = routing.traffic();

        assertThat(report.endpoints()).extracting(EndpointTraffic::endpoint, EndpointTraffic::role,
                EndpointTraffic::share, EndpointTraffic::circuit, EndpointTraffic::shadowFraction,
                EndpointTraffic::shadowsSkipped).containsExactly(
                tuple(PRIMARY.id(), EndpointRole.PRIMARY, 0.9, CircuitState.CLOSED, 0.0, 0L),
                tuple(CANARY.id(), EndpointRole.CANARY, 0.1, CircuitState.OPEN, 0.0, 0L),
                tuple(STANDBY.id(), EndpointRole.STANDBY, 0.0, CircuitState.CLOSED, 0.0, 0L),
                tuple(SHADOW.id(), EndpointRole.SHADOW, 0.0, CircuitState.CLOSED, 0.05, 1L));
        assertThat(report.endpoints().getFirst().window()).isEqualTo(statistics.summary(PRIMARY.id()));
        assertThat(report.endpoints().getFirst().window().errorRate()).isEqualTo(0.1);
        assertThat(report.endpoints().getFirst().baseUrl()).isEqualTo(PRIMARY.baseUrl());
        assertThat(report.canaryWeight()).isEqualTo(0.1);
        assertThat(report.paused()).isFalse();
    }

    @Test
    void setsTheCanaryWeightAsAStoredDecision() {
        TrafficReport report = routing.setCanaryWeight(0.25, "alice");

        assertThat(report.canaryWeight()).isEqualTo(0.25);
        assertThat(report.endpoints()).extracting(EndpointTraffic::share).startsWith(0.75, 0.25);
        CanaryDecision decision = store.load().orElseThrow().decisions().getLast();
        assertThat(decision).isEqualTo(report.decisions().getLast()).isEqualTo(telemetry.decisions().getLast());
        assertThat(List.of(decision.action(), decision.weightBefore(), decision.weightAfter(), decision.reason()))
                .containsExactly(SET_WEIGHT, 0.1, 0.25, "by alice");
        assertThat(decision.at()).isEqualTo(clock.instant());
    }

    @Test
    void acceptsWeightsFromZeroToOneAndRefusesAnyOtherWithoutChangingAnything() {
        assertThat(routing.setCanaryWeight(1, "alice").canaryWeight()).isEqualTo(1);
        assertThat(routing.setCanaryWeight(0, "alice").canaryWeight()).isZero();

        for (double weight : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> routing.setCanaryWeight(weight, "alice")).isInstanceOf(RouteChangeRejected.class)
                    .hasMessageContaining("between 0 and 1");
        }
        assertThat(state.current().decisions()).hasSize(2);
        assertThat(telemetry.decisions()).hasSize(2);
    }

    @Test
    void pausingStopsTheControllerAndResumingStartsItAgain() {
        CanaryController controller = new CanaryController(state, statistics, CanaryRollout.POLICY, telemetry, clock);
        SyntheticTraffic.feed(statistics, PRIMARY.id(), 50, Duration.ofMillis(400), 0);
        SyntheticTraffic.feed(statistics, CANARY.id(), 50, Duration.ofMillis(400), 0);

        assertThat(routing.setCanaryPaused(true, "alice").paused()).isTrue();
        assertThat(controller.evaluate()).isEmpty();

        assertThat(routing.setCanaryPaused(false, "alice").paused()).isFalse();
        assertThat(controller.evaluate()).isPresent();
        assertThat(state.current().decisions()).extracting(CanaryDecision::action).startsWith(PAUSE, RESUME);
    }

    @Test
    void promotingMakesTheCanaryThePrimaryAndTheOldPrimaryAStandby() {
        TrafficReport report = routing.promoteCanary("alice");

        assertThat(report.endpoints()).extracting(EndpointTraffic::endpoint, EndpointTraffic::role, EndpointTraffic::share)
                .startsWith(tuple(PRIMARY.id(), EndpointRole.STANDBY, 0.0), tuple(CANARY.id(), EndpointRole.PRIMARY, 1.0));
        assertThat(report.canaryWeight()).isZero();
        assertThat(store.load().orElseThrow().decisions()).extracting(CanaryDecision::action).containsExactly(PROMOTE);
        assertThatThrownBy(() -> routing.promoteCanary("alice")).isInstanceOf(RouteChangeRejected.class);
        assertThatThrownBy(() -> routing.setCanaryWeight(0.5, "alice")).isInstanceOf(RouteChangeRejected.class)
                .hasMessageContaining("No endpoint is the canary");
        assertThatThrownBy(() -> routing.rollBackCanary("alice")).isInstanceOf(RouteChangeRejected.class);
    }

    @Test
    void rollingBackSendsNobodyToTheCanaryUntilAnOperatorSetsAWeightAgain() {
        TrafficReport report = routing.rollBackCanary("alice");

        assertThat(report.endpoints()).extracting(EndpointTraffic::role, EndpointTraffic::share)
                .startsWith(tuple(EndpointRole.PRIMARY, 1.0), tuple(EndpointRole.CANARY, 0.0));
        assertThat(new CanaryController(state, statistics, CanaryRollout.POLICY, telemetry, clock).evaluate()).isEmpty();
        assertThat(routing.setCanaryWeight(0.05, "alice").endpoints().get(1).share()).isEqualTo(0.05);
    }

    @Test
    void thePrimarysShareIsTheDecimalAnOperatorWouldWriteNotAFloatingPointRemainder() {
        TrafficReport report = routing.setCanaryWeight(0.7, "alice");

        assertThat(report.endpoints()).extracting(EndpointTraffic::role, EndpointTraffic::share)
                .startsWith(tuple(EndpointRole.PRIMARY, 0.3), tuple(EndpointRole.CANARY, 0.7));
    }

    @Test
    void everyChangeIsADecisionInTheStoredStateInOrder() {
        routing.setCanaryWeight(0.2, "alice");
        routing.setCanaryPaused(true, "bob");
        routing.setCanaryPaused(false, "bob");
        routing.rollBackCanary("carol");

        assertThat(store.load().orElseThrow().decisions()).extracting(CanaryDecision::action, CanaryDecision::weightAfter,
                CanaryDecision::reason).containsExactly(tuple(SET_WEIGHT, 0.2, "by alice"), tuple(PAUSE, 0.2, "by bob"),
                tuple(RESUME, 0.2, "by bob"), tuple(ROLL_BACK, 0.0, "by carol"));
        assertThat(new RoutingState(store, PLAN, new Endpoints(ENDPOINTS).ids()).current()).isEqualTo(state.current());
    }

    /** A provider that only reports circuits: the canary's is open. */
    private static final class Circuits implements CompletionProvider {
        @Override
        public CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request) {
            throw new UnsupportedOperationException("the routing service opens no stream");
        }

        @Override
        public List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, Duration timeout) {
            return List.of();
        }

        @Override
        public CircuitState circuitState(Endpoint endpoint) {
            return endpoint.equals(CANARY) ? CircuitState.OPEN : CircuitState.CLOSED;
        }
    }
}
