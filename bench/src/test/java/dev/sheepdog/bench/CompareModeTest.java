package dev.sheepdog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CompareModeTest {

    @Test
    void interleavesTheRequestsSoEachTargetGetsHalfAndTheSlowerOneShowsInTheRatios() throws Exception {
        try (SseServer direct = SseServer.start(SseServer.streaming(30, 5, 5, true));
             SseServer gateway = SseServer.start(SseServer.streaming(150, 5, 5, true))) {
            BenchPlan plan = BenchmarkTest.plan(direct)
                    .comparedWith(BenchTarget.of(gateway.baseUrl(), ApiKey.of("sk-gateway")))
                    .withLoad(8, 4, 2);

            BenchReport report = Benchmark.run(plan);

            assertThat(direct.requests()).isEqualTo(8 + 2);
            assertThat(gateway.requests()).isEqualTo(8 + 2);
            assertThat(direct.authorizations()).containsOnly("Bearer sk-bench-secret");
            assertThat(gateway.authorizations()).containsOnly("Bearer sk-gateway");
            assertThat(report.targets()).extracting(TargetReport::label).containsExactly("A", "B");
            assertThat(report.targets()).extracting(TargetReport::requests).containsExactly(8L, 8L);
            Comparison comparison = report.comparison().orElseThrow();
            // B waits 120 ms longer for its first token: order and spread, not an absolute latency.
            assertThat(comparison.metric("ttft_p50_ms").difference()).isGreaterThan(60);
            assertThat(comparison.metric("ttft_p50_ms").ratio()).isGreaterThan(1.5);
            assertThat(comparison.metric("requests_per_second").ratio()).isLessThan(1);
            assertThat(comparison.metrics()).extracting(MetricComparison::name).containsExactly("ttft_p50_ms",
                    "ttft_p95_ms", "ttft_p99_ms", "total_p50_ms", "total_p99_ms", "tokens_per_second_avg",
                    "tokens_per_second_p50", "requests_per_second");
        }
    }

    @Test
    void printsBothTargetsSideBySideWithDifferenceAndRatio() throws Exception {
        try (SseServer a = SseServer.start(SseServer.streaming(5, 1, 3, true));
             SseServer b = SseServer.start(SseServer.streaming(5, 1, 3, true))) {
            BenchReport report = Benchmark.run(BenchmarkTest.plan(a)
                    .comparedWith(BenchTarget.of(b.baseUrl(), ApiKey.NONE)).withLoad(4, 2, 0));

            String table = report.toTable();

            assertThat(table).contains("A = " + a.baseUrl(), "B = " + b.baseUrl(), "B - A", "B / A",
                    "TTFT p99 (ms)", "requests/s");
            assertThat(table.lines().filter(line -> line.startsWith("TTFT p50 (ms)")).findFirst().orElseThrow()
                    .trim().split("\\s+")).hasSize(3 + 2 + 2); // label (3 words), A, B, B - A, B / A
        }
    }

    @Test
    void writesTheComparisonIntoTheJson() throws Exception {
        try (SseServer a = SseServer.start(SseServer.streaming(5, 1, 3, true));
             SseServer b = SseServer.start(SseServer.streaming(5, 1, 3, true))) {
            BenchReport report = Benchmark.run(BenchmarkTest.plan(a)
                    .comparedWith(BenchTarget.of(b.baseUrl(), ApiKey.NONE)).withLoad(4, 2, 0));

            JsonNode json = new ObjectMapper().readTree(report.toJson());

            assertThat(json.path("targets")).hasSize(2);
            JsonNode ttft = json.path("comparison").path("ttft_p50_ms");
            assertThat(ttft.path("a").isNumber()).isTrue();
            assertThat(ttft.path("difference").asDouble())
                    .isEqualTo(ttft.path("b").asDouble() - ttft.path("a").asDouble());
            assertThat(ttft.path("ratio").asDouble()).isPositive();
        }
    }
}
