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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What an OpenAI-compatible provider is sent: the client's own request where there is one, else the neutral fields. */
class ChatRequestWriterTest {

    private static final List<ChatMessage> HELLO = List.of(new ChatMessage(Role.USER, "Xin chào"));

    @Test
    void passesTheClientsRequestOnAsWrittenWithOnlyTheModelAndStreamingWrittenAnew() {
        String body = "{\"model\":\"client-name\",\"messages\":[{\"role\":\"user\",\"content\":\"Xin ch\\u00e0o\"}],"
                + "\"temperature\":0.70,\"seed\":12345678901234567890,\"stream\":false,"
                + "\"stream_options\":{\"include_usage\":false},\"vendor_x\":{\"a\":[1,2.50,null]}}";

        String written = write(request("endpoint-name", true, Optional.of(new Verbatim(OpenAiWire.REQUEST, body))));

        assertThat(written).isEqualTo("{\"model\":\"endpoint-name\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Xin ch\\u00e0o\"}],\"temperature\":0.70,\"seed\":12345678901234567890,"
                + "\"vendor_x\":{\"a\":[1,2.50,null]},\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    }

    @Test
    void asksANonStreamingAnswerWithoutStreamOptions() {
        String body = "{\"messages\":[],\"stream\":true,\"stream_options\":{\"include_usage\":true}}";

        assertThat(write(request("m", false, Optional.of(new Verbatim(OpenAiWire.REQUEST, body)))))
                .isEqualTo("{\"model\":\"m\",\"messages\":[],\"stream\":false}");
    }

    @Test
    void writesANeutralRequestInOpenAisTerms() {
        ChatMessage system = new ChatMessage(Role.SYSTEM, "Be brief.");
        ChatMessage user = new ChatMessage(Role.USER, List.of(new ContentPart.Text("What is this?"),
                new ContentPart.Image("data:image/png;base64,AAAA", Optional.of("low"))), List.of(),
                Optional.empty(), Optional.of("an"));
        ChatMessage call = new ChatMessage(Role.ASSISTANT, List.of(), List.of(new ToolUse("call_1", "look", "{\"q\":1}")),
                Optional.empty(), Optional.empty());
        ChatMessage result = new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("a cat")), List.of(),
                Optional.of("call_1"), Optional.empty());
        CompletionRequest request = new CompletionRequest("m", List.of(system, user, call, result),
                new Sampling(OptionalDouble.of(0.5), OptionalDouble.of(0.9), OptionalInt.of(64), List.of("END")),
                List.of(new Tool("look", Optional.of("Looks."), new RawJson("{\"type\":\"object\"}"))),
                Optional.of(ToolChoice.named("look")), Optional.of(ResponseFormat.JSON_OBJECT),
                Optional.of(ReasoningEffort.LOW), Optional.of("u-1"), true, false, Optional.empty());

        assertThat(write(request)).isEqualTo("{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/png;base64,AAAA\",\"detail\":\"low\"}}],\"name\":\"an\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"look\",\"arguments\":\"{\\\"q\\\":1}\"}}]},"
                + "{\"role\":\"tool\",\"content\":\"a cat\",\"tool_call_id\":\"call_1\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"look\",\"description\":\"Looks.\","
                + "\"parameters\":{\"type\":\"object\"}}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"look\"}},"
                + "\"response_format\":{\"type\":\"json_object\"},\"reasoning_effort\":\"low\",\"user\":\"u-1\","
                + "\"temperature\":0.5,\"top_p\":0.9,\"max_tokens\":64,\"stop\":[\"END\"],"
                + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    }

    @Test
    void writesTheNeutralFieldsWhenTheOriginalIsInAnotherFormat() {
        Verbatim anthropic = new Verbatim(new dev.sheepdog.domain.model.WireFormat("anthropic.messages.request"), "{}");

        assertThat(write(request("m", false, Optional.of(anthropic))))
                .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Xin chào\"}],\"stream\":false}");
    }

    private static CompletionRequest request(String model, boolean stream, Optional<Verbatim> original) {
        return new CompletionRequest(model, HELLO, Sampling.DEFAULT, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), stream, false, original);
    }

    private static String write(CompletionRequest request) {
        return new String(ChatRequestWriter.write(request), StandardCharsets.UTF_8);
    }
}
