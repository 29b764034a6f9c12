package dev.sheepdog.wire.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Usage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Neutral deltas written as the {@code chat.completion.chunk}s an OpenAI client reads. */
class ChunkWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"claude-sonnet-4-5\",";

    private final ChunkWriter writer = new ChunkWriter("chatcmpl-1", "claude-sonnet-4-5", 1_700_000_000L);

    @Test
    void writesTheRoleInTheFirstChunkOnly() {
        assertThat(writer.chunk(List.of(new Delta.Start(Role.ASSISTANT)))).hasValue(HEAD + "\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}");
        assertThat(writer.chunk(List.of(new Delta.Text("Xin chào")))).hasValue(HEAD + "\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"Xin chào\"},\"logprobs\":null,\"finish_reason\":null}]}");
    }

    @Test
    void impliesTheAssistantRoleWhenTheFirstChunkHasNoStart() throws Exception {
        JsonNode first = delta(writer.chunk(List.of(new Delta.Text("Hi"))).orElseThrow());

        assertThat(first.path("role").asText()).isEqualTo("assistant");
        assertThat(first.path("content").asText()).isEqualTo("Hi");
        assertThat(delta(writer.chunk(List.of(new Delta.Start(Role.ASSISTANT), new Delta.Text("!"))).orElseThrow())
                .has("role")).isFalse();
    }

    @Test
    void writesNothingForAChunkThatSaysNothingNew() {
        writer.chunk(List.of(new Delta.Start(Role.ASSISTANT)));

        assertThat(writer.chunk(List.of(new Delta.Text("")))).isEmpty();
        assertThat(writer.chunk(List.of())).isEmpty();
    }

    @Test
    void writesReasoningAndItsSignature() throws Exception {
        writer.chunk(List.of(new Delta.Start(Role.ASSISTANT)));

        JsonNode thinking = delta(writer.chunk(List.of(new Delta.Reasoning("Let me think", Optional.empty()))).orElseThrow());
        JsonNode signed = delta(writer.chunk(List.of(new Delta.Reasoning("", Optional.of("EqQBCkgI")))).orElseThrow());

        assertThat(thinking.toString()).isEqualTo("{\"reasoning_content\":\"Let me think\"}");
        assertThat(signed.toString()).isEqualTo("{\"reasoning_signature\":\"EqQBCkgI\"}");
    }

    @Test
    void namesAToolCallInItsFirstPieceOnly() {
        writer.chunk(List.of(new Delta.Start(Role.ASSISTANT)));

        String first = writer.chunk(List.of(new Delta.ToolCall(0, Optional.of("toolu_01"), Optional.of("get_weather"),
                ""))).orElseThrow();
        String later = writer.chunk(List.of(new Delta.ToolCall(0, Optional.of("toolu_01"), Optional.of("get_weather"),
                "{\"city\":"))).orElseThrow();

        assertThat(first).contains("\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"toolu_01\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}");
        assertThat(later).contains("\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}");
    }

    @Test
    void startsASecondToolCallWithItsOwnName() {
        writer.chunk(List.of(new Delta.ToolCall(0, Optional.of("a"), Optional.of("f"), "{}")));

        assertThat(writer.chunk(List.of(new Delta.ToolCall(1, Optional.of("b"), Optional.of("g"), "")))).hasValueSatisfying(
                chunk -> assertThat(chunk).contains("{\"index\":1,\"id\":\"b\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"g\",\"arguments\":\"\"}}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"STOP,stop", "LENGTH,length", "TOOL_CALLS,tool_calls", "CONTENT_FILTER,content_filter", "OTHER,stop"})
    void writesTheFinishReasonInOpenAisTerms(FinishReason reason, String wire) {
        writer.chunk(List.of(new Delta.Start(Role.ASSISTANT)));

        assertThat(writer.chunk(List.of(new Delta.Finish(reason)))).hasValue(HEAD + "\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"logprobs\":null,\"finish_reason\":\"" + wire + "\"}]}");
    }

    @Test
    void writesUsageWithCachedAndReasoningTokens() {
        assertThat(writer.usage(new Usage(1169, 201, 4, 0, 50, false))).isEqualTo(HEAD + "\"choices\":[],\"usage\":{"
                + "\"prompt_tokens\":1169,\"completion_tokens\":201,\"total_tokens\":1370,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":4},\"completion_tokens_details\":{\"reasoning_tokens\":50}}}");
    }

    @Test
    void addsTheCacheWriteTokensUnderAnthropicsNameWhenThereWereSome() throws Exception {
        JsonNode usage = JSON.readTree(writer.usage(new Usage(1169, 201, 0, 1165, 0, false))).get("usage");

        assertThat(usage.get("prompt_tokens").asLong()).isEqualTo(1169);
        assertThat(usage.get("cache_creation_input_tokens").asLong()).isEqualTo(1165);
    }

    @Test
    void escapesAHalfOfACharacterSplitBetweenTwoChunksSoTheClientCanJoinThem() throws Exception {
        String smile = "😄";
        String first = writer.chunk(List.of(new Delta.Text("a" + smile.charAt(0)))).orElseThrow();
        String second = writer.chunk(List.of(new Delta.Text(smile.charAt(1) + "b"))).orElseThrow();

        assertThat(first).contains("\"content\":\"a\\ud83d\"");
        assertThat(delta(first).get("content").asText() + delta(second).get("content").asText())
                .isEqualTo("a" + smile + "b");
    }

    @Test
    void givesEachStreamANewOpenAiStyleId() {
        assertThat(ChunkWriter.startingNow("m").id()).startsWith("chatcmpl-").isNotEqualTo(ChunkWriter.startingNow("m").id());
    }

    private static JsonNode delta(String chunk) throws Exception {
        return JSON.readTree(chunk).get("choices").get(0).get("delta");
    }
}
