package dev.sheepdog.wire.openai;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.sheepdog.domain.model.Verbatim;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A valid OpenAI chat request read into the neutral request: every typed field typed, the body kept as sent. */
class ChatRequestReaderTest {

    private static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";

    @Test
    void readsTheSamplingAndStreamingFields() throws Exception {
        CompletionRequest request = read("\"temperature\":0.7,\"top_p\":0.9,\"max_tokens\":256,\"stop\":[\"END\",\"##\"],"
                + "\"user\":\"u-1\",\"stream\":true,\"stream_options\":{\"include_usage\":true}");

        assertThat(request.model()).isEqualTo("m");
        assertThat(request.sampling()).isEqualTo(new Sampling(OptionalDouble.of(0.7), OptionalDouble.of(0.9),
                OptionalInt.of(256), List.of("END", "##")));
        assertThat(request.user()).hasValue("u-1");
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
    }

    @Test
    void takesNothingForGrantedWhenTheBodyIsMinimal() throws Exception {
        CompletionRequest request = read("");

        assertThat(request.sampling()).isEqualTo(Sampling.DEFAULT);
        assertThat(request.tools()).isEmpty();
        assertThat(request.toolChoice()).isEmpty();
        assertThat(request.responseFormat()).isEmpty();
        assertThat(request.reasoningEffort()).isEmpty();
        assertThat(request.user()).isEmpty();
        assertThat(request.stream()).isFalse();
        assertThat(request.includeUsage()).isFalse();
    }

    @Test
    void keepsTheBodyAsTheClientSentItVendorFieldsAndAll() throws Exception {
        String body = "{ \"model\":\"m\", \"messages\":[" + USER + "],\"seed\":12345678901234567890,\"x_vendor\":\"Việt\"}";

        CompletionRequest request = ChatRequestReader.read(body);

        assertThat(request.original()).hasValue(new Verbatim(OpenAiWire.REQUEST, body));
    }

    @Test
    void readsTheSeedWhenItIsAnIntegerThatFitsALong() throws Exception {
        assertThat(read("\"seed\":42").sampling().seed()).hasValue(42);
        assertThat(read("\"seed\":12345678901234567890").sampling().seed())
                .as("too large to type: left to a same-format provider, in the client's words").isEmpty();
        assertThat(read("\"seed\":\"7\"").sampling().seed()).isEmpty();
    }

    @Test
    void readsAStopGivenAsOneString() throws Exception {
        assertThat(read("\"stop\":\"END\"").sampling().stop()).containsExactly("END");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"max_tokens\":100                              | 100",
            "\"max_completion_tokens\":200                   | 200",
            "\"max_tokens\":100,\"max_completion_tokens\":200 | 200"})
    void takesTheTokenLimitFromEitherNameTheNewerWinning(String fields, int limit) throws Exception {
        assertThat(read(fields).sampling().maxTokens()).isEqualTo(OptionalInt.of(limit));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"minimal,MINIMAL", "low,LOW", "medium,MEDIUM", "high,HIGH"})
    void readsTheReasoningEffort(String wire, ReasoningEffort effort) throws Exception {
        assertThat(read("\"reasoning_effort\":\"" + wire + "\"").reasoningEffort()).hasValue(effort);
    }

    @Test
    void leavesAReasoningEffortItHasNoNameForToTheOriginalBody() throws Exception {
        CompletionRequest request = read("\"reasoning_effort\":\"xhigh\"");

        assertThat(request.reasoningEffort()).isEmpty();
        assertThat(request.original().orElseThrow().text()).contains("\"xhigh\"");
    }

    @Test
    void readsTextAndImageParts() throws Exception {
        CompletionRequest request = ChatRequestReader.read("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Xin \"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\",\"detail\":\"low\"}},"
                + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AAA\",\"format\":\"wav\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBO\"}},"
                + "{\"type\":\"text\",\"text\":\"chào\"}]}]}");

        ChatMessage message = request.messages().getFirst();
        assertThat(message.content()).containsExactly(new ContentPart.Text("Xin "),
                new ContentPart.Image("https://example.com/a.png", Optional.of("low")),
                new ContentPart.Image("data:image/png;base64,iVBO", Optional.empty()), new ContentPart.Text("chào"));
        assertThat(message.text()).isEqualTo("Xin chào");
    }

    @Test
    void readsAToolConversation() throws Exception {
        CompletionRequest request = ChatRequestReader.read("{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\",\"name\":\"house-rules\"},"
                + "{\"role\":\"user\",\"content\":\"Weather in Hà Nội?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Hà Nội\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"{\\\"temp\\\":31}\"}]}");

        assertThat(request.messages()).containsExactly(
                new ChatMessage(Role.SYSTEM, List.of(new ContentPart.Text("Be brief.")), List.of(), Optional.empty(),
                        Optional.of("house-rules")),
                new ChatMessage(Role.USER, "Weather in Hà Nội?"),
                new ChatMessage(Role.ASSISTANT, List.of(), List.of(new ToolUse("call_1", "get_weather",
                        "{\"city\":\"Hà Nội\"}")), Optional.empty(), Optional.empty()),
                new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("{\"temp\":31}")), List.of(),
                        Optional.of("call_1"), Optional.empty()));
    }

    @Test
    void readsFunctionToolsAndLeavesOtherKindsToTheOriginalBody() throws Exception {
        CompletionRequest request = read("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"description\":\"Current weather\",\"parameters\":{\"type\":\"object\",\"minimum\":0.10}}},"
                + "{\"type\":\"custom\",\"custom\":{\"name\":\"grammar\"}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"now\"}}]");

        assertThat(request.tools()).containsExactly(
                new Tool("get_weather", Optional.of("Current weather"),
                        new RawJson("{\"type\":\"object\",\"minimum\":0.10}")),
                new Tool("now", Optional.empty(), new RawJson("{\"type\":\"object\",\"properties\":{}}")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"auto\"                                                  | AUTO",
            "\"none\"                                                  | NONE",
            "\"required\"                                              | REQUIRED"})
    void readsTheToolChoiceModes(String json, ToolChoice.Mode mode) throws Exception {
        assertThat(read("\"tool_choice\":" + json).toolChoice()).hasValueSatisfying(
                choice -> assertThat(choice.mode()).isEqualTo(mode));
    }

    @Test
    void readsAToolChoiceNamingOneFunction() throws Exception {
        assertThat(read("\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}").toolChoice())
                .hasValue(ToolChoice.named("get_weather"));
    }

    @Test
    void readsEachResponseFormat() throws Exception {
        assertThat(read("\"response_format\":{\"type\":\"text\"}").responseFormat()).hasValue(ResponseFormat.TEXT);
        assertThat(read("\"response_format\":{\"type\":\"json_object\"}").responseFormat())
                .hasValue(ResponseFormat.JSON_OBJECT);
        assertThat(read("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\","
                + "\"strict\":true,\"schema\":{\"type\":\"object\"}}}").responseFormat())
                .hasValue(ResponseFormat.jsonSchema("answer", new RawJson("{\"type\":\"object\"}")));
    }

    private static CompletionRequest read(String moreFields) throws ChatRequestException {
        return ChatRequestReader.read("{\"model\":\"m\",\"messages\":[" + USER + "]"
                + (moreFields.isEmpty() ? "" : "," + moreFields) + "}");
    }
}
