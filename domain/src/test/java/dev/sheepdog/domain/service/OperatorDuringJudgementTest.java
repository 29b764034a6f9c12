package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.service.CanaryRollout.CANARY;
import static dev.sheepdog.domain.service.CanaryRollout.PRIMARY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CanaryDecision.Action;
import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.port.out.RecordingTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** An operator's change made while the controller reads the windows wins over the controller's judgement. */
class OperatorDuringJudgementTest {

    // Steps up after a single healthy judgement, so a stale judgement would show at once.
    private static final CanaryPolicy EAGER = new CanaryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1), 20, 0.1,
            1.2, Optional.empty(), 2.0, 0.01, 0.05, 1, 1);

    private final HookedClock clock = new HookedClock();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final EndpointStatistics statistics = new EndpointStatistics(clock, EAGER.window(), new SplittableRandom(3));
    private final RoutingState state = new RoutingState(new Gateways.MemoryRouteStore(), CanaryRollout.PLAN,
            Set.of(PRIMARY, CANARY));
    private final RoutingService operator = new RoutingService(new Endpoints(List.of()), state, CanaryRollout.PLAN,
            statistics, Map.of(), telemetry, clock);
    private final CanaryController controller = new CanaryController(state, statistics, EAGER, telemetry, clock);

    @Test
    void aPauseMadeWhileTheWindowsAreReadIsNotOverriddenByAStepUp() {
        feedHealthyTraffic();
        clock.onNextRead(() -> operator.setCanaryPaused(true, "alice"));

        assertThat(controller.evaluate()).isEmpty();

        assertThat(state.current().paused()).isTrue();
        assertThat(state.current().canaryWeight()).isEqualTo(0.1);
        assertThat(state.current().decisions()).extracting(CanaryDecision::action).containsExactly(Action.PAUSE);
    }

    @Test
    void aRollBackMadeWhileTheWindowsAreReadIsNotUndoneByAStepUp() {
        feedHealthyTraffic();
        clock.onNextRead(() -> operator.rollBackCanary("alice"));

        assertThat(controller.evaluate()).isEmpty();

        assertThat(state.current().canaryWeight()).isZero();
        assertThat(telemetry.decisions()).extracting(CanaryDecision::action).containsExactly(Action.ROLL_BACK);
    }

    @Test
    void withoutAnOperatorTheSameJudgementStepsUp() {
        feedHealthyTraffic();

        assertThat(controller.evaluate()).get().extracting(CanaryDecision::action).isEqualTo(Action.STEP_UP);
        assertThat(state.current()).extracting(RouteState::canaryWeight).isEqualTo(0.2);
    }

    private void feedHealthyTraffic() {
        SyntheticTraffic.feed(statistics, PRIMARY, 50, Duration.ofMillis(400), 0);
        SyntheticTraffic.feed(statistics, CANARY, 50, Duration.ofMillis(400), 0);
    }

    /** A clock standing still that runs an action the next time it is read: the moment an operator steps in. */
    private static final class HookedClock extends Clock {
        private final Instant now = Instant.parse("2026-11-24T09:00:00Z");
        private Runnable next;

        void onNextRead(Runnable action) {
            next = action;
        }

        @Override
        public Instant instant() {
            Runnable action = next;
            next = null;
            if (action != null) {
                action.run();
            }
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
