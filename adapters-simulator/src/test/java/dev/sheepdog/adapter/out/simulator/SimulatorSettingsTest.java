package dev.sheepdog.adapter.out.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

    private static final Duration ZERO = Duration.ZERO;
    private static final List<String> MODELS = List.of("gpt-4.1");

    @Test
    void rejectsNegativeDelays() {
        assertThatThrownBy(() -> new SimulatorSettings(Duration.ofMillis(-1), ZERO, MODELS, OptionalInt.empty(), SimulatorFaults.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatorSettings(ZERO, Duration.ofMillis(-1), MODELS, OptionalInt.empty(), SimulatorFaults.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsAtLeastOneModel() {
        assertThatThrownBy(() -> new SimulatorSettings(ZERO, ZERO, List.of(), OptionalInt.empty(), SimulatorFaults.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsAtLeastOneTokenPerAnswer() {
        assertThatThrownBy(() -> SimulatorSettings.DEFAULT.withTokensPerAnswer(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorSettings.DEFAULT.withTokensPerAnswer(-3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowsZeroDelaysAndKeepsTheRestWhenChangingOnePart() {
        SimulatorSettings settings = SimulatorSettings.DEFAULT.withDelays(ZERO, ZERO).withTokensPerAnswer(5);

        assertThat(settings.models()).isEqualTo(SimulatorSettings.DEFAULT.models());
        assertThat(settings.timeToFirstToken()).isZero();
        assertThat(settings.tokensPerAnswer()).hasValue(5);
    }
}
