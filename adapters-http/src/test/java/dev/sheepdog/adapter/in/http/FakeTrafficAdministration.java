package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.EndpointTraffic;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RouteChangeRejected;
import dev.sheepdog.domain.model.TrafficReport;
import dev.sheepdog.domain.model.WindowSummary;
import dev.sheepdog.domain.port.in.PauseCanaryUseCase;
import dev.sheepdog.domain.port.in.PromoteCanaryUseCase;
import dev.sheepdog.domain.port.in.RollBackCanaryUseCase;
import dev.sheepdog.domain.port.in.SetCanaryWeightUseCase;
import dev.sheepdog.domain.port.in.ViewTrafficUseCase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The routing use cases as the admin routes see them: a fixed report, and a record of each call. */
final class FakeTrafficAdministration implements ViewTrafficUseCase, SetCanaryWeightUseCase, PauseCanaryUseCase,
        PromoteCanaryUseCase, RollBackCanaryUseCase {

    static final WindowSummary WINDOW = new WindowSummary(120, Map.of(FailureKind.UPSTREAM_UNAVAILABLE, 3L),
            Duration.ofMillis(180), Duration.ofMillis(420), Duration.ofMillis(900), 61.5);

    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean noCanary;

    TrafficAdministration asAdministration() {
        return new TrafficAdministration(this, this, this, this, this);
    }

    @Override
    public TrafficReport traffic() {
        return new TrafficReport(List.of(
                new EndpointTraffic(new EndpointId("primary"), URI.create("https://api.holysheep.ai/v1"),
                        EndpointRole.PRIMARY, 0.8, CircuitState.CLOSED, WINDOW, 0, 0),
                new EndpointTraffic(new EndpointId("canary"), URI.create("https://canary.holysheep.ai/v1"),
                        EndpointRole.CANARY, 0.2, CircuitState.HALF_OPEN, WINDOW, 0, 0)),
                0.2, false, List.of(new CanaryDecision(Instant.parse("2026-11-24T09:00:00Z"),
                        CanaryDecision.Action.STEP_UP, 0.1, 0.2, WINDOW, WINDOW, "healthy: p95 ratio 1.05")));
    }

    @Override
    public TrafficReport setCanaryWeight(double weight, String actor) {
        return record("weight " + weight + " by " + actor);
    }

    @Override
    public TrafficReport setCanaryPaused(boolean paused, String actor) {
        return record((paused ? "pause" : "resume") + " by " + actor);
    }

    @Override
    public TrafficReport promoteCanary(String actor) {
        return record("promote by " + actor);
    }

    @Override
    public TrafficReport rollBackCanary(String actor) {
        return record("rollback by " + actor);
    }

    private TrafficReport record(String call) {
        if (noCanary) {
            throw new RouteChangeRejected("No endpoint is the canary.");
        }
        calls.add(call);
        return traffic();
    }
}
