package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.model.CanaryDecision.Action.HOLD;
import static dev.sheepdog.domain.model.CanaryDecision.Action.PROMOTE;
import static dev.sheepdog.domain.model.CanaryDecision.Action.ROLL_BACK;
import static dev.sheepdog.domain.model.CanaryDecision.Action.STEP_UP;
import static dev.sheepdog.domain.service.CanaryRollout.CANARY;
import static dev.sheepdog.domain.service.CanaryRollout.PRIMARY;
import static dev.sheepdog.domain.service.CanaryRollout.PRIMARY_TTFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RouteStoreException;
import dev.sheepdog.domain.port.out.RouteStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each judgement is stored with its numbers before it takes effect, so a restart resumes the rollout as it was. */
class CanaryDecisionStorageTest {

    @Test
    void aRestartInTheMiddleResumesTheSameWeightStreakAndDecisions() {
        CanaryRollout rollout = new CanaryRollout();
        assertThat(List.of(rollout.healthy(), rollout.healthy(), rollout.healthy(), rollout.healthy(),
                rollout.healthy())).containsExactly(HOLD, STEP_UP, HOLD, STEP_UP, HOLD);
        RouteState before = rollout.state.current();

        rollout.restart();

        assertThat(rollout.state.current()).isEqualTo(before);
        assertThat(rollout.state.current().canaryWeight()).isEqualTo(0.3);
        assertThat(rollout.state.current().healthyStreak()).isEqualTo(1);
        assertThat(rollout.healthy()).as("the healthy judgement before the restart still counts").isEqualTo(STEP_UP);
        assertThat(rollout.state.current().canaryWeight()).isEqualTo(0.4);
    }

    @Test
    void aRestartAfterPromotionKeepsTheSwappedRolesWhateverTheConfigurationSays() {
        CanaryRollout rollout = new CanaryRollout();
        while (rollout.healthy() != PROMOTE) {
            assertThat(rollout.state.current().decisions()).hasSizeLessThan(30);
        }

        rollout.restart();

        assertThat(rollout.state.current().roles()).isEqualTo(
                Map.of(CANARY, EndpointRole.PRIMARY, PRIMARY, EndpointRole.STANDBY));
        assertThat(rollout.state.current().canaryWeight()).isZero();
        assertThat(rollout.state.current().decisions()).last().extracting(CanaryDecision::action).isEqualTo(PROMOTE);
    }

    @Test
    void aRestartAfterARollBackStaysRolledBack() {
        CanaryRollout rollout = new CanaryRollout();
        rollout.slow();
        assertThat(rollout.slow()).isEqualTo(ROLL_BACK);

        rollout.restart();

        assertThat(rollout.state.current().canaryWeight()).isZero();
        assertThat(rollout.judge(PRIMARY_TTFT, 0)).isEmpty();
    }

    @Test
    void everyStoredDecisionCarriesTheNumbersItWasBasedOn() {
        CanaryRollout rollout = new CanaryRollout();
        rollout.judge(50, 0, 5, PRIMARY_TTFT, 0);
        rollout.healthy();
        rollout.healthy();
        rollout.judge(60, 0, 40, PRIMARY_TTFT.multipliedBy(3), 4);

        List<CanaryDecision> stored = rollout.store.load().orElseThrow().decisions();

        assertThat(stored).extracting(CanaryDecision::action).containsExactly(CanaryDecision.Action.WAIT, HOLD,
                STEP_UP, HOLD);
        assertThat(stored).isEqualTo(rollout.telemetry.decisions());
        assertThat(stored.getFirst().canary().requests()).isEqualTo(5);
        assertThat(stored).allSatisfy(decision -> {
            assertThat(decision.primary().requests()).isGreaterThanOrEqualTo(50);
            assertThat(decision.reason()).isNotBlank();
        });
        CanaryDecision last = stored.getLast();
        assertThat(last.at()).isEqualTo(rollout.clock.instant());
        assertThat(last.weightBefore()).isEqualTo(0.2);
        assertThat(last.weightAfter()).isEqualTo(0.2);
        assertThat(last.canary().requests()).isEqualTo(40);
        assertThat(last.canary().errorRate()).isCloseTo(0.1, within(1e-9));
        assertThat(last.primary().requests()).isEqualTo(60);
        assertThat((double) last.canary().ttftP95().toNanos() / last.primary().ttftP95().toNanos())
                .isCloseTo(3, within(0.1));
        assertThat(last.reason()).startsWith("clearly worse");
    }

    @Test
    void aJudgementThatCouldNotBeStoredDoesNotTakeEffect() {
        FlakyStore store = new FlakyStore();
        CanaryRollout rollout = new CanaryRollout(store, CanaryRollout.POLICY);
        rollout.healthy();
        RouteState before = rollout.state.current();
        store.failing = true;

        assertThatThrownBy(rollout::healthy).isInstanceOf(RouteStoreException.class);

        assertThat(rollout.state.current()).isEqualTo(before);
        assertThat(rollout.telemetry.decisions()).hasSize(1);
        store.failing = false;
        assertThat(rollout.healthy()).isEqualTo(STEP_UP);
        assertThat(store.load().orElseThrow().canaryWeight()).isEqualTo(0.2);
    }

    @Test
    void aCanaryOverTheLatencyObjectiveNeverStepsUpEvenWhenAsFastAsThePrimary() {
        CanaryRollout rollout = new CanaryRollout(new Gateways.MemoryRouteStore(),
                CanaryRollout.policy(Optional.of(Duration.ofMillis(500))));

        assertThat(List.of(rollout.healthy(), rollout.healthy(), rollout.healthy())).containsOnly(HOLD);
        assertThat(rollout.state.current().decisions()).last().extracting(CanaryDecision::reason).asString()
                .contains("over the p95 SLO");
        assertThat(rollout.judge(PRIMARY_TTFT.dividedBy(2), 0).orElseThrow().action()).isEqualTo(HOLD);
        assertThat(rollout.judge(PRIMARY_TTFT.dividedBy(2), 0).orElseThrow().action()).isEqualTo(STEP_UP);
    }

    @Test
    void aCanaryFarOverTheLatencyObjectiveIsRolledBackThoughNotTwiceAsSlowAsThePrimary() {
        CanaryRollout rollout = new CanaryRollout(new Gateways.MemoryRouteStore(),
                CanaryRollout.policy(Optional.of(Duration.ofMillis(500))));
        Duration slower = Duration.ofMillis(750);

        assertThat(rollout.judge(slower, 0).orElseThrow().action()).isEqualTo(HOLD);
        assertThat(rollout.judge(slower, 0).orElseThrow().action()).isEqualTo(ROLL_BACK);
    }

    /** A route store whose disk can be made to fail. */
    private static final class FlakyStore implements RouteStore {
        private final RouteStore inner = new Gateways.MemoryRouteStore();
        private volatile boolean failing;

        @Override
        public Optional<RouteState> load() {
            return inner.load();
        }

        @Override
        public void save(RouteState state) {
            if (failing) {
                throw new RouteStoreException("the disk is full");
            }
            inner.save(state);
        }

        @Override
        public RouteState update(Function<Optional<RouteState>, RouteState> change) {
            if (failing) {
                throw new RouteStoreException("the disk is full");
            }
            return inner.update(change);
        }
    }
}
