package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CanaryDecision.Action;
import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.FleetStatisticsException;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.WindowCounts;
import dev.sheepdog.domain.model.WindowSummary;
import dev.sheepdog.domain.port.out.JudgeElection;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Moves the canary's share on evidence: after a healthy stretch it grows by a step, up to a
 * promotion; after a clearly-worse stretch it drops to zero and the alert is raised; otherwise it
 * holds. Each judgement is stored with the numbers it was based on.
 *
 * <p>In a fleet every gateway's controller reports its windows each interval, and only the elected
 * judge judges, on the fleet's windows added up. The rollout's weights, streaks and decisions live in
 * the stored route state, so a judge taking over continues where the last one stopped.
 */
public final class CanaryController {

    private static final System.Logger LOG = System.getLogger("sheepdog.canary");

    private final RoutingState routing;
    private final EndpointStatistics statistics;
    private final CanaryFleet fleet;
    private final CanaryPolicy policy;
    private final Telemetry telemetry;
    private final Clock clock;
    private boolean judging;

    /** A gateway alone: it judges on its own windows. */
    public CanaryController(RoutingState routing, EndpointStatistics statistics, CanaryPolicy policy,
                            Telemetry telemetry, Clock clock) {
        this(routing, statistics, CanaryFleet.alone(), policy, telemetry, clock);
    }

    public CanaryController(RoutingState routing, EndpointStatistics statistics, CanaryFleet fleet,
                            CanaryPolicy policy, Telemetry telemetry, Clock clock) {
        this.routing = routing;
        this.statistics = statistics;
        this.fleet = fleet;
        this.policy = policy;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /**
     * Reports this gateway's windows, then, on the judge only, one judgement; empty when this gateway is
     * not the judge or there is nothing to judge (no canary, no share, or paused).
     *
     * @throws FleetStatisticsException when the judge cannot read the fleet's windows; it tries again next interval
     */
    public synchronized Optional<CanaryDecision> evaluate() {
        report();
        if (!judge()) {
            return Optional.empty();
        }
        RouteState state = routing.current();
        Optional<EndpointId> primary = state.withRole(EndpointRole.PRIMARY);
        Optional<EndpointId> canary = state.withRole(EndpointRole.CANARY);
        if (state.paused() || primary.isEmpty() || canary.isEmpty() || state.canaryWeight() == 0) {
            return Optional.empty();
        }
        Map<EndpointId, WindowCounts> windows = fleet.statistics().combined();
        CanaryJudgement judgement = CanaryJudgement.of(summary(windows, primary.get()), summary(windows, canary.get()),
                policy);
        // An operator may have paused, rolled back or promoted while the windows were read: that change wins.
        boolean[] judged = {false};
        RouteState updated = routing.update(current -> {
            if (current.paused() || current.canaryWeight() == 0 || !current.roles().equals(state.roles())) {
                return current;
            }
            judged[0] = true;
            return next(current, judgement, primary.get(), canary.get());
        });
        if (!judged[0]) {
            return Optional.empty();
        }
        CanaryDecision decision = updated.decisions().getLast();
        announce(decision);
        return Optional.of(decision);
    }

    // A judge that cannot report still judges on the others' windows: only its own slice is missing.
    private void report() {
        try {
            fleet.statistics().report(fleet.instance(), statistics.counts());
        } catch (FleetStatisticsException e) {
            LOG.log(WARNING, "cannot report this gateway''s canary windows to the fleet: {0}", e.getMessage());
        }
    }

    // A gateway that just became the judge takes the stored rollout over before judging: its own copy
    // may be a notification behind the last judge's final decision.
    private boolean judge() {
        boolean leading = fleet.judge().lead();
        if (leading && !judging) {
            routing.reload();
            if (fleet.judge() != JudgeElection.ALONE) {
                LOG.log(INFO, "this gateway ({0}) now judges the canary for the fleet", fleet.instance());
            }
        }
        judging = leading;
        return leading;
    }

    private static WindowSummary summary(Map<EndpointId, WindowCounts> windows, EndpointId endpoint) {
        return windows.getOrDefault(endpoint, WindowCounts.EMPTY).summary();
    }

    private RouteState next(RouteState state, CanaryJudgement judgement, EndpointId primary, EndpointId canary) {
        int healthy = judgement.healthy() ? state.healthyStreak() + 1 : 0;
        int worse = judgement.clearlyWorse() ? state.unhealthyStreak() + 1 : 0;
        double weight = state.canaryWeight();
        if (!judgement.enoughSamples()) {
            return RouteDecisions.record(state, decision(Action.WAIT, weight, weight, judgement), 0, 0);
        }
        if (worse >= policy.worseToRollBack()) {
            return RouteDecisions.record(state, decision(Action.ROLL_BACK, weight, 0, judgement), 0, 0);
        }
        if (healthy >= policy.healthyToStep()) {
            double stepped = Math.min(1, Math.round((weight + policy.step()) * 1000) / 1000.0);
            if (stepped >= 1) {
                return RouteDecisions.promote(state, decision(Action.PROMOTE, weight, 0, judgement), primary, canary);
            }
            return RouteDecisions.record(state, decision(Action.STEP_UP, weight, stepped, judgement), 0, 0);
        }
        return RouteDecisions.record(state, decision(Action.HOLD, weight, weight, judgement), healthy, worse);
    }

    private CanaryDecision decision(Action action, double before, double after, CanaryJudgement judgement) {
        return new CanaryDecision(clock.instant(), action, before, after, judgement.primary(), judgement.canary(),
                judgement.reason());
    }

    private void announce(CanaryDecision decision) {
        telemetry.canaryDecided(decision);
        WindowSummary canary = decision.canary();
        WindowSummary primary = decision.primary();
        String numbers = String.format(java.util.Locale.ROOT,
                "weight %.2f -> %.2f; canary p95 %d ms, errors %.1f%% of %d; primary p95 %d ms, errors %.1f%% of %d; %s",
                decision.weightBefore(), decision.weightAfter(), canary.ttftP95().toMillis(), 100 * canary.errorRate(),
                canary.requests(), primary.ttftP95().toMillis(), 100 * primary.errorRate(), primary.requests(),
                decision.reason());
        if (decision.action() == Action.ROLL_BACK) {
            LOG.log(ERROR, "CANARY ROLLED BACK: {0}", numbers);
        } else if (decision.action() != Action.WAIT && decision.action() != Action.HOLD) {
            LOG.log(INFO, "canary {0}: {1}", decision.action(), numbers);
        }
    }
}
