package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanaryPolicyTest {

    @Test
    void theDefaultStepsByATenthAfterTwoHealthyMinutesAndRollsBackAfterTwoClearlyWorseOnes() {
        CanaryPolicy policy = CanaryPolicy.DEFAULT;

        assertThat(policy.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.step()).isEqualTo(0.1);
        assertThat(policy.healthyToStep()).isEqualTo(2);
        assertThat(policy.worseToRollBack()).isEqualTo(2);
        assertThat(policy.rollbackFactor()).isGreaterThan(policy.p95Tolerance());
        assertThat(policy.rollbackErrorMargin()).isGreaterThan(policy.errorMargin());
    }

    @Test
    void refusesThresholdsThatCannotBeMet() {
        assertThatThrownBy(() -> policy(0, 1.2, 2.0, 0.01, 0.05, 2)).hasMessageContaining("step");
        assertThatThrownBy(() -> policy(1.5, 1.2, 2.0, 0.01, 0.05, 2)).hasMessageContaining("step");
        assertThatThrownBy(() -> policy(0.1, 0.9, 2.0, 0.01, 0.05, 2)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> policy(0.1, 2.5, 2.0, 0.01, 0.05, 2)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> policy(0.1, 1.2, 2.0, 0.06, 0.05, 2)).hasMessageContaining("error margin");
        assertThatThrownBy(() -> policy(0.1, 1.2, 2.0, 0.01, 0.05, 0)).hasMessageContaining("streaks");
    }

    @Test
    void aWholeStepAndEqualThresholdsAreAllowed() {
        assertThat(policy(1, 1, 1, 0, 0, 1).step()).isEqualTo(1);
    }

    private static CanaryPolicy policy(double step, double tolerance, double rollbackFactor, double errorMargin,
                                       double rollbackErrorMargin, int streak) {
        return new CanaryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(5), 20, step, tolerance, Optional.empty(),
                rollbackFactor, errorMargin, rollbackErrorMargin, streak, streak);
    }
}
