package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPlanTest {

    private static final EndpointId PRIMARY = new EndpointId("primary");
    private static final EndpointId CANARY = new EndpointId("canary");
    private static final EndpointId SHADOW = new EndpointId("shadow");

    @Test
    void startsARolloutFromTheConfiguredRolesAndWeightUnpausedWithNoHistory() {
        RoutingPlan plan = new RoutingPlan(Map.of(PRIMARY, EndpointRole.PRIMARY, CANARY, EndpointRole.CANARY), 0.05,
                Map.of(), 0);

        RouteState initial = plan.initialState();

        assertThat(initial.roles()).isEqualTo(plan.roles());
        assertThat(initial.canaryWeight()).isEqualTo(0.05);
        assertThat(initial.paused()).isFalse();
        assertThat(initial.decisions()).isEmpty();
        assertThat(initial.healthyStreak()).isZero();
    }

    @Test
    void aSingleEndpointIsThePrimaryWithNoCanaryOrShadow() {
        RoutingPlan plan = RoutingPlan.single(PRIMARY);

        assertThat(plan.roles()).isEqualTo(Map.of(PRIMARY, EndpointRole.PRIMARY));
        assertThat(plan.canaryWeight()).isZero();
        assertThat(plan.shadowFractions()).isEmpty();
    }

    @Test
    void refusesAShadowFractionOutsideZeroToOneAndANegativeShadowConcurrency() {
        Map<EndpointId, EndpointRole> roles = Map.of(PRIMARY, EndpointRole.PRIMARY, SHADOW, EndpointRole.SHADOW);

        assertThatThrownBy(() -> new RoutingPlan(roles, 0, Map.of(SHADOW, 1.5), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shadow");
        assertThatThrownBy(() -> new RoutingPlan(roles, 0, Map.of(SHADOW, -0.1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingPlan(roles, 0, Map.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
