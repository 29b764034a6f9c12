package dev.sheepdog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void measuresTheFirstTokenAfterTheRoleChunkAndTheTotalAfterTheLastToken() throws Exception {
        // The role chunk comes at once, the first text after ~100 ms, then 9 more 20 ms apart.
        try (SseServer server = SseServer.start(SseServer.streaming(100, 20, 10, true))) {
            BenchReport report = Benchmark.run(plan(server).withLoad(6, 2, 1));
            TargetReport target = report.targets().getFirst();

            assertThat(target.succeeded()).isEqualTo(6);
            assertThat(target.ttft().count()).isEqualTo(6);
            // Generous bounds only: the first token cannot come before it is sent, nor the end before the tokens.
            assertThat(target.ttft().p50Ms()).isGreaterThanOrEqualTo(90).isLessThan(target.total().p50Ms());
            assertThat(target.total().p50Ms() - target.ttft().p50Ms()).isGreaterThanOrEqualTo(150);
            assertThat(target.ttft().maxMs()).isLessThan(target.total().maxMs());
            assertThat(target.ttft().p50Ms()).isLessThanOrEqualTo(target.ttft().p95Ms());
            assertThat(target.ttft().p95Ms()).isLessThanOrEqualTo(target.ttft().p99Ms());
            assertThat(target.ttft().p99Ms()).isLessThanOrEqualTo(target.ttft().maxMs() * 1.001);
        }
    }

    @Test
    void takesTokensFromTheUsageAndRatesThemOverTheTimeAfterTheFirstToken() throws Exception {
        try (SseServer server = SseServer.start(SseServer.streaming(20, 20, 10, true))) {
            TargetReport target = Benchmark.run(plan(server).withLoad(4, 2, 0)).targets().getFirst();

            assertThat(target.tokens()).isEqualTo(4 * 20); // the script reports twice the chunks as usage
            // 20 tokens over ~9 gaps of 20 ms: about 110 tokens/s, well under the 20 / 0 it would be without the gaps.
            assertThat(target.tokensPerSecond().p50()).isBetween(20.0, 20 / 0.180 * 1.01);
        }
    }

    @Test
    void countsTheTextChunksWhenTheServerReportsNoUsage() throws Exception {
        try (SseServer server = SseServer.start(SseServer.streaming(5, 1, 7, false))) {
            assertThat(Benchmark.run(plan(server).withLoad(3, 1, 0)).targets().getFirst().tokens()).isEqualTo(3 * 7);
        }
    }

    @Test
    void sendsAStreamingRequestWithUsageTheModelTheKeyAndEveryPromptInTurn() throws Exception {
        try (SseServer server = SseServer.start(SseServer.streaming(1, 1, 2, true))) {
            Benchmark.run(plan(server).withModel("gpt-4.1").withMaxTokens(OptionalInt.of(64)).withLoad(3, 1, 1));

            assertThat(server.requests()).isEqualTo(4);
            assertThat(server.authorizations()).containsOnly("Bearer sk-bench-secret");
            JsonNode body = JSON.readTree(server.bodies().getFirst());
            assertThat(body.path("model").asText()).isEqualTo("gpt-4.1");
            assertThat(body.path("stream").asBoolean()).isTrue();
            assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
            assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
            List<String> prompts = server.bodies().stream()
                    .map(text -> readTree(text).path("messages").path(0).path("content").asText()).toList();
            assertThat(prompts).containsAll(Prompts.defaults());
        }
    }

    @Test
    void leavesOutTheAuthorizationHeaderWithoutAKey() throws Exception {
        try (SseServer server = SseServer.start(SseServer.streaming(1, 1, 1, true))) {
            Benchmark.run(BenchPlan.against(BenchTarget.of(server.baseUrl(), ApiKey.NONE)).withLoad(1, 1, 0));

            assertThat(server.authorizations()).containsExactly("null");
        }
    }

    @Test
    void reportsProgressForTheWarmUpAndThenForEveryMeasuredRequest() throws Exception {
        List<String> updates = new CopyOnWriteArrayList<>();
        try (SseServer server = SseServer.start(SseServer.streaming(1, 1, 1, true))) {
            Benchmark.run(plan(server).withLoad(3, 1, 2),
                    (warmup, done, total, failed) -> updates.add((warmup ? "w" : "m") + done + "/" + total));
        }

        assertThat(updates).containsExactly("w1/2", "w2/2", "m1/3", "m2/3", "m3/3");
    }

    static BenchPlan plan(SseServer server) {
        return BenchPlan.against(BenchTarget.of(server.baseUrl(), ApiKey.of("sk-bench-secret")));
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
