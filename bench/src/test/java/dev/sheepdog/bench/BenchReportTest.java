package dev.sheepdog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJsonHasEveryDocumentedField() throws Exception {
        JsonNode json;
        try (SseServer server = SseServer.start(SseServer.streaming(10, 2, 4, true))) {
            json = JSON.readTree(Benchmark.run(BenchmarkTest.plan(server).withLoad(5, 2, 1)).toJson());
        }

        assertThat(names(json)).containsExactly("model", "max_tokens", "requests_per_target", "concurrency", "warmup",
                "timeout_ms", "wall_seconds", "requests_per_second", "targets", "comparison");
        assertThat(json.path("model").asText()).isEqualTo("deepseek-v3.2");
        assertThat(json.path("max_tokens").isNull()).isTrue();
        assertThat(json.path("timeout_ms").asLong()).isEqualTo(120_000);
        assertThat(json.path("comparison").isNull()).isTrue();
        JsonNode target = json.path("targets").path(0);
        assertThat(names(target)).containsExactly("label", "url", "requests", "succeeded", "failed", "errors",
                "tokens", "ttft_ms", "total_ms", "tokens_per_second", "busy_seconds", "requests_per_second");
        assertThat(names(target.path("ttft_ms"))).containsExactly("count", "avg", "p50", "p95", "p99", "max");
        assertThat(names(target.path("total_ms"))).containsExactly("count", "avg", "p50", "p95", "p99", "max");
        assertThat(names(target.path("tokens_per_second"))).containsExactly("count", "avg", "p50");
        assertThat(target.path("requests").asInt()).isEqualTo(5);
        assertThat(target.path("tokens").asInt()).isEqualTo(5 * 8);
        assertThat(target.path("ttft_ms").path("p50").asDouble()).isPositive();
    }

    @Test
    void numbersThatCouldNotBeMeasuredAreNullInTheJsonAndADashInTheTable() throws Exception {
        TargetReport failed = report("A", Map.of("http_503", 3L), LatencySummary.EMPTY);
        TargetReport fine = report("B", Map.of(), new LatencySummary(3, 10, 10, 10, 10, 10));
        BenchReport report = new BenchReport("m", OptionalInt.of(32), 3, 2, 0, Duration.ofSeconds(5), 1.5,
                List.of(failed, fine), Optional.of(Comparison.of(failed, fine)));

        JsonNode json = JSON.readTree(report.toJson());

        assertThat(json.path("targets").path(0).path("ttft_ms").isNull()).isTrue();
        assertThat(json.path("targets").path(0).path("errors").path("http_503").asInt()).isEqualTo(3);
        assertThat(json.path("comparison").path("ttft_p50_ms").path("ratio").isNull()).isTrue();
        assertThat(json.path("max_tokens").asInt()).isEqualTo(32);
        assertThat(report.toTable()).contains("http_503", "max_tokens 32");
        assertThat(report.toTable().lines().filter(line -> line.startsWith("TTFT p50"))).singleElement()
                .asString().contains(" - ");
        assertThat(report.anyTargetAllFailed()).isTrue();
    }

    @Test
    void aSingleTargetTableHasOneColumnAndTheOverallRate() throws Exception {
        try (SseServer server = SseServer.start(SseServer.streaming(5, 1, 3, true))) {
            String table = Benchmark.run(BenchmarkTest.plan(server).withLoad(3, 1, 0)).toTable();

            assertThat(table).contains("A = " + server.baseUrl(), "TTFT p95 (ms)", "total p99 (ms)", "tokens/s p50",
                    "requests/s overall").doesNotContain("B / A", "sk-bench-secret");
        }
    }

    private static TargetReport report(String label, Map<String, Long> errors, LatencySummary latency) {
        long requests = 3;
        long succeeded = requests - errors.values().stream().mapToLong(Long::longValue).sum();
        return new TargetReport(label, "http://" + label + "/v1", requests, succeeded, errors, latency, latency,
                ThroughputSummary.EMPTY, 0, 1, 2);
    }

    private static List<String> names(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
