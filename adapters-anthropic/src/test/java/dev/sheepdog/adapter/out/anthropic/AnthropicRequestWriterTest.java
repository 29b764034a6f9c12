package dev.sheepdog.adapter.out.anthropic;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.ContentPart;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.ReasoningEffort;
import dev.sheepdog.domain.model.ResponseFormat;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Sampling;
import dev.sheepdog.domain.model.Tool;
import dev.sheepdog.domain.model.ToolChoice;
import dev.sheepdog.domain.model.ToolUse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AnthropicRequestWriterTest {

    private static final Tool WEATHER = new Tool("get_weather", Optional.of("Current weather of a city"),
            new RawJson("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"));

    private final AnthropicRequestWriter writer = new AnthropicRequestWriter(AnthropicRequestWriter.DEFAULT_MAX_TOKENS);

    @Test
    void writesAMultiTurnConversationWithASystemPromptAToolCallAndItsResultExactly() {
        List<ChatMessage> messages = List.of(
                new ChatMessage(Role.SYSTEM, "You are terse."),
                new ChatMessage(Role.DEVELOPER, "Answer in Vietnamese."),
                new ChatMessage(Role.USER, "Thời tiết ở Hà Nội?"),
                new ChatMessage(Role.ASSISTANT, List.of(new ContentPart.Text("Let me look.")),
                        List.of(new ToolUse("toolu_1", "get_weather", "{\"city\": \"Hanoi\"}")),
                        Optional.empty(), Optional.empty()),
                new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("31°C, humid")), List.of(),
                        Optional.of("toolu_1"), Optional.empty()),
                new ChatMessage(Role.USER, "And tomorrow?"));
        CompletionRequest request = new CompletionRequest("claude-sonnet-4-5", messages,
                new Sampling(OptionalDouble.of(0.5), OptionalDouble.empty(), OptionalInt.of(300), List.of("END")),
                List.of(WEATHER), Optional.of(ToolChoice.AUTO), Optional.empty(), Optional.empty(),
                Optional.of("user-42"), true, true, Optional.empty());

        assertThat(new String(writer.write(request), UTF_8)).isEqualTo("{"
                + "\"model\":\"claude-sonnet-4-5\",\"max_tokens\":300,"
                + "\"system\":\"You are terse.\\n\\nAnswer in Vietnamese.\","
                + "\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Thời tiết ở Hà Nội?\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Let me look.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Hanoi\"}}]},"
                + "{\"role\":\"user\",\"content\":["
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"31°C, humid\"},"
                + "{\"type\":\"text\",\"text\":\"And tomorrow?\"}]}],"
                + "\"tools\":[{\"name\":\"get_weather\",\"description\":\"Current weather of a city\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\"]}}],"
                + "\"tool_choice\":{\"type\":\"auto\"},"
                + "\"stop_sequences\":[\"END\"],"
                + "\"temperature\":0.5,"
                + "\"metadata\":{\"user_id\":\"user-42\"},"
                + "\"stream\":true}");
    }

    @Test
    void sendsTheDefaultMaxTokensAndStreamsEvenWhenTheClientDidNot() {
        JsonNode body = written(request(Sampling.DEFAULT, Optional.empty()).withModel("claude-haiku-4-5"));

        assertThat(body.get("max_tokens").asInt()).isEqualTo(4096);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.has("system")).isFalse();
        assertThat(body.has("tools")).isFalse();
    }

    @Test
    void clampsATemperatureAboveAnthropicsRangeToOne() {
        JsonNode body = written(request(new Sampling(OptionalDouble.of(1.7), OptionalDouble.of(0.9),
                OptionalInt.empty(), List.of()), Optional.empty()));

        assertThat(body.get("temperature").asDouble()).isEqualTo(1.0);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
    }

    @Test
    void mapsReasoningEffortToAThinkingBudgetWithRoomForTheAnswerAndNoTemperature() {
        Sampling sampling = new Sampling(OptionalDouble.of(0.2), OptionalDouble.of(0.5), OptionalInt.of(500), List.of());

        JsonNode high = written(request(sampling, Optional.of(ReasoningEffort.HIGH)));
        JsonNode low = written(request(Sampling.DEFAULT, Optional.of(ReasoningEffort.LOW)));
        JsonNode minimal = written(request(sampling, Optional.of(ReasoningEffort.MINIMAL)));

        assertThat(high.get("thinking").toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":16384}");
        assertThat(high.get("max_tokens").asInt()).isEqualTo(16_384 + 500);
        assertThat(high.has("temperature")).isFalse();
        assertThat(high.has("top_p")).isFalse();
        assertThat(low.get("thinking").get("budget_tokens").asInt()).isEqualTo(1024);
        assertThat(low.get("max_tokens").asInt()).isEqualTo(4096);
        assertThat(minimal.has("thinking")).isFalse();
        assertThat(minimal.get("max_tokens").asInt()).isEqualTo(500);
    }

    @Test
    void writesDataUrlImagesAsBase64AndWebImagesAsUrls() {
        ChatMessage look = new ChatMessage(Role.USER, List.of(new ContentPart.Text("What is this?"),
                new ContentPart.Image("data:image/png;base64,iVBORw0KGgo=", Optional.of("low")),
                new ContentPart.Image("https://example.com/cat.jpg", Optional.empty())),
                List.of(), Optional.empty(), Optional.empty());

        JsonNode content = written(CompletionRequest.streaming("claude-haiku-4-5", List.of(look)))
                .get("messages").get(0).get("content");

        assertThat(content.get(1).toString()).isEqualTo("{\"type\":\"image\",\"source\":{\"type\":\"base64\","
                + "\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}");
        assertThat(content.get(2).toString())
                .isEqualTo("{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/cat.jpg\"}}");
    }

    @Test
    void sendsEmptyOrBrokenToolArgumentsAsAnEmptyObject() {
        ChatMessage calls = new ChatMessage(Role.ASSISTANT, List.of(), List.of(
                new ToolUse("toolu_a", "now", ""), new ToolUse("toolu_b", "now", "{\"unfinished")),
                Optional.empty(), Optional.empty());
        List<ChatMessage> messages = List.of(new ChatMessage(Role.USER, "time?"), calls);

        JsonNode content = written(CompletionRequest.streaming("m", messages)).get("messages").get(1).get("content");

        assertThat(content.get(0).get("input").toString()).isEqualTo("{}");
        assertThat(content.get(1).get("input").toString()).isEqualTo("{}");
    }

    @Test
    void mapsEachToolChoice() {
        assertThat(toolChoice(ToolChoice.NONE)).isEqualTo("{\"type\":\"none\"}");
        assertThat(toolChoice(ToolChoice.REQUIRED)).isEqualTo("{\"type\":\"any\"}");
        assertThat(toolChoice(ToolChoice.named("get_weather"))).isEqualTo("{\"type\":\"tool\",\"name\":\"get_weather\"}");
    }

    @Test
    void refusesAResponseFormatItCannotExpress() {
        for (ResponseFormat format : List.of(ResponseFormat.JSON_OBJECT,
                ResponseFormat.jsonSchema("answer", new RawJson("{\"type\":\"object\"}")))) {
            CompletionRequest request = new CompletionRequest("m", List.of(new ChatMessage(Role.USER, "hi")),
                    Sampling.DEFAULT, List.of(), Optional.empty(), Optional.of(format), Optional.empty(),
                    Optional.empty(), true, false, Optional.empty());

            assertThatThrownBy(() -> writer.write(request)).isInstanceOf(UntranslatableRequestException.class)
                    .hasMessageContaining("Anthropic endpoints do not support response_format");
        }
    }

    private String toolChoice(ToolChoice choice) {
        CompletionRequest request = new CompletionRequest("m", List.of(new ChatMessage(Role.USER, "hi")),
                Sampling.DEFAULT, List.of(WEATHER), Optional.of(choice), Optional.empty(), Optional.empty(),
                Optional.empty(), true, false, Optional.empty());
        return written(request).get("tool_choice").toString();
    }

    private static CompletionRequest request(Sampling sampling, Optional<ReasoningEffort> effort) {
        return new CompletionRequest("claude-sonnet-4-5", List.of(new ChatMessage(Role.USER, "hi")), sampling,
                List.of(), Optional.empty(), Optional.empty(), effort, Optional.empty(), false, false, Optional.empty());
    }

    private JsonNode written(CompletionRequest request) {
        try {
            return new ObjectMapper().readTree(writer.write(request));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
