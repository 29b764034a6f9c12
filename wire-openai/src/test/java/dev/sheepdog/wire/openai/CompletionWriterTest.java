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

/** A whole answer gathered from neutral deltas into the {@code chat.completion} a non-streaming client reads. */
class CompletionWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompletionWriter writer = new CompletionWriter("chatcmpl-1", "claude-haiku-4-5", 1_700_000_000L);

    @Test
    void writesTheTextFinishReasonAndUsage() {
        writer.add(List.of(new Delta.Start(Role.ASSISTANT), new Delta.Text("Xin ")));
        writer.add(List.of(new Delta.Text("chào")));
        writer.add(List.of(new Delta.Finish(FinishReason.LENGTH)));
        writer.usage(new Usage(17, 99, 0, 0, 0, false));

        assertThat(writer.write()).isEqualTo("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"claude-haiku-4-5\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Xin chào\"},\"logprobs\":null,\"finish_reason\":\"length\"}],\"usage\":{"
                + "\"prompt_tokens\":17,\"completion_tokens\":99,\"total_tokens\":116,\"prompt_tokens_details\":"
                + "{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}}}");
    }

    @Test
    void joinsEachToolCallsArgumentPiecesByIndex() throws Exception {
        writer.add(List.of(new Delta.ToolCall(0, Optional.of("toolu_a"), Optional.of("get_weather"), "")));
        writer.add(List.of(new Delta.ToolCall(1, Optional.of("toolu_b"), Optional.of("get_time"), "{\"tz\":")));
        writer.add(List.of(new Delta.ToolCall(0, Optional.empty(), Optional.empty(), "{\"city\":"),
                new Delta.ToolCall(1, Optional.empty(), Optional.empty(), "\"UTC\"}")));
        writer.add(List.of(new Delta.ToolCall(0, Optional.empty(), Optional.empty(), "\"Huế\"}"),
                new Delta.Finish(FinishReason.TOOL_CALLS)));

        JsonNode message = message();
        assertThat(message.get("content").isNull()).isTrue();
        assertThat(message.get("tool_calls").toString()).isEqualTo("[{\"id\":\"toolu_a\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Huế\\\"}\"}},"
                + "{\"id\":\"toolu_b\",\"type\":\"function\",\"function\":{\"name\":\"get_time\","
                + "\"arguments\":\"{\\\"tz\\\":\\\"UTC\\\"}\"}}]");
        assertThat(JSON.readTree(writer.write()).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void writesTheReasoningWithItsSignature() throws Exception {
        writer.add(List.of(new Delta.Reasoning("Hmm, ", Optional.empty())));
        writer.add(List.of(new Delta.Reasoning("yes.", Optional.of("sig-1")), new Delta.Text("Yes")));

        JsonNode message = message();
        assertThat(message.get("reasoning_content").asText()).isEqualTo("Hmm, yes.");
        assertThat(message.get("reasoning_signature").asText()).isEqualTo("sig-1");
        assertThat(message.get("content").asText()).isEqualTo("Yes");
    }

    @Test
    void joinsACharacterSplitBetweenTwoChunks() throws Exception {
        writer.add(List.of(new Delta.Text("a\ud83d")));
        writer.add(List.of(new Delta.Text("\ude04b")));

        assertThat(message().get("content").asText()).isEqualTo("a😄b");
    }

    @Test
    void saysStopAndNoUsageWhenTheProviderSaidNeither() throws Exception {
        writer.add(List.of(new Delta.Text("ok")));

        JsonNode completion = JSON.readTree(writer.write());
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(completion.has("usage")).isFalse();
    }

    private JsonNode message() throws Exception {
        return JSON.readTree(writer.write()).at("/choices/0/message");
    }
}
