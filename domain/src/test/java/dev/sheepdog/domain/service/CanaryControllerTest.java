package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.model.CanaryDecision.Action.HOLD;
import static dev.sheepdog.domain.model.CanaryDecision.Action.PROMOTE;
import static dev.sheepdog.domain.model.CanaryDecision.Action.ROLL_BACK;
import static dev.sheepdog.domain.model.CanaryDecision.Action.STEP_UP;
import static dev.sheepdog.domain.model.CanaryDecision.Action.WAIT;
import static dev.sheepdog.domain.service.CanaryRollout.CANARY;
import static dev.sheepdog.domain.service.CanaryRollout.PRIMARY;
import static dev.sheepdog.domain.service.CanaryRollout.PRIMARY_TTFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CanaryDecision.Action;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.testing.CapturedLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The canary's share moves on evidence only: up after a healthy stretch, to zero after a clearly-worse one. */
class CanaryControllerTest {

    private final CanaryRollout rollout = new CanaryRollout();
    private CapturedLog canaryLog;

    @BeforeEach
    void listen() {
        canaryLog = CapturedLog.of("sheepdog.canary");
    }

    @AfterEach
    void stopListening() {
        canaryLog.close();
    }

    @Test
    void aHealthyCanaryClimbsStepByStepToPromotion() {
        List<Action> actions = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        while (rollout.state.current().roles().get(CANARY) == EndpointRole.CANARY && actions.size() < 40) {
            actions.add(rollout.healthy());
            weights.add(rollout.state.current().canaryWeight());
        }

        List<Action> expected = new ArrayList<>();
        for (int step = 0; step < 8; step++) {
            expected.addAll(List.of(HOLD, STEP_UP));
        }
        expected.addAll(List.of(HOLD, PROMOTE));
        assertThat(actions).containsExactlyElementsOf(expected);
        assertThat(weights).containsExactly(0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.5, 0.5, 0.6, 0.6, 0.7, 0.7, 0.8, 0.8,
                0.9, 0.9, 0.0);
        RouteState promoted = rollout.state.current();
        assertThat(promoted.roles()).isEqualTo(Map.of(CANARY, EndpointRole.PRIMARY, PRIMARY, EndpointRole.STANDBY));
        assertThat(promoted.canaryWeight()).isZero();
        assertThat(rollout.telemetry.decisions()).last().extracting(CanaryDecision::action).isEqualTo(PROMOTE);
        assertThat(rollout.judge(PRIMARY_TTFT, 0)).isEmpty();
    }

    @Test
    void aSlowCanaryIsRolledBackAfterTwoJudgementsAndTheAlertRaised() {
        assertThat(rollout.slow()).isEqualTo(HOLD);
        assertThat(rollout.state.current().canaryWeight()).isEqualTo(0.1);
        assertThat(canaryLog.lines(Level.SEVERE)).isEmpty();

        assertThat(rollout.slow()).isEqualTo(ROLL_BACK);

        assertThat(rollout.state.current().canaryWeight()).isZero();
        assertThat(rollout.telemetry.decisions()).extracting(CanaryDecision::action).containsExactly(HOLD, ROLL_BACK);
        assertThat(canaryLog.lines(Level.SEVERE)).singleElement().asString().startsWith("CANARY ROLLED BACK").contains("0.10 -> 0.00");
        assertThat(rollout.judge(PRIMARY_TTFT, 0)).as("nothing to judge at weight 0").isEmpty();
    }

    @Test
    void aFailingCanaryIsRolledBackLikewise() {
        // The primary fails 2% of its requests, the canary 12%: ten points worse.
        for (Action expected : List.of(HOLD, ROLL_BACK)) {
            assertThat(rollout.judge(50, 1, 50, PRIMARY_TTFT, 6).orElseThrow().action()).isEqualTo(expected);
        }

        assertThat(rollout.state.current().canaryWeight()).isZero();
        assertThat(rollout.telemetry.decisions()).last().satisfies(decision -> {
            assertThat(decision.canary().errorRate() - decision.primary().errorRate()).isCloseTo(0.1, within(1e-9));
            assertThat(decision.reason()).startsWith("clearly worse");
        });
    }

    @Test
    void aSingleNoisyJudgementBetweenHealthyOnesNeitherRollsBackNorSteps() {
        assertThat(List.of(rollout.healthy(), rollout.slow(), rollout.healthy(), rollout.slow(), rollout.healthy()))
                .containsOnly(HOLD);
        assertThat(rollout.state.current().canaryWeight()).isEqualTo(0.1);

        assertThat(rollout.healthy()).isEqualTo(STEP_UP);
    }

    @Test
    void aCanaryNeitherHealthyNorClearlyWorseHoldsAndBreaksTheHealthyStreak() {
        Duration somewhatSlower = PRIMARY_TTFT.multipliedBy(3).dividedBy(2);

        assertThat(List.of(rollout.healthy(), rollout.judge(somewhatSlower, 0).orElseThrow().action(),
                rollout.judge(somewhatSlower, 0).orElseThrow().action(), rollout.healthy())).containsOnly(HOLD);
        assertThat(rollout.state.current().canaryWeight()).isEqualTo(0.1);
    }

    @Test
    void waitsWhileEitherSideHasTooFewRequestsAndKeepsOneDecisionForRepeatedWaits() {
        List<Action> actions = List.of(rollout.judge(50, 0, 5, PRIMARY_TTFT, 0).orElseThrow().action(),
                rollout.judge(19, 0, 50, PRIMARY_TTFT, 0).orElseThrow().action(),
                rollout.judge(10, 0, 10, PRIMARY_TTFT.multipliedBy(5), 0).orElseThrow().action());

        assertThat(actions).containsOnly(WAIT);
        assertThat(rollout.state.current().canaryWeight()).isEqualTo(0.1);
        assertThat(rollout.state.current().decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.action()).isEqualTo(WAIT);
            assertThat(decision.at()).isEqualTo(rollout.clock.instant());
            assertThat(decision.reason()).contains("fewer than 20");
        });
        assertThat(rollout.healthy()).as("waiting built no streak").isEqualTo(HOLD);
    }

    @Test
    void judgesNothingWhilePausedOrAtWeightZero() {
        rollout.state.update(state -> new RouteState(state.roles(), state.canaryWeight(), true, 0, 0, List.of()));
        assertThat(rollout.judge(PRIMARY_TTFT.multipliedBy(10), 50)).isEmpty();

        rollout.state.update(state -> new RouteState(state.roles(), 0, false, 0, 0, List.of()));
        assertThat(rollout.judge(PRIMARY_TTFT.multipliedBy(10), 50)).isEmpty();

        assertThat(rollout.state.current().decisions()).isEmpty();
        assertThat(rollout.telemetry.decisions()).isEmpty();
    }

    @Test
    void judgesNothingWithoutACanary() {
        rollout.state.update(state -> new RouteState(Map.of(PRIMARY, EndpointRole.PRIMARY, CANARY,
                EndpointRole.STANDBY), 0.5, false, 0, 0, List.of()));

        assertThat(rollout.judge(PRIMARY_TTFT, 0)).isEmpty();
        assertThat(rollout.state.current().decisions()).isEmpty();
    }
}
