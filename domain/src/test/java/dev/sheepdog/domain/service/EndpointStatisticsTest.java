package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.service.SyntheticTraffic.answered;
import static dev.sheepdog.domain.service.SyntheticTraffic.cancelled;
import static dev.sheepdog.domain.service.SyntheticTraffic.failed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.WindowSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** An endpoint's recent traffic: percentiles, errors and throughput over a sliding window of time. */
class EndpointStatisticsTest {

    private static final EndpointId PRIMARY = new EndpointId("primary");
    private static final EndpointId CANARY = new EndpointId("canary");

    private final ManualClock clock = new ManualClock();
    private final EndpointStatistics statistics = new EndpointStatistics(clock, Duration.ofMinutes(5),
            new SplittableRandom(11));

    @Test
    void takesNearestRankPercentilesOfTheTimesToFirstToken() {
        for (int ms = 100; ms >= 1; ms--) {
            statistics.record(answered(PRIMARY, Duration.ofMillis(ms)));
        }
        for (int ms = 1; ms <= 20; ms++) {
            statistics.record(answered(CANARY, Duration.ofMillis(ms)));
        }

        assertThat(percentiles(statistics.summary(PRIMARY))).containsExactly(50L, 95L, 99L);
        assertThat(percentiles(statistics.summary(CANARY))).containsExactly(10L, 19L, 20L);
    }

    @Test
    void belowTheSampleCapThePercentilesAreExactOverEverySliceOfTheWindow() {
        SplittableRandom random = new SplittableRandom(23);
        List<Long> all = new ArrayList<>();
        for (int slice = 0; slice < 25; slice++) {
            for (int i = random.nextInt(1, 300); i > 0; i--) {
                long ms = random.nextLong(1, 5_000);
                all.add(ms);
                statistics.record(answered(PRIMARY, Duration.ofMillis(ms)));
            }
            clock.advance(Duration.ofSeconds(10));
        }
        all.sort(null);

        assertThat(percentiles(statistics.summary(PRIMARY))).containsExactly(nearestRank(all, 50),
                nearestRank(all, 95), nearestRank(all, 99));
    }

    @Test
    void countsErrorsByKindAmongAllRequests() {
        SyntheticTraffic.feed(statistics, PRIMARY, 10, Duration.ofMillis(300), 0);
        statistics.record(failed(PRIMARY, FailureKind.UPSTREAM_UNAVAILABLE));
        statistics.record(failed(PRIMARY, FailureKind.UPSTREAM_UNAVAILABLE));
        statistics.record(failed(PRIMARY, FailureKind.IDLE_TIMEOUT));

        WindowSummary summary = statistics.summary(PRIMARY);

        assertThat(summary.requests()).isEqualTo(13);
        assertThat(summary.errors()).isEqualTo(Map.of(FailureKind.UPSTREAM_UNAVAILABLE, 2L, FailureKind.IDLE_TIMEOUT, 1L));
        assertThat(summary.errorRate()).isCloseTo(3 / 13.0, within(1e-9));
        assertThat(statistics.summary(CANARY)).isEqualTo(WindowSummary.EMPTY);
    }

    @Test
    void aClientLeavingIsARequestButNotAnError() {
        statistics.record(cancelled(PRIMARY, Duration.ofMillis(200)));
        CompletionRecord withKind = cancelled(PRIMARY, Duration.ofMillis(200));
        statistics.record(new CompletionRecord(PRIMARY, withKind.traffic(), "m", CompletionOutcome.CANCELLED,
                Optional.of(FailureKind.CANCELLED), Optional.empty(), Duration.ofSeconds(1), withKind.usage(), 0));

        WindowSummary summary = statistics.summary(PRIMARY);

        assertThat(summary.requests()).isEqualTo(2);
        assertThat(summary.errors()).isEmpty();
        assertThat(summary.errorRate()).isZero();
    }

