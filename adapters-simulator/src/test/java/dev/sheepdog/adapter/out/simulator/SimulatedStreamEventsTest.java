package dev.sheepdog.adapter.out.simulator;

import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ENDPOINT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.INSTANT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.MODEL;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ask;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.contentChunks;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.drain;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.provider;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.withMaxTokens;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.RawJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedStreamEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CompletionRequest REQUEST = ask("Một tiêu đề cho bài viết về du lịch");

    @Test
    void streamsTheRoleThenTheTextThenStopThenUsageThenTheEnd() throws Exception {
        List<CompletionEvent> events = drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, REQUEST));
        List<Chunk> content = contentChunks(events);
        int n = content.size();

        assertThat(events).hasSize(n + 3);
        assertThat(json(content.getFirst().json()).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(json(content.get(1).json()).at("/choices/0/delta").has("role")).isFalse();
        assertThat(String.join("", content.stream().map(Chunk::text).toList()))
                .isEqualTo(SimulatorFixtures.answerTo(SimulatorFixtures.nonStreaming(REQUEST)));
        Chunk finish = (Chunk) events.get(n);
        assertThat(finish.finishReason()).contains("stop");
        assertThat(json(finish.json()).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        UsageReport usage = (UsageReport) events.get(n + 1);
        assertThat(usage.usage().completionTokens()).isEqualTo(n);
        assertThat(usage.usage().promptTokens()).isPositive();
        JsonNode usageChunk = json(usage.usageOnlyChunk().orElseThrow());
        assertThat(usageChunk.get("choices")).isEmpty();
        assertThat(usageChunk.at("/usage/completion_tokens").asLong()).isEqualTo(n);
        assertThat(events.getLast()).isInstanceOf(End.class);
    }

    @Test
    void everyChunkIsAChatCompletionChunkOfTheRequestedModel() throws Exception {
        List<CompletionEvent> events = drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, REQUEST));
        List<RawJson> chunks = events.stream().<RawJson>mapMulti((event, out) -> {
            if (event instanceof Chunk chunk) {
                out.accept(chunk.json());
            } else if (event instanceof UsageReport report) {
                report.usageOnlyChunk().ifPresent(out);
            }
        }).toList();
        String id = json(chunks.getFirst()).get("id").asText();

        assertThat(id).startsWith("chatcmpl-");
        for (RawJson chunk : chunks) {
            JsonNode node = json(chunk);
            assertThat(node.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(node.get("model").asText()).isEqualTo(MODEL);
            assertThat(node.get("id").asText()).isEqualTo(id);
            assertThat(node.get("created").asLong()).isEqualTo(SimulatorFixtures.CLOCK.instant().getEpochSecond());
            assertThat(node.get("choices").isArray()).isTrue();
        }
    }

    @Test
    void cutsTheAnswerAtMaxTokensWithFinishReasonLength() throws InterruptedException {
        List<CompletionEvent> events = drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, withMaxTokens(REQUEST, 7)));

        assertThat(contentChunks(events)).hasSize(7);
        assertThat(((Chunk) events.get(7)).finishReason()).contains("length");
        assertThat(((UsageReport) events.get(8)).usage().completionTokens()).isEqualTo(7);
    }

    @Test
    void stopsNaturallyWhenMaxTokensIsNotReached() throws InterruptedException {
        int natural = contentChunks(drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, REQUEST))).size();

        List<CompletionEvent> events = drain(
                provider(INSTANT).open(ENDPOINT, ApiKey.NONE, withMaxTokens(REQUEST, natural)));

        assertThat(contentChunks(events)).hasSize(natural);
        assertThat(((Chunk) events.get(natural)).finishReason()).contains("stop");
    }

    @Test
    void givesExactlyTheConfiguredNumberOfTokens() throws InterruptedException {
        List<CompletionEvent> events = drain(
                provider(INSTANT.withTokensPerAnswer(37)).open(ENDPOINT, ApiKey.NONE, REQUEST));

        assertThat(contentChunks(events)).hasSize(37);
        assertThat(((UsageReport) events.get(38)).usage().completionTokens()).isEqualTo(37);
    }

    @Test
    void keepsReturningTheEndAfterTheEnd() throws InterruptedException {
        CompletionStream stream = provider(INSTANT).open(ENDPOINT, ApiKey.NONE, REQUEST);
        drain(stream);

        assertThat(stream.poll(Duration.ZERO)).get().isInstanceOf(End.class);
        assertThat(stream.poll(Duration.ofSeconds(1))).get().isInstanceOf(End.class);
    }

    private static JsonNode json(RawJson raw) throws Exception {
        return JSON.readTree(raw.text());
    }
}
