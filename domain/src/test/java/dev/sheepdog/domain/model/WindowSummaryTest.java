package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowSummaryTest {

    @Test
    void theErrorRateIsEveryKindOfErrorOverAllRequests() {
        WindowSummary summary = new WindowSummary(40, Map.of(FailureKind.UPSTREAM_UNAVAILABLE, 3L,
                FailureKind.FIRST_TOKEN_TIMEOUT, 1L), Duration.ofMillis(300), Duration.ofMillis(800),
                Duration.ofMillis(900), 42);

        assertThat(summary.errorCount()).isEqualTo(4);
        assertThat(summary.errorRate()).isEqualTo(0.1);
    }

    @Test
    void anEmptyWindowHasNoErrorRate() {
        assertThat(WindowSummary.EMPTY.errorRate()).isZero();
        assertThat(WindowSummary.EMPTY.requests()).isZero();
    }
}
