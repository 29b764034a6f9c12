package dev.sheepdog.wire.openai;

import dev.sheepdog.support.sse.SseEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Verbatim;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Usage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OpenAI-compatible chunks become neutral events, each with its original JSON attached. */
class ChunkReaderTest {

    private static final String USAGE = "{\"prompt_tokens\":12,\"completion_tokens\":89,\"total_tokens\":101}";

    private final ChunkReader interpreter = new ChunkReader();

    @Test
    void keepsTheChunkJsonExactlyAsSentWithItsTextAndFinishReason() {
        String data = "{ \"choices\" : [{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}], \"x\":1.50 }";
        assertThat(interpret(data)).containsExactly(chunk(data, new Delta.Text("Hi"), new Delta.Finish(FinishReason.STOP)));
    }

    @Test
    void givesNoTextForReasoningToolCallsOrNullContent() {
        assertThat(interpret("{\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"hmm\"}}]}",
                "{\"choices\":[{\"delta\":{\"reasoning\":\"hmm\"}}]}",
                "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}}]}",
                "{\"choices\":[{\"delta\":{}}]}"))
                .hasSize(4)
                .allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(Chunk.class, chunk -> {
                    assertThat(chunk.text()).isEmpty();
                    assertThat(chunk.finishReason()).isEmpty();
                }));
    }

    @Test
    void readsTheRoleReasoningTextAndToolCallPiecesAsDeltas() {
        String role = "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}";
        String thinking = "{\"choices\":[{\"delta\":{\"reasoning_content\":\"hmm\",\"content\":null}}]}";
        String openRouter = "{\"choices\":[{\"delta\":{\"reasoning\":\"so\"}}]}";
        String calls = "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"\"}},{\"index\":1,\"function\":{\"arguments\":\"{}\"}}]}}]}";

        assertThat(interpret(role, thinking, openRouter, calls)).containsExactly(
                chunk(role, new Delta.Start(Role.ASSISTANT)),
                chunk(thinking, new Delta.Reasoning("hmm", Optional.empty())),
                chunk(openRouter, new Delta.Reasoning("so", Optional.empty())),
                chunk(calls, new Delta.ToolCall(0, Optional.of("call_a"), Optional.of("weather"), ""),
                        new Delta.ToolCall(1, Optional.empty(), Optional.empty(), "{}")));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"stop,STOP", "length,LENGTH", "tool_calls,TOOL_CALLS",
            "function_call,TOOL_CALLS", "content_filter,CONTENT_FILTER", "eos,OTHER"})
    void mapsFinishReasonsToTheDomainsTerms(String wire, FinishReason reason) {
        String data = "{\"choices\":[{\"delta\":{},\"finish_reason\":\"" + wire + "\"}]}";
        assertThat(interpret(data)).containsExactly(chunk(data, new Delta.Finish(reason)));
    }

    @Test
    void readsCachedAndReasoningTokensAndClampsOddCounts() {
        assertThat(interpret("{\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":60,\"cache_write_tokens\":30},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":15}}}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":50},\"completion_tokens_details\":{\"reasoning_tokens\":9}}}"))
                .extracting(event -> ((UsageReport) event).usage())
                .containsExactly(new Usage(100, 20, 60, 30, 15, false), new Usage(10, 2, 10, 0, 2, false));
    }

    @Test
    void endsOnDoneAndIgnoresEverythingAfter() {
        assertThat(interpret("[DONE]", "{\"choices\":[{\"delta\":{\"content\":\"late\"}}]}", "[DONE]"))
                .containsExactly(new End());
        assertThat(interpreter.ended()).isTrue();
        assertThat(interpreter.endOfBody(false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n"})
    void skipsEmptyData(String data) {
        assertThat(interpret(data)).isEmpty();
    }

    @Test
    void reportsUsageOfAChunkWithEmptyChoicesAsAUsageOnlyChunk() {
        String data = "{\"choices\":[],\"usage\":" + USAGE + "}";
        assertThat(interpret(data))
                .containsExactly(new UsageReport(Usage.reported(12, 89), original(data)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"choices\":null,\"usage\":" + USAGE + "}", "{\"usage\":" + USAGE + "}"})
    void reportsUsageOfAChunkWithNullOrMissingChoicesAsAUsageOnlyChunk(String data) {
        assertThat(interpret(data))
                .containsExactly(new UsageReport(Usage.reported(12, 89), original(data)));
    }

    @Test
    void passesOnAChunkWithEmptyChoicesAndNoUsage() {
        // Azure's first chunk: choices [] and prompt_filter_results
        String data = "{\"choices\":[],\"id\":\"\",\"prompt_filter_results\":[],\"usage\":null}";
        assertThat(interpret(data)).containsExactly(chunk(data));
    }

    @Test
    void reportsUsageOnTheFinishChunkAfterThatChunk() {
        String data = "{\"choices\":[{\"delta\":{\"content\":\"!\"},\"finish_reason\":\"stop\"}],\"usage\":" + USAGE + "}";
        assertThat(interpret(data)).containsExactly(
                chunk(data, new Delta.Text("!"), new Delta.Finish(FinishReason.STOP)),
                new UsageReport(Usage.reported(12, 89), Optional.empty()));
    }

    @Test
    void readsMissingTokenCountsAsZero() {
        assertThat(interpret("{\"choices\":[],\"usage\":{\"total_tokens\":3}}"))
                .singleElement().isInstanceOfSatisfying(UsageReport.class,
                        report -> assertThat(report.usage()).isEqualTo(Usage.reported(0, 0)));
    }

    @Test
    void passesOnAnExtraChunkAfterTheUsageChunkWithoutReportingUsageAgain() {
        List<CompletionEvent> events = interpret(
                "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}",
                "{\"choices\":[],\"usage\":" + USAGE + "}",
                "{\"choices\":[],\"obfuscation\":\"Zx\",\"usage\":null}",
                "[DONE]");
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Chunk", "UsageReport", "Chunk", "End");
    }

    @Test
    void failsOnAnErrorEvent() {
        List<CompletionEvent> events = interpreter.interpret(
                new SseEvent("error", "{\"error\":{\"message\":\"Overloaded\",\"code\":\"overloaded_error\"}}"));
        assertThat(events).containsExactly(upstreamError("Overloaded", "overloaded_error",
                "{\"message\":\"Overloaded\",\"code\":\"overloaded_error\"}"));
        assertThat(interpret("{\"choices\":[{\"delta\":{\"content\":\"late\"}}]}")).isEmpty();
    }

    @Test
    void failsOnAnErrorEventWithPlainTextData() {
        assertThat(interpreter.interpret(new SseEvent("error", "upstream went away")))
                .containsExactly(upstreamError("upstream went away", null));
    }

    @Test
    void failsOnAnErrorMemberEvenBesideChoicesAndReportsItsUsageFirst() {
        // OpenRouter: a chunk with "error" next to choices and usage
        String data = "{\"error\":{\"code\":400,\"message\":\"Token limit reached\"},"
                + "\"choices\":[{\"delta\":{\"content\":\"\"},\"finish_reason\":null}],\"usage\":" + USAGE + "}";
        assertThat(interpret(data, "[DONE]")).containsExactly(
                new UsageReport(Usage.reported(12, 89), Optional.empty()),
                upstreamError("Token limit reached", "400", "{\"code\":400,\"message\":\"Token limit reached\"}"));
    }

    @Test
    void failsOnAVllmErrorObject() {
        assertThat(interpret("{\"object\":\"error\",\"message\":\"max_tokens is too large\","
                + "\"type\":\"BadRequestError\",\"param\":null,\"code\":400}"))
                .containsExactly(upstreamError("max_tokens is too large", "400", "{\"object\":\"error\","
                        + "\"message\":\"max_tokens is too large\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}"));
    }

    @Test
    void failsWithAGenericMessageWhenTheErrorHasNone() {
        assertThat(interpret("{\"error\":{\"type\":\"server_error\"}}"))
                .containsExactly(upstreamError(ErrorReader.GENERIC_MESSAGE, null, "{\"type\":\"server_error\"}"));
    }

    @Test
    void failsOnDataThatIsNotJsonWithoutEchoingAllOfIt() {
        List<CompletionEvent> events = interpret("{\"choices\":[" + "x".repeat(5000));
        assertThat(events).singleElement().isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.failure().kind()).isEqualTo(FailureKind.MALFORMED_STREAM);
            assertThat(failed.failure().message()).hasSizeLessThan(140);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "42", "\"text\"", "null", "{\"choices\":[]} trailing"})
    void failsOnJsonThatIsNotOneObject(String data) {
        assertThat(interpret(data)).singleElement().isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure().kind()).isEqualTo(FailureKind.MALFORMED_STREAM));
    }

    @Test
    void endsNormallyWhenTheBodyEndsAfterAFinishReason() {
        interpret("{\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}");
        assertThat(interpreter.endOfBody(true)).contains(new End());
    }

    @Test
    void failsAsTruncatedWhenTheBodyEndsBeforeAFinishReason() {
        interpret("{\"choices\":[{\"delta\":{\"content\":\"Hal\"},\"finish_reason\":null}]}");
        assertThat(interpreter.endOfBody(false)).hasValueSatisfying(event -> assertThat(event)
                .isInstanceOfSatisfying(Failed.class,
                        failed -> assertThat(failed.failure().kind()).isEqualTo(FailureKind.STREAM_TRUNCATED)));
    }

    @Test
    void readsAWholeNonStreamingCompletion() {
        String body = "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Paris\"},\"finish_reason\":\"stop\"}],\"usage\":" + USAGE + "}";
        assertThat(CompletionReader.read(body)).containsExactly(
                new Chunk(List.of(new Delta.Start(Role.ASSISTANT), new Delta.Text("Paris"),
                        new Delta.Finish(FinishReason.STOP)), Optional.of(new Verbatim(OpenAiWire.COMPLETION, body))),
                new UsageReport(Usage.reported(12, 89), Optional.empty()),
                new End());
    }

    @Test
    void readsAnErrorInsteadOfANonStreamingCompletion() {
        assertThat(CompletionReader.read("{\"error\":{\"message\":\"bad\",\"code\":\"invalid\"}}"))
                .containsExactly(upstreamError("bad", "invalid", "{\"message\":\"bad\",\"code\":\"invalid\"}"));
    }

    @Test
    void keepsTheWholeErrorObjectOfAGroqErrorEvent() {
        // Groq ends a failed tool call's stream with event: error: the 400 body's object, plus status_code
        String error = "{\"message\":\"Tool call validation failed\",\"type\":\"invalid_request_error\","
                + "\"code\":\"tool_use_failed\",\"failed_generation\":\"{\\\"name\\\": \\\"f\\\"}\",\"status_code\":400}";
        assertThat(interpreter.interpret(new SseEvent("error", "{\"error\":" + error + "}")))
                .containsExactly(upstreamError("Tool call validation failed", "tool_use_failed", error));
    }

    @Test
    void keepsNoObjectForAnErrorEventOfPlainText() {
        assertThat(interpreter.interpret(new SseEvent("error", "upstream went away")))
                .singleElement().isInstanceOfSatisfying(Failed.class,
                        failed -> assertThat(failed.failure().providerError()).isEmpty());
    }

    private static Chunk chunk(String data, Delta... deltas) {
        return new Chunk(List.of(deltas), original(data));
    }

    private static Optional<Verbatim> original(String data) {
        return Optional.of(new Verbatim(OpenAiWire.CHUNK, data));
    }

    private List<CompletionEvent> interpret(String... data) {
        return Arrays.stream(data)
                .flatMap(d -> interpreter.interpret(SseEvent.message(d)).stream())
                .toList();
    }

    private static Failed upstreamError(String message, String code) {
        return new Failed(new CompletionFailure(
                FailureKind.UPSTREAM_ERROR, message, 0, Optional.ofNullable(code), Optional.empty()));
    }

    /** The failure, with the provider's error object kept as the provider sent it (compact). */
    private static Failed upstreamError(String message, String code, String providerError) {
        return new Failed(new CompletionFailure(FailureKind.UPSTREAM_ERROR, message, 0, Optional.ofNullable(code),
                Optional.empty(), Optional.of(new RawJson(providerError))));
    }
}