    @Test
    void forgetsWhatIsOlderThanTheWindow() {
        statistics.record(failed(PRIMARY, FailureKind.CONNECT_TIMEOUT));
        clock.advance(Duration.ofSeconds(4 * 60 + 50));
        statistics.record(answered(PRIMARY, Duration.ofMillis(400)));
        assertThat(statistics.summary(PRIMARY).requests()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(20));
        WindowSummary later = statistics.summary(PRIMARY);
        assertThat(later.requests()).isEqualTo(1);
        assertThat(later.errors()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(statistics.summary(PRIMARY).requests()).isZero();
        assertThat(statistics.summary(PRIMARY).ttftP95()).isZero();
    }

    @Test
    void measuresCompletionTokensPerSecondOfGenerationOverFinishedStreams() {
        statistics.record(answered(PRIMARY, Duration.ofMillis(200), 100, Duration.ofSeconds(2)));
        statistics.record(answered(PRIMARY, Duration.ofSeconds(5), 300, Duration.ofSeconds(3)));
        statistics.record(cancelled(PRIMARY, Duration.ofMillis(100)));
        statistics.record(failed(PRIMARY, FailureKind.UPSTREAM_UNAVAILABLE));

        // 400 tokens over 5 s of generation; the waits for the first token do not count.
        assertThat(statistics.summary(PRIMARY).tokensPerSecond()).isCloseTo(80, within(1e-9));
    }

    @Test
    void aBurstBeyondTheSampleCapStaysBoundedAndItsPercentilesStayClose() {
        int burst = 100_000;
        for (int i = 0; i < burst; i++) {
            statistics.record(answered(PRIMARY, Duration.ofMillis(1 + (i * 7919L) % 1000)));
        }
        WindowBucket bucket = new WindowBucket(0);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < burst; i++) {
            bucket.add(answered(PRIMARY, Duration.ofMillis(1 + i % 1000)), random);
        }

        WindowSummary summary = statistics.summary(PRIMARY);

        assertThat(summary.requests()).isEqualTo(burst);
        assertThat(summary.ttftP50().toMillis()).isBetween(470L, 530L);
        assertThat(summary.ttftP95().toMillis()).isBetween(930L, 970L);
        assertThat(bucket.samples).isEqualTo(WindowBucket.MAX_SAMPLES);
        assertThat(bucket.ttftNanos).hasSizeLessThanOrEqualTo(WindowBucket.MAX_SAMPLES);
        assertThat(bucket.requests).isEqualTo(burst);
    }

    @Test
    void aBurstIsNotOutweighedByTheQuieterSlicesAroundIt() {
        for (int i = 0; i < 8_000; i++) {
            statistics.record(answered(PRIMARY, Duration.ofMillis(900)));
        }
        for (int slice = 0; slice < 4; slice++) {
            clock.advance(Duration.ofSeconds(10));
            for (int i = 0; i < 1_000; i++) {
                statistics.record(answered(PRIMARY, Duration.ofMillis(100)));
            }
        }

        // Two thirds of the window's answers took 900 ms, though only 2,048 of them were kept as samples.
        WindowSummary summary = statistics.summary(PRIMARY);
        assertThat(summary.ttftP50()).isEqualTo(Duration.ofMillis(900));
        assertThat(summary.ttftP95()).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void countsTheCopiesSkippedForEachShadow() {
        EndpointId shadow = new EndpointId("shadow");
        statistics.shadowSkipped(shadow);
        statistics.shadowSkipped(shadow);

        assertThat(statistics.shadowsSkipped(shadow)).isEqualTo(2);
        assertThat(statistics.shadowsSkipped(PRIMARY)).isZero();
    }

    private static long nearestRank(List<Long> sorted, int p) {
        return sorted.get((int) Math.ceil(p * sorted.size() / 100.0) - 1);
    }

    private static List<Long> percentiles(WindowSummary summary) {
        return List.of(summary.ttftP50().toMillis(), summary.ttftP95().toMillis(),
                summary.ttftP99().toMillis());
    }
}
