package dev.sheepdog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TargetStatsTest {

    // HdrHistogram at 3 significant digits: a value is reported within 0.1% of itself.
    private static final double PRECISION = 0.001;

    @Test
    void percentilesOfOneToAHundredMillisecondsAreTheTextbookOnes() {
        TargetStats stats = new TargetStats();
        List<Integer> millis = new ArrayList<>();
        for (int ms = 1; ms <= 100; ms++) {
            millis.add(ms);
        }
        Collections.shuffle(millis, new Random(7));
        millis.forEach(ms -> stats.record(completed(ms, ms * 10, 10)));

        TargetReport report = stats.report("A", "http://a/v1", 1);

        assertThat(report.ttft().count()).isEqualTo(100);
        assertThat(report.ttft().p50Ms()).isCloseTo(50, within(50 * PRECISION));
        assertThat(report.ttft().p95Ms()).isCloseTo(95, within(95 * PRECISION));
        assertThat(report.ttft().p99Ms()).isCloseTo(99, within(99 * PRECISION));
        assertThat(report.ttft().maxMs()).isEqualTo(100);
        assertThat(report.ttft().avgMs()).isEqualTo(50.5);
        assertThat(report.total().p50Ms()).isCloseTo(500, within(500 * PRECISION));
        assertThat(report.total().p99Ms()).isCloseTo(990, within(990 * PRECISION));
        assertThat(report.total().maxMs()).isEqualTo(1000);
    }

    @Test
    void tokensPerSecondIsTheTokensOverTheTimeAfterTheFirstToken() {
        TargetStats stats = new TargetStats();
        stats.record(completed(100, 1100, 50)); // 50 tokens in 1 s
        stats.record(completed(200, 700, 50)); // 50 tokens in 0.5 s

        ThroughputSummary tokensPerSecond = stats.report("A", "http://a/v1", 1).tokensPerSecond();

        assertThat(tokensPerSecond.count()).isEqualTo(2);
        assertThat(tokensPerSecond.avg()).isCloseTo(75, within(0.001));
        assertThat(tokensPerSecond.p50()).isCloseTo(50, within(50 * PRECISION));
    }

    @Test
    void errorsAreCountedByTypeAndKeptOutOfTheTimings() {
        TargetStats stats = new TargetStats();
        stats.record(completed(100, 200, 5));
        stats.record(RequestResult.failed(0, RequestResult.httpError(503), millis(3)));
        stats.record(RequestResult.failed(0, RequestResult.httpError(503), millis(4)));
        stats.record(RequestResult.failed(0, RequestResult.TIMEOUT, millis(120_000)));

        TargetReport report = stats.report("A", "http://a/v1", 1);

        assertThat(report.requests()).isEqualTo(4);
        assertThat(report.succeeded()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(3);
        assertThat(report.errors()).containsExactly(Map.entry("http_503", 2L),
                Map.entry("timeout", 1L));
        assertThat(report.total().maxMs()).isEqualTo(200);
        assertThat(report.tokens()).isEqualTo(5);
    }

    @Test
    void requestsPerSecondIsTheRateTheWorkersReachOnTheTarget() {
        TargetStats stats = new TargetStats();
        for (int i = 0; i < 10; i++) {
            stats.record(completed(100, 1000, 10));
        }

        // Ten 1 s requests shared by 2 workers take 5 s: 2 requests a second.
        assertThat(stats.report("A", "http://a/v1", 2).requestsPerSecond()).isCloseTo(2, within(1e-9));
        assertThat(stats.report("A", "http://a/v1", 2).busySeconds()).isCloseTo(10, within(1e-9));
    }

    @Test
    void aTargetWithoutACompletedRequestHasNoTimingsRatherThanZeros() {
        TargetStats stats = new TargetStats();
        stats.record(RequestResult.failed(0, RequestResult.CONNECTION, millis(1)));

        TargetReport report = stats.report("A", "http://a/v1", 1);

        assertThat(report.ttft().isEmpty()).isTrue();
        assertThat(report.ttft().p50Ms()).isNaN();
        assertThat(report.tokensPerSecond().avg()).isNaN();
    }

    @Test
    void aCompletedStreamWithoutTextHasATotalTimeButNoTimeToFirstToken() {
        TargetStats stats = new TargetStats();
        stats.record(RequestResult.completed(0, OptionalLong.empty(), millis(40), 0));

        TargetReport report = stats.report("A", "http://a/v1", 1);

        assertThat(report.total().count()).isEqualTo(1);
        assertThat(report.ttft().isEmpty()).isTrue();
    }

    @Test
    void noPercentileIsAboveTheMaximum() {
        TargetStats stats = new TargetStats();
        // 1,234.567 ms lies inside a histogram bucket whose highest equivalent value is above it.
        stats.record(RequestResult.completed(0, OptionalLong.of(1_234_567_000L), 2_345_678_000L, 10));

        TargetReport report = stats.report("A", "http://a/v1", 1);

        assertThat(report.ttft().p99Ms()).isLessThanOrEqualTo(report.ttft().maxMs()).isCloseTo(1234.567,
                within(1234.567 * PRECISION));
        assertThat(report.ttft().p50Ms()).isLessThanOrEqualTo(report.ttft().maxMs());
        assertThat(report.total().p99Ms()).isLessThanOrEqualTo(report.total().maxMs());
    }

    private static RequestResult completed(long ttftMs, long totalMs, long tokens) {
        return RequestResult.completed(0, OptionalLong.of(millis(ttftMs)), millis(totalMs), tokens);
    }

    private static long millis(long ms) {
        return Duration.ofMillis(ms).toNanos();
    }
}
