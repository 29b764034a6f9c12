package dev.sheepdog.adapter.out.anthropic;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.adapter.out.anthropic.fixtures.AnthropicRecordedStreams;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.support.sse.SseDecoder;
import dev.sheepdog.support.sse.SseEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded Anthropic stream, through the SSE decoder and the reader, rebuilds what EXPECTED.json says. */
class RecordedAnthropicStreamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FEEDS = List.of("whole", "pieces-1", "pieces-2", "pieces-3", "crlf", "cr", "bom");

    static Stream<Arguments> streams() {
        return AnthropicRecordedStreams.names().stream()
                .flatMap(name -> FEEDS.stream().map(feed -> Arguments.of(name, feed)));
    }

    @ParameterizedTest(name = "{0} fed {1}")
    @MethodSource("streams")
    void rebuildsWhatAnOpenAiClientShouldSee(String name, String feed) throws IOException {
        JsonNode expected = AnthropicRecordedStreams.expected(name);
        List<CompletionEvent> events = read(body(AnthropicRecordedStreams.body(name), feed), feed);
        ReconstructedStream stream = ReconstructedStream.of(events);

        assertThat(stream.content()).isEqualTo(expected.get("content").asText());
        assertThat(stream.reasoning()).isEqualTo(expected.get("reasoning").asText());
        List<ReconstructedStream.Call> calls = new ArrayList<>();
        expected.get("tool_calls").forEach(call -> calls.add(new ReconstructedStream.Call(
                call.get("id").asText(), call.get("name").asText(), call.get("arguments").asText())));
        assertThat(stream.toolCalls()).isEqualTo(calls);
        JsonNode finish = expected.get("finish_reason");
        assertThat(stream.finishes().stream().map(reason -> reason.name().toLowerCase()).toList())
                .isEqualTo(finish.isNull() ? List.of() : List.of(finish.asText()));

        JsonNode usage = expected.get("usage");
        assertThat(stream.usage()).get().satisfies(reported -> {
            assertThat(reported.promptTokens()).isEqualTo(usage.get("prompt_tokens").asLong());
            assertThat(reported.completionTokens()).isEqualTo(usage.get("completion_tokens").asLong());
            assertThat(reported.cacheReadTokens()).isEqualTo(usage.get("cached_tokens").asLong());
            assertThat(reported.cacheWriteTokens()).isEqualTo(usage.path("cache_creation_input_tokens").asLong(0));
            assertThat(reported.estimated()).isFalse();
        });

        assertThat(events.getFirst()).isInstanceOfSatisfying(Chunk.class,
                first -> assertThat(first.deltas().getFirst()).isEqualTo(new Delta.Start(Role.ASSISTANT)));
        assertThat(events.stream().filter(Chunk.class::isInstance)
                .flatMap(chunk -> ((Chunk) chunk).deltas().stream()).filter(Delta.Start.class::isInstance)).hasSize(1);
        assertThat(events.get(events.size() - 2)).isInstanceOf(UsageReport.class);
        assertThat(events.stream().filter(CompletionEvent::terminal)).hasSize(1);
        List<JsonNode> errors = new ArrayList<>();
        expected.get("errors").forEach(errors::add);
        if (errors.isEmpty()) {
            assertThat(events.getLast()).isInstanceOf(End.class);
            assertThat(stream.failure()).isEmpty();
        } else {
            assertThat(stream.failure()).get().satisfies(failed -> {
                assertThat(failed.failure().kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE);
                assertThat(failed.failure().retryable()).isTrue();
                assertThat(JSON.readTree(failed.failure().providerError().orElseThrow().text()))
                        .isEqualTo(errors.getFirst());
            });
        }
    }

    private static List<CompletionEvent> read(byte[] body, String feed) {
        SseDecoder decoder = new SseDecoder();
        AnthropicEventReader reader = new AnthropicEventReader();
        List<CompletionEvent> events = new ArrayList<>();
        if (feed.startsWith("pieces-")) {
            Random random = new Random(Long.parseLong(feed.substring("pieces-".length())));
            for (int from = 0; from < body.length; ) {
                int length = Math.min(1 + random.nextInt(9), body.length - from);
                decoder.feed(body, from, length).forEach(event -> events.addAll(reader.interpret(event)));
                from += length;
            }
        } else {
            for (SseEvent event : decoder.feed(body)) {
                events.addAll(reader.interpret(event));
            }
        }
        reader.endOfBody(decoder.finish()).ifPresent(events::add);
        return events;
    }

    private static byte[] body(byte[] recorded, String feed) {
        String text = new String(recorded, UTF_8);
        return switch (feed) {
            case "crlf" -> text.replace("\n", "\r\n").getBytes(UTF_8);
            case "cr" -> text.replace("\n", "\r").getBytes(UTF_8);
            case "bom" -> ("\uFEFF" + text).getBytes(UTF_8);
            default -> recorded;
        };
    }
}
