package dev.sheepdog.adapter.out.holysheep.sse;

import dev.sheepdog.support.sse.SseEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Usage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkInterpreterTest {

    private static final String USAGE = "{\"prompt_tokens\":12,\"completion_tokens\":89,\"total_tokens\":101}";

    private final ChunkInterpreter interpreter = new ChunkInterpreter();

    @Test
    void keepsTheChunkJsonExactlyAsSentWithItsTextAndFinishReason() {
        String data = "{ \"choices\" : [{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}], \"x\":1.50 }";
        assertThat(interpret(data)).containsExactly(new Chunk(new RawJson(data), "Hi", Optional.of("stop")));
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
                .containsExactly(new UsageReport(Usage.reported(12, 89), Optional.of(new RawJson(data))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"choices\":null,\"usage\":" + USAGE + "}", "{\"usage\":" + USAGE + "}"})
    void reportsUsageOfAChunkWithNullOrMissingChoicesAsAUsageOnlyChunk(String data) {
        assertThat(interpret(data))
                .containsExactly(new UsageReport(Usage.reported(12, 89), Optional.of(new RawJson(data))));
    }

    @Test
    void passesOnAChunkWithEmptyChoicesAndNoUsage() {
        // Azure's first chunk: choices [] and prompt_filter_results
        String data = "{\"choices\":[],\"id\":\"\",\"prompt_filter_results\":[],\"usage\":null}";
        assertThat(interpret(data)).containsExactly(new Chunk(new RawJson(data), "", Optional.empty()));
    }

    @Test
    void reportsUsageOnTheFinishChunkAfterThatChunk() {
        String data = "{\"choices\":[{\"delta\":{\"content\":\"!\"},\"finish_reason\":\"stop\"}],\"usage\":" + USAGE + "}";
        assertThat(interpret(data)).containsExactly(
                new Chunk(new RawJson(data), "!", Optional.of("stop")),
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
                .containsExactly(upstreamError(UpstreamErrors.GENERIC_MESSAGE, null, "{\"type\":\"server_error\"}"));
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
        assertThat(ChunkInterpreter.interpretCompletion(body)).containsExactly(
                new Chunk(new RawJson(body), "Paris", Optional.of("stop")),
                new UsageReport(Usage.reported(12, 89), Optional.empty()),
                new End());
    }

    @Test
    void readsAnErrorInsteadOfANonStreamingCompletion() {
        assertThat(ChunkInterpreter.interpretCompletion("{\"error\":{\"message\":\"bad\",\"code\":\"invalid\"}}"))
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
