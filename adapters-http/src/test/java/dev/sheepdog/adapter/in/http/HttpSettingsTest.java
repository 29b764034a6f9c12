package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void defaultsToAllInterfacesAMegabyteAndA15SecondHeartbeat() {
        HttpSettings defaults = HttpSettings.defaults(8080);

        assertThat(defaults.host()).isEqualTo("0.0.0.0");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(defaults.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("h", 65536, 1, SECOND, SECOND));
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("h", -1, 1, SECOND, SECOND));
    }

    @Test
    void refusesABodyLimitBelowOneByte() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("h", 0, 0, SECOND, SECOND));
    }

    @Test
    void refusesAHeartbeatThatIsNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("h", 0, 1, Duration.ZERO, SECOND));
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("h", 0, 1, SECOND.negated(), SECOND));
    }
}
