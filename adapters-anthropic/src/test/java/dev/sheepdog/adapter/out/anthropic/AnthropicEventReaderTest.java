package dev.sheepdog.adapter.out.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Usage;
import dev.sheepdog.support.sse.SseEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AnthropicEventReaderTest {

    private static final String START = "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":10,"
            + "\"cache_creation_input_tokens\":5,\"cache_read_input_tokens\":20,\"output_tokens\":1}}}";

    private static final String TEXT =
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}";

    private final AnthropicEventReader reader = new AnthropicEventReader();

    @Test
    void theRoleGoesOutWithTheFirstPieceOfTheAnswerNotAloneOnMessageStart() {
        assertThat(reader.interpret(event(START))).isEmpty();

        List<CompletionEvent> first = reader.interpret(event(TEXT));
        List<CompletionEvent> second = reader.interpret(event(TEXT));

        assertThat(first).containsExactly(Chunk.of(new Delta.Start(Role.ASSISTANT), new Delta.Text("Hi")));
        assertThat(second).containsExactly(Chunk.of(new Delta.Text("Hi")));
    }

    @Test
    void aSignatureBecomesReasoningWithNoTextAndTheSignature() {
        answerBegun();

        List<CompletionEvent> events = reader.interpret(event("{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQBCkgIARABGAIiQ\"}}"));

        assertThat(events).containsExactly(Chunk.of(new Delta.Reasoning("", Optional.of("EqQBCkgIARABGAIiQ"))));
    }

    @Test
    void numbersToolCallsByTheirOrderAmongToolBlocksNotByBlockIndex() {
        answerBegun();

        List<CompletionEvent> start = reader.interpret(event("{\"type\":\"content_block_start\",\"index\":1,"
                + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"now\",\"input\":{}}}"));
        List<CompletionEvent> piece = reader.interpret(event("{\"type\":\"content_block_delta\",\"index\":1,"
                + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"tz\\\":\"}}"));
        List<CompletionEvent> citation = reader.interpret(event("{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"citations_delta\",\"citation\":{}}}"));

        assertThat(start).containsExactly(Chunk.of(new Delta.ToolCall(0, Optional.of("toolu_9"), Optional.of("now"), "")));
        assertThat(piece).containsExactly(Chunk.of(new Delta.ToolCall(0, Optional.empty(), Optional.empty(), "{\"tz\":")));
        assertThat(citation).isEmpty();
    }

    @Test
    void usageCountsCacheReadsAndWritesInThePromptAndTakesTheLastNonNullValues() {
        reader.interpret(event(START));
        reader.interpret(event("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{"
                + "\"input_tokens\":null,\"output_tokens\":40,\"output_tokens_details\":{\"thinking_tokens\":70}}}"));

        List<CompletionEvent> end = reader.interpret(event("{\"type\":\"message_stop\"}"));

        // reasoning tokens cannot exceed the output they are part of
        assertThat(end).containsExactly(UsageReport.of(new Usage(35, 40, 20, 5, 40, false)), new End());
    }

    @ParameterizedTest
    @CsvSource({"end_turn,STOP", "stop_sequence,STOP", "max_tokens,LENGTH", "tool_use,TOOL_CALLS",
            "refusal,CONTENT_FILTER", "pause_turn,OTHER"})
    void mapsStopReasons(String stopReason, FinishReason expected) {
        answerBegun();
        List<CompletionEvent> events = reader.interpret(event(
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason + "\"},\"usage\":{}}"));

        assertThat(events).containsExactly(Chunk.of(new Delta.Finish(expected)));
    }

    @ParameterizedTest
    @CsvSource({"overloaded_error,UPSTREAM_UNAVAILABLE,true", "rate_limit_error,RATE_LIMITED,true",
            "authentication_error,UPSTREAM_AUTH,true", "permission_error,UPSTREAM_AUTH,true",
            "invalid_request_error,INVALID_REQUEST,false", "api_error,UPSTREAM_ERROR,false"})
    void mapsInStreamErrorsAfterReportingTheUsageSpent(String type, FailureKind kind, boolean retryable) {
        reader.interpret(event(START));

        List<CompletionEvent> events = reader.interpret(new SseEvent("error", "{\"type\":\"error\",\"error\":{\"type\":\""
                + type + "\",\"message\":\"Overloaded\"},\"request_id\":\"req_1\"}"));

        assertThat(events).hasSize(2).first().isInstanceOf(UsageReport.class);
        assertThat(((Failed) events.get(1)).failure()).satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(kind);
            assertThat(failure.retryable()).isEqualTo(retryable);
            assertThat(failure.message()).isEqualTo("Overloaded");
            assertThat(failure.upstreamCode()).contains(type);
            assertThat(failure.providerError().orElseThrow().text())
                    .isEqualTo("{\"type\":\"" + type + "\",\"message\":\"Overloaded\"}");
        });
        assertThat(reader.interpret(event("{\"type\":\"message_stop\"}"))).isEmpty();
        assertThat(reader.endOfBody(false)).isEmpty();
    }

    @Test
    void aBodyThatEndsAfterTheStopReasonEndsNormallyAndOneThatEndsBeforeItIsTruncated() {
        AnthropicEventReader stopped = new AnthropicEventReader();
        stopped.interpret(event("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}}"));
        reader.interpret(event(START));

        assertThat(stopped.endOfBody(false)).contains(new End());
        assertThat(reader.endOfBody(true)).get().isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure().kind()).isEqualTo(FailureKind.STREAM_TRUNCATED));
    }

    @Test
    void anEventThatIsNotJsonIsAMalformedStream() {
        List<CompletionEvent> events = reader.interpret(event("{\"type\":\"content_block_delta\","));

        assertThat(events).singleElement().isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure().kind()).isEqualTo(FailureKind.MALFORMED_STREAM));
        assertThat(reader.ended()).isTrue();
    }

    @Test
    void pingsAndBlockStopsAndEmptyDeltasYieldNothing() {
        assertThat(reader.interpret(new SseEvent("ping", "{\"type\": \"ping\"}"))).isEmpty();
        assertThat(reader.interpret(event("{\"type\":\"content_block_stop\",\"index\":0}"))).isEmpty();
        assertThat(reader.interpret(event("{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"\"}}"))).isEmpty();
    }

    private void answerBegun() {
        reader.interpret(event(START));
        reader.interpret(event(TEXT));
    }

    private static SseEvent event(String data) {
        return SseEvent.message(data);
    }
}
