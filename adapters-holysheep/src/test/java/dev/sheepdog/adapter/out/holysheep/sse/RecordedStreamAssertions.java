package dev.sheepdog.adapter.out.holysheep.sse;

import dev.sheepdog.support.sse.SseEvent;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.adapter.out.holysheep.fixtures.RecordedStreams;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.Usage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks a decoded recording against its INDEX.json stats and EXPECTED.json reconstruction. */
final class RecordedStreamAssertions {

    private static final List<String> RECONSTRUCTED_KEYS = List.of("content", "reasoning", "refusal", "tool_calls",
            "finish_reason", "usage", "errors", "done_dispatched", "ids", "models", "n_chunks", "n_empty_choices");

    private RecordedStreamAssertions() {
    }

    static void assertMatchesRecording(String name, DecodedStream decoded) {
        assertSseStats(name, decoded);
        InterpretedStream interpreted = InterpretedStream.of(decoded);
        JsonNode expected = RecordedStreams.expected(name);
        JsonNode actual = interpreted.reconstruction().toJson();
        for (String key : RECONSTRUCTED_KEYS) {
            if (expected.has(key)) {
                assertThat(actual.get(key)).as("%s: %s", name, key).isEqualTo(expected.get(key));
            }
        }
        assertDomainEvents(name, interpreted.events(), expected);
    }

    private static void assertSseStats(String name, DecodedStream decoded) {
        JsonNode stats = RecordedStreams.index(name).path("sse_stats");
        if (stats.isNull() || stats.isMissingNode()) { // payload_*.jsonl: one event per line, then [DONE]
            long lines = new String(RecordedStreams.bytes(name), UTF_8).lines().filter(l -> !l.isBlank()).count();
            assertThat(decoded).isEqualTo(new DecodedStream(decoded.events(), 0, false));
            assertThat(decoded.events()).hasSize((int) lines + 1);
            assertThat(decoded.doneDispatched()).isTrue();
            return;
        }
        assertThat(decoded.events()).as("%s: events", name).hasSize(stats.path("events").asInt());
        assertThat(decoded.comments()).as("%s: comments", name).isEqualTo(stats.path("comments").asInt());
        assertThat(decoded.doneDispatched()).as("%s: [DONE]", name).isEqualTo(stats.path("done_dispatched").asBoolean());
        assertThat(decoded.unterminatedTail()).as("%s: tail", name).isEqualTo(stats.path("unterminated_tail").asBoolean());
        assertThat(decoded.events().stream().map(SseEvent::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(stats.path("event_types").valueStream().map(JsonNode::asText).toList());
    }

    private static void assertDomainEvents(String name, List<CompletionEvent> events, JsonNode expected) {
        assertThat(events).as("%s: one terminal event, last", name)
                .filteredOn(CompletionEvent::terminal).containsExactly(events.getLast());
        if (expected.path("errors").isEmpty()) {
            assertThat(events.getLast()).as(name).isInstanceOf(End.class);
        } else {
            assertThat(events.getLast()).as(name).isInstanceOfSatisfying(Failed.class,
                    failed -> assertThat(failed.failure().kind()).isEqualTo(FailureKind.UPSTREAM_ERROR));
        }
        String text = events.stream().filter(Chunk.class::isInstance).map(e -> ((Chunk) e).text())
                .collect(Collectors.joining());
        assertThat(text).as("%s: the domain's text", name).isEqualTo(expected.path("content").asText());
        assertNeutralDeltas(name, events, expected);
        Optional<Usage> lastUsage = events.stream().filter(UsageReport.class::isInstance)
                .map(e -> ((UsageReport) e).usage()).reduce((first, second) -> second);
        JsonNode usage = expected.path("usage");
        assertThat(lastUsage).as("%s: the domain's usage", name).isEqualTo(usage.isNull()
                ? Optional.empty()
                : Optional.of(expectedUsage(usage)));
    }

    // What a client of another format is rendered: the deltas must carry everything EXPECTED.json says.
    private static void assertNeutralDeltas(String name, List<CompletionEvent> events, JsonNode expected) {
        NeutralReconstruction neutral = NeutralReconstruction.of(events);
        assertThat(neutral.content()).as("%s: text deltas", name).isEqualTo(expected.path("content").asText());
        assertThat(neutral.reasoning()).as("%s: reasoning deltas", name).isEqualTo(expected.path("reasoning").asText());
        assertThat(neutral.toolCalls()).as("%s: tool-call deltas", name).containsExactlyElementsOf(
                expected.path("tool_calls").valueStream().map(call -> new NeutralReconstruction.Call(
                        call.path("id").asText(null), call.path("name").asText(null),
                        call.path("arguments").asText())).toList());
        assertThat(neutral.finish().map(reason -> reason.name().toLowerCase(java.util.Locale.ROOT)))
                .as("%s: finish delta", name)
                .isEqualTo(Optional.ofNullable(expected.path("finish_reason").textValue()));
    }

    // One recording (OpenRouter) reports 11 reasoning tokens of a 10-token completion: the counts are clamped.
    private static Usage expectedUsage(JsonNode usage) {
        long prompt = usage.path("prompt_tokens").asLong();
        long completion = usage.path("completion_tokens").asLong();
        long cacheRead = Math.min(usage.path("prompt_tokens_details").path("cached_tokens").asLong(0), prompt);
        long cacheWrite = Math.min(usage.path("prompt_tokens_details").path("cache_write_tokens").asLong(0),
                prompt - cacheRead);
        long reasoning = Math.min(usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0), completion);
        return new Usage(prompt, completion, cacheRead, cacheWrite, reasoning, false);
    }
}
