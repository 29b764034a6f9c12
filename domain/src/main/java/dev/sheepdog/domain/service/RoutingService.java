package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.INFO;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CanaryDecision.Action;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.EndpointTraffic;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.RouteChangeRejected;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.model.TrafficReport;
import dev.sheepdog.domain.model.WindowSummary;
import dev.sheepdog.domain.port.in.PauseCanaryUseCase;
import dev.sheepdog.domain.port.in.PromoteCanaryUseCase;
import dev.sheepdog.domain.port.in.RollBackCanaryUseCase;
import dev.sheepdog.domain.port.in.SetCanaryWeightUseCase;
import dev.sheepdog.domain.port.in.ViewTrafficUseCase;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.Telemetry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The operator's hand on routing: every change stored, recorded as a decision, and written to the audit log. */
public final class RoutingService implements ViewTrafficUseCase, SetCanaryWeightUseCase, PauseCanaryUseCase,
        PromoteCanaryUseCase, RollBackCanaryUseCase {

    private static final System.Logger AUDIT = System.getLogger("sheepdog.audit");

    private final Endpoints endpoints;
    private final RoutingState routing;
    private final RoutingPlan plan;
    private final EndpointStatistics statistics;
    private final Map<String, CompletionProvider> providers;
    private final Telemetry telemetry;
    private final Clock clock;

    public RoutingService(Endpoints endpoints, RoutingState routing, RoutingPlan plan, EndpointStatistics statistics,
                          Map<String, CompletionProvider> providers, Telemetry telemetry, Clock clock) {
        this.endpoints = endpoints;
        this.routing = routing;
        this.plan = plan;
        this.statistics = statistics;
        this.providers = Map.copyOf(providers);
        this.telemetry = telemetry;
        this.clock = clock;
    }

    @Override
    public TrafficReport traffic() {
        RouteState state = routing.current();
        List<EndpointTraffic> traffic = endpoints.all().stream().map(endpoint -> trafficOf(endpoint, state)).toList();
        return new TrafficReport(traffic, state.canaryWeight(), state.paused(), state.decisions());
    }

    @Override
    public TrafficReport setCanaryWeight(double weight, String actor) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new RouteChangeRejected("The canary weight must be between 0 and 1, not " + weight + ".");
        }
        canary();
        return decide(Action.SET_WEIGHT, weight, actor);
    }

    @Override
    public TrafficReport setCanaryPaused(boolean paused, String actor) {
        return decide(paused ? Action.PAUSE : Action.RESUME, routing.current().canaryWeight(), actor);
    }

    @Override
    public TrafficReport promoteCanary(String actor) {
        EndpointId canary = canary();
        EndpointId primary = routing.current().withRole(EndpointRole.PRIMARY)
                .orElseThrow(() -> new RouteChangeRejected("There is no primary to replace."));
        CanaryDecision decision = decision(Action.PROMOTE, 0, actor);
        routing.update(state -> RouteDecisions.promote(state, decision, primary, canary));
        announce(decision, actor);
        return traffic();
    }

    @Override
    public TrafficReport rollBackCanary(String actor) {
        canary();
        return decide(Action.ROLL_BACK, 0, actor);
    }

    private TrafficReport decide(Action action, double weightAfter, String actor) {
        CanaryDecision decision = decision(action, weightAfter, actor);
        routing.update(state -> RouteDecisions.record(state, decision, 0, 0));
        announce(decision, actor);
        return traffic();
    }

    private CanaryDecision decision(Action action, double weightAfter, String actor) {
        RouteState state = routing.current();
        WindowSummary primary = state.withRole(EndpointRole.PRIMARY).map(statistics::summary).orElse(WindowSummary.EMPTY);
        WindowSummary canary = state.withRole(EndpointRole.CANARY).map(statistics::summary).orElse(WindowSummary.EMPTY);
        return new CanaryDecision(clock.instant(), action, state.canaryWeight(), weightAfter, primary, canary,
                "by " + actor);
    }

    private void announce(CanaryDecision decision, String actor) {
        telemetry.canaryDecided(decision);
        AUDIT.log(INFO, "actor={0} action={1} weight={2}->{3}", actor, decision.action().name().toLowerCase(
                java.util.Locale.ROOT), decision.weightBefore(), decision.weightAfter());
    }

    private EndpointId canary() {
        return routing.current().withRole(EndpointRole.CANARY)
                .orElseThrow(() -> new RouteChangeRejected("No endpoint is the canary."));
    }

    private EndpointTraffic trafficOf(Endpoint endpoint, RouteState state) {
        EndpointRole role = state.roles().getOrDefault(endpoint.id(), EndpointRole.STANDBY);
        boolean hasCanary = state.withRole(EndpointRole.CANARY).isPresent();
        double share = switch (role) {
            // In decimal: 1 - 0.7 in binary floating point is 0.30000000000000004, which an operator never set.
            case PRIMARY -> hasCanary
                    ? BigDecimal.ONE.subtract(BigDecimal.valueOf(state.canaryWeight())).doubleValue() : 1;
            case CANARY -> state.canaryWeight();
            default -> 0;
        };
        return new EndpointTraffic(endpoint.id(), endpoint.baseUrl(), role, share,
                providers.get(endpoint.provider()).circuitState(endpoint), statistics.summary(endpoint.id()),
                plan.shadowFractions().getOrDefault(endpoint.id(), 0.0), statistics.shadowsSkipped(endpoint.id()));
    }
}
