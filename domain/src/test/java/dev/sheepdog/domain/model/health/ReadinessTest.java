package dev.sheepdog.domain.model.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An instance takes no traffic until it has started and none once it drains; degraded, it still does. */
class ReadinessTest {

    private final Readiness readiness = new Readiness();

    @Test
    void takesNoTrafficUntilStartUpHasCompleted() {
        assertThat(readiness.report()).isEqualTo(new ReadinessReport(ReadinessPhase.STARTING, List.of()));
        assertThat(readiness.report().takesTraffic()).isFalse();

        readiness.ready();

        assertThat(readiness.report().phase()).isEqualTo(ReadinessPhase.READY);
        assertThat(readiness.report().takesTraffic()).isTrue();
    }

    @Test
    void neverTakesTrafficAgainOnceDraining() {
        readiness.ready();
        readiness.drain();

        readiness.ready();

        assertThat(readiness.report().phase()).isEqualTo(ReadinessPhase.DRAINING);
        assertThat(readiness.report().takesTraffic()).isFalse();
    }

    @Test
    void aDrainBeforeStartUpHasCompletedIsNotUndoneByTheEndOfTheStartUp() {
        readiness.drain();

        readiness.ready();

        assertThat(readiness.report().phase()).isEqualTo(ReadinessPhase.DRAINING);
    }

    @Test
    void stillTakesTrafficWhileDegradedAndSaysWhy() {
        readiness.ready();

        readiness.raise("provider keys unreadable");
        readiness.raise("database unreachable");
        readiness.raise("database unreachable");

        assertThat(readiness.report().takesTraffic()).isTrue();
        assertThat(readiness.report().degraded()).isTrue();
        assertThat(readiness.report().degradations()).containsExactly("database unreachable", "provider keys unreadable");
    }

    @Test
    void aClearedDegradationIsNoLongerReported() {
        readiness.raise("database unreachable");

        readiness.clear("database unreachable");
        readiness.clear("never raised");

        assertThat(readiness.report().degraded()).isFalse();
    }

    @Test
    void refusesAReasonThatIsNotAShortPhraseOnOneLine() {
        assertThatThrownBy(() -> readiness.raise(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> readiness.raise("connection refused\n\tat org.postgresql.Driver"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> readiness.raise("x".repeat(Readiness.MAX_REASON_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(readiness.report().degraded()).isFalse();
    }
}
