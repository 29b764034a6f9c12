package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.model.CanaryDecision.Action.HOLD;
import static dev.sheepdog.domain.model.CanaryDecision.Action.ROLL_BACK;
import static dev.sheepdog.domain.model.CanaryDecision.Action.STEP_UP;
import static dev.sheepdog.domain.service.CanaryRollout.CANARY;
import static dev.sheepdog.domain.service.CanaryRollout.PRIMARY;
import static dev.sheepdog.domain.service.CanaryRollout.PRIMARY_TTFT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.InstanceId;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.port.out.FleetStatistics;
import dev.sheepdog.domain.port.out.RecordingTelemetry;
import dev.sheepdog.domain.port.out.RouteStore;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Two gateways share a route store and their statistics: one judges, on both gateways' traffic, and the other follows. */
class FleetCanaryJudgeTest {

    private final ManualClock clock = new ManualClock();
    private final RouteStore store = new Gateways.MemoryRouteStore();
    private final FleetStatistics shared = new LocalFleetStatistics();
    private final Gateway a = new Gateway("gw-a", true);
    private final Gateway b = new Gateway("gw-b", false);

    @Test
    void onlyTheElectedJudgeJudgesAndTheOtherAppliesItsDecision() {
        a.serveHealthy();
        b.serveHealthy();

        Optional<CanaryDecision> byA = a.controller.evaluate();
        Optional<CanaryDecision> byB = b.controller.evaluate();

        assertThat(byA).get().extracting(CanaryDecision::action).isEqualTo(HOLD);
        assertThat(byB).as("not the judge").isEmpty();
        b.routing.reload(); // what the store's news does on every gateway
        assertThat(b.routing.current()).isEqualTo(a.routing.current());
    }

    @Test
    void errorsOnlyInTheOtherGatewaysSliceLeadTheJudgeToRollBack() {
        for (var expected : new CanaryDecision.Action[] {HOLD, ROLL_BACK}) {
            clock.advance(CanaryRollout.POLICY.interval());
            a.serveHealthy();
            // B's canary fails 30 of its 50 requests; A alone would see a healthy canary.
            SyntheticTraffic.feed(b.statistics, PRIMARY, 50, PRIMARY_TTFT, 0);
            SyntheticTraffic.feed(b.statistics, CANARY, 50, PRIMARY_TTFT, 30);
            b.controller.evaluate();

            CanaryDecision decision = a.controller.evaluate().orElseThrow();

            assertThat(decision.action()).isEqualTo(expected);
            assertThat(decision.canary().requests()).as("both gateways' canary traffic").isEqualTo(75);
            assertThat(decision.canary().errorRate()).as("30 of 75").isEqualTo(0.4);
        }
        assertThat(a.statistics.summary(CANARY).errorCount()).as("A's own slice").isZero();
        assertThat(store.load().orElseThrow().canaryWeight()).isZero();
    }

    @Test
    void whenTheJudgeDiesTheNextOneContinuesItsStreakFromTheStoredState() {
        a.serveHealthy();
        assertThat(a.controller.evaluate()).get().extracting(CanaryDecision::action).isEqualTo(HOLD);

        a.elected.set(false); // A is gone: its lock freed, B wins the next election
        b.elected.set(true);
        clock.advance(CanaryRollout.POLICY.interval());
        b.serveHealthy();

        // The second healthy judgement in a row steps up, although B never saw the first one happen.
        assertThat(b.controller.evaluate()).get().extracting(CanaryDecision::action).isEqualTo(STEP_UP);
        assertThat(b.routing.current().canaryWeight()).isEqualTo(0.2);
        assertThat(b.routing.current().decisions()).extracting(CanaryDecision::action).containsExactly(HOLD, STEP_UP);
    }

    /** One gateway of the fleet: its own statistics and routing state, the fleet's store and statistics. */
    private final class Gateway {
        final AtomicBoolean elected;
        final EndpointStatistics statistics = new EndpointStatistics(clock, CanaryRollout.POLICY.window(),
                new SplittableRandom(5));
        final RoutingState routing = new RoutingState(store, CanaryRollout.PLAN, Set.of(PRIMARY, CANARY));
        final CanaryController controller;

        Gateway(String name, boolean judge) {
            elected = new AtomicBoolean(judge);
            controller = new CanaryController(routing, statistics,
                    new CanaryFleet(new InstanceId(name), shared, elected::get), CanaryRollout.POLICY,
                    new RecordingTelemetry(), clock);
        }

        /** 25 requests a side: too few for a judgement alone, enough with the other gateway's. */
        void serveHealthy() {
            SyntheticTraffic.feed(statistics, PRIMARY, 25, PRIMARY_TTFT, 0);
            SyntheticTraffic.feed(statistics, CANARY, 25, PRIMARY_TTFT, 0);
        }
    }
}
