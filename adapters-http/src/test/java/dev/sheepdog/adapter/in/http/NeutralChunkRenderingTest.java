package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.chunk;
import static dev.sheepdog.adapter.in.http.Events.end;
import static dev.sheepdog.adapter.in.http.Events.neutral;
import static dev.sheepdog.adapter.in.http.SseFrames.DONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Usage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An OpenAI-format provider's chunks reach the client byte for byte, vendor fields and all; any other
 * provider's neutral chunks are written as the OpenAI chunks and completions a client expects.
 */
@Timeout(20)
class NeutralChunkRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WITH_USAGE = "\"stream\":true,\"stream_options\":{\"include_usage\":true}";

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void forwardsAnOpenAiChunkByteForByteWithItsVendorFields() throws Exception {
        String vendor = "{\"id\":\"chatcmpl-Bx\",\"object\":\"chat.completion.chunk\",\"created\":1750000000,"
                + "\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_07871e2ad8\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" Việt\"},\"logprobs\":null,\"finish_reason\":null}],"
                + "\"usage\":null,\"obfuscation\":\"4yWf8Kq\"}";
        gateway.completions.answerWith(chunk(vendor), end());

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.remainingEvents()).containsExactly("data: " + vendor + "\n\n", DONE);
        }
    }

    @Test
    void writesANeutralStreamAsOpenAiChunksOfOneCompletion() throws Exception {
        gateway.completions.answerWith(neutral(new Delta.Start(Role.ASSISTANT)),
                neutral(new Delta.Reasoning("Hmm.", Optional.empty())), neutral(new Delta.Text("Xin chào")),
                neutral(new Delta.ToolCall(0, Optional.of("toolu_1"), Optional.of("get_weather"), "{}")),
                neutral(new Delta.Finish(FinishReason.TOOL_CALLS)),
                UsageReport.of(new Usage(20, 7, 5, 0, 2, false)), end());

        try (SseFrames frames = gateway.openStream(Bodies.chat(WITH_USAGE))) {
            List<String> events = frames.remainingEvents();
            assertThat(events).hasSize(7).last().isEqualTo(DONE);
            List<JsonNode> chunks = events.subList(0, 6).stream().map(NeutralChunkRenderingTest::payload).toList();
            assertThat(chunks).allSatisfy(chunk -> {
                assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
                assertThat(chunk.get("model").asText()).isEqualTo("deepseek-chat");
                assertThat(chunk.get("id").asText()).startsWith("chatcmpl-").isEqualTo(chunks.get(0).get("id").asText());
            });
            assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
            assertThat(chunks.get(1).at("/choices/0/delta/reasoning_content").asText()).isEqualTo("Hmm.");
            assertThat(chunks.get(2).at("/choices/0/delta/content").asText()).isEqualTo("Xin chào");
            assertThat(chunks.get(3).at("/choices/0/delta/tool_calls/0/function/name").asText()).isEqualTo("get_weather");
            assertThat(chunks.get(4).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
            assertThat(chunks.get(5).get("choices")).isEmpty();
            assertThat(chunks.get(5).at("/usage/prompt_tokens_details/cached_tokens").asLong()).isEqualTo(5);
        }
    }

    @Test
    void writesNoUsageChunkForAClientThatDidNotAskForIt() throws Exception {
        gateway.completions.answerWith(neutral(new Delta.Text("hi")), UsageReport.of(Usage.reported(3, 1)), end());

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.remainingEvents()).hasSize(2).last().isEqualTo(DONE);
        }
    }

    @Test
    void gathersANeutralAnswerIntoOneCompletionForANonStreamingClient() throws Exception {
        gateway.completions.answerWith(neutral(new Delta.Start(Role.ASSISTANT), new Delta.Text("Xin ")),
                neutral(new Delta.Text("chào")), neutral(new Delta.Finish(FinishReason.LENGTH)),
                UsageReport.of(Usage.reported(9, 12)), end());

        HttpResponse<String> response = gateway.post(Bodies.chat("\"stream\":false"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode completion = JSON.readTree(response.body());
        assertThat(completion.get("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("Xin chào");
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(completion.at("/usage/total_tokens").asLong()).isEqualTo(21);
    }

    private static JsonNode payload(String event) {
        try {
            return JSON.readTree(event.substring("data: ".length()).strip());
        } catch (Exception e) {
            throw new AssertionError("not a JSON data event: " + event, e);
        }
    }
}
