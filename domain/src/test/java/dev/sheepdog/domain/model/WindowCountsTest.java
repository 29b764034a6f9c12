package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Windows of two gateways add up to the window of their traffic together, percentiles included. */
class WindowCountsTest {

    @Test
    void bucketsKeepThreeSignificantDigitsOfMicroseconds() {
        assertThat(TtftHistogram.bucketOf(Duration.ofNanos(999_999).toNanos())).isEqualTo(999);
        assertThat(TtftHistogram.bucketOf(Duration.ofMillis(400).toNanos())).isEqualTo(400_000);
        assertThat(TtftHistogram.bucketOf(Duration.ofNanos(1_234_567_890).toNanos())).isEqualTo(1_230_000);
    }

    @Test
    void aPercentileOfAddedHistogramsIsThePercentileOfAllTheAnswersToWithinOnePercent() {
        // A: 900 answers from 100 to 999 ms; B: 100 slow ones from 2 to 2.99 s. Neither alone knows the p95.
        TtftHistogram a = histogram(900, 100, 1);
        TtftHistogram b = histogram(100, 2_000, 10);

        TtftHistogram both = a.plus(b);

        assertThat(both.total()).isEqualTo(1_000);
        assertThat(a.percentile(95).toMillis()).isLessThan(1_000);
        assertThat(both.percentile(50).toMillis()).isCloseTo(599, within(6L));
        assertThat(both.percentile(95).toMillis()).isCloseTo(2_490, within(25L));
        assertThat(both.percentile(99).toMillis()).isCloseTo(2_890, within(29L));
    }

    @Test
    void countsAddUpAndSummariseAsOneWindow() {
        WindowCounts a = new WindowCounts(50, Map.of(FailureKind.UPSTREAM_UNAVAILABLE, 1L), histogram(49, 400, 1),
                1_000, 2_000_000_000L);
        WindowCounts b = new WindowCounts(50, Map.of(FailureKind.UPSTREAM_UNAVAILABLE, 9L), histogram(41, 400, 1),
                3_000, 2_000_000_000L);

        WindowSummary both = a.plus(b).summary();

        assertThat(both.requests()).isEqualTo(100);
        assertThat(both.errorRate()).isEqualTo(0.1);
        assertThat(both.tokensPerSecond()).isEqualTo(1_000.0);
        assertThat(both.ttftP50()).isEqualTo(Duration.ofMillis(422));
        assertThat(WindowCounts.EMPTY.summary()).isEqualTo(WindowSummary.EMPTY);
    }

    /** {@code answers} answers, one every {@code stepMillis} from {@code fromMillis} on. */
    private static TtftHistogram histogram(int answers, long fromMillis, long stepMillis) {
        Map<Long, Long> counts = new HashMap<>();
        for (int i = 0; i < answers; i++) {
            counts.merge(TtftHistogram.bucketOf(Duration.ofMillis(fromMillis + i * stepMillis).toNanos()), 1L, Long::sum);
        }
        return new TtftHistogram(counts);
    }
}
