package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.adapter.out.simulator.SimulatorFaults;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class FaultSpecTest {

    @Test
    void readsEveryKindOfFault() {
        SimulatorFaults faults = FaultSpec.parse(List.of("429@0.25", "stall@5", "cut@20", "malformed@3", "error@7",
                "hang", "keepalive@2s"));

        assertThat(faults).isEqualTo(new SimulatorFaults(OptionalInt.of(429), 0.25, OptionalInt.of(5),
                OptionalInt.of(20), OptionalInt.of(3), OptionalInt.of(7), true, Optional.of(Duration.ofSeconds(2))));
    }

    @Test
    void aStatusWithoutARateFailsEveryRequest() {
        assertThat(FaultSpec.parse(List.of("503")).failRate()).isEqualTo(1.0);
    }

    @Test
    void explainsAFaultItCannotRead() {
        assertThatThrownBy(() -> FaultSpec.parse(List.of("cut"))).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'cut'").hasMessageContaining("stall@N");
        assertThatThrownBy(() -> FaultSpec.parse(List.of("explode@3"))).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> FaultSpec.parse(List.of("200@1"))).isInstanceOf(TypeConversionException.class);
    }
}
