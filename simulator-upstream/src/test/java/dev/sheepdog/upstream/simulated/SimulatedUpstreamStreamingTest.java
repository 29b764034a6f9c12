package dev.sheepdog.upstream.simulated;

import static dev.sheepdog.upstream.simulated.UpstreamFixtures.INSTANT;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.body;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.chunks;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.post;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.stream;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated upstream streams exactly as OpenAI does: chunk events flushed when due, usage on request, [DONE]. */
class SimulatedUpstreamStreamingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SimulatedUpstreamServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void streamsRoleAndContentChunksThenTheFinishChunkThenDone() throws Exception {
        server = UpstreamFixtures.start(INSTANT);

        try (SseReader sse = stream(post(server, body(true, "")))) {
            List<SseReader.Line> lines = sse.untilEnd(WAIT);

            assertThat(sse.response().statusCode()).isEqualTo(200);
            assertThat(sse.response().headers().firstValue("Content-Type")).contains("text/event-stream");
            assertThat(lines.getLast().failure()).as("a clean end of body").isNull();
            // data line, blank line, data line, ...: one event per chunk
            List<String> texts = lines.subList(0, lines.size() - 1).stream().map(SseReader.Line::text).toList();
            for (int i = 0; i < texts.size(); i++) {
                assertThat(texts.get(i)).as("line %d", i).matches(i % 2 == 0 ? "data: .+" : "");
            }
            assertThat(texts).contains("data: [DONE]").endsWith("data: [DONE]", "");
            List<JsonNode> chunks = chunks(lines);
            assertThat(chunks).hasSize(6).allSatisfy(chunk -> {
                assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
                assertThat(chunk.path("model").asText()).isEqualTo(UpstreamFixtures.MODEL);
            });
            assertThat(chunks.getFirst().at("/choices/0/delta/role").asText()).isEqualTo("assistant");
            assertThat(chunks.subList(0, 5)).allSatisfy(chunk ->
                    assertThat(chunk.at("/choices/0/delta/content").asText()).isNotEmpty());
            assertThat(chunks.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        }
    }

    @Test
    void flushesEachTokenWhenItIsDueNotAllAtTheEnd() throws Exception {
        Duration delay = Duration.ofMillis(30);
        server = UpstreamFixtures.start(INSTANT.withDelays(Duration.ZERO, delay).withTokensPerAnswer(8));
        answer(body(true, "")); // warms up both sides, so that the stream measured is not the first ever read

        try (SseReader sse = stream(post(server, body(true, "")))) {
            List<SseReader.Line> data = sse.untilEnd(WAIT).stream()
                    .filter(line -> !line.end() && line.text().startsWith("data: ")).toList();

            assertThat(data).hasSize(10);
            assertThat(data).extracting(SseReader.Line::nanos).isSorted();
            Duration spread = Duration.ofNanos(data.get(7).nanos() - data.getFirst().nanos());
            // Seven delays apart when sent; half of that leaves room for a slow reader, not for buffering.
            assertThat(spread).as("eight tokens arrive spread over time")
                    .isGreaterThan(delay.multipliedBy(7).dividedBy(2));
        }
    }

    @Test
    void sendsTheUsageChunkOnlyWhenTheRequestAsksForIt() throws Exception {
        server = UpstreamFixtures.start(INSTANT);

        List<JsonNode> without;
        try (SseReader sse = stream(post(server, body(true, "")))) {
            without = chunks(sse.untilEnd(WAIT));
        }
        List<JsonNode> with;
        try (SseReader sse = stream(post(server, body(true, "\"stream_options\":{\"include_usage\":true}")))) {
            with = chunks(sse.untilEnd(WAIT));
        }

        assertThat(without).noneMatch(chunk -> chunk.has("usage"));
        assertThat(with).hasSize(without.size() + 1);
        JsonNode usage = with.getLast();
        assertThat(usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(5);
        assertThat(usage.at("/usage/total_tokens").asInt())
                .isEqualTo(usage.at("/usage/prompt_tokens").asInt() + 5);
    }

    @Test
    void theSameRequestAndSeedGiveTheSameTextAndAnotherSeedAnother() throws Exception {
        server = UpstreamFixtures.start(INSTANT.withTokensPerAnswer(60));

        String first = answer(body(true, "\"seed\": 7"));
        String again = answer(body(true, "\"seed\": 7"));
        String otherSeed = answer(body(true, "\"seed\": 8"));

        assertThat(first).isNotBlank().isEqualTo(again).isNotEqualTo(otherSeed);
    }

    @Test
    void readsContentGivenAsAnArrayOfTextParts() throws Exception {
        server = UpstreamFixtures.start(INSTANT.withTokensPerAnswer(60));
        String asParts = "{\"model\":\"gpt-4.1\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Viết về \"},{\"type\":\"text\",\"text\":\"cà phê\"}]}]}";

        assertThat(answer(asParts)).isEqualTo(answer(body(true, "")));
    }

    @Test
    void honoursMaxTokensWithTheLengthFinishReason() throws Exception {
        server = UpstreamFixtures.start(INSTANT);

        try (SseReader sse = stream(post(server, body(true, "\"max_tokens\": 2")))) {
            List<JsonNode> chunks = chunks(sse.untilEnd(WAIT));

            assertThat(chunks).hasSize(3);
            assertThat(chunks.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("length");
        }
    }

    private String answer(String body) throws IOException, InterruptedException {
        try (SseReader sse = stream(post(server, body))) {
            return text(chunks(sse.untilEnd(WAIT)));
        }
    }
}
