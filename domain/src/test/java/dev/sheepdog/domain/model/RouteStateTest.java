package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RouteStateTest {

    private static final EndpointId A = new EndpointId("a");
    private static final EndpointId B = new EndpointId("b");
    private static final EndpointId C = new EndpointId("c");

    @Test
    void refusesACanaryWeightOutsideZeroToOne() {
        for (double weight : new double[] {-0.001, 1.001, Double.NaN}) {
            assertThatThrownBy(() -> state(Map.of(A, EndpointRole.PRIMARY), weight, List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        }
        assertThat(state(Map.of(A, EndpointRole.PRIMARY), 1, List.of()).canaryWeight()).isEqualTo(1);
    }

    @Test
    void refusesTwoPrimariesOrTwoCanaries() {
        assertThatThrownBy(() -> state(Map.of(A, EndpointRole.PRIMARY, B, EndpointRole.PRIMARY), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state(Map.of(A, EndpointRole.CANARY, B, EndpointRole.CANARY), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(state(Map.of(A, EndpointRole.STANDBY, B, EndpointRole.STANDBY, C, EndpointRole.SHADOW), 0,
                List.of()).withRole(EndpointRole.PRIMARY)).isEmpty();
    }

    @Test
    void findsTheEndpointWithARole() {
        RouteState state = state(Map.of(A, EndpointRole.PRIMARY, B, EndpointRole.CANARY, C, EndpointRole.STANDBY), 0.1,
                List.of());

        assertThat(state.withRole(EndpointRole.CANARY)).contains(B);
        assertThat(state.withRole(EndpointRole.SHADOW)).isEmpty();
    }

    @Test
    void keepsOnlyTheMostRecentDecisions() {
        List<CanaryDecision> decisions = IntStream.range(0, RouteState.DECISIONS_KEPT + 7)
                .mapToObj(i -> new CanaryDecision(Instant.EPOCH.plusSeconds(i), CanaryDecision.Action.HOLD, 0.1, 0.1,
                        WindowSummary.EMPTY, WindowSummary.EMPTY, "decision " + i)).toList();

        RouteState state = state(Map.of(A, EndpointRole.PRIMARY), 0.1, decisions);

        assertThat(state.decisions()).hasSize(RouteState.DECISIONS_KEPT);
        assertThat(state.decisions().getFirst().reason()).isEqualTo("decision 7");
        assertThat(state.decisions().getLast()).isEqualTo(decisions.getLast());
    }

    private static RouteState state(Map<EndpointId, EndpointRole> roles, double weight, List<CanaryDecision> decisions) {
        return new RouteState(roles, weight, false, 0, 0, decisions);
    }
}
