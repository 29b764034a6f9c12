package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.ContentPart;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.ReasoningEffort;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Sampling;
import dev.sheepdog.domain.model.Tool;
import dev.sheepdog.domain.model.ToolChoice;
import dev.sheepdog.domain.model.ToolUse;
import dev.sheepdog.domain.model.Verbatim;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.wire.openai.OpenAiWire;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the domain receives for a valid body: typed fields typed, and the body as the client wrote it. */
@Timeout(20)
class CompletionRequestMappingTest {

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void readsTheTypedFields() throws Exception {
        gateway.post(Bodies.chat("\"temperature\":0.7,\"top_p\":0.5,\"max_tokens\":256,\"stop\":\"END\","
                + "\"reasoning_effort\":\"low\",\"user\":\"u-1\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}"));

        CompletionRequest request = gateway.completions.onlyCall().request();
        assertThat(request.model()).isEqualTo("deepseek-chat");
        assertThat(request.sampling()).isEqualTo(new Sampling(OptionalDouble.of(0.7), OptionalDouble.of(0.5),
                OptionalInt.of(256), List.of("END")));
        assertThat(request.reasoningEffort()).hasValue(ReasoningEffort.LOW);
        assertThat(request.user()).hasValue("u-1");
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
    }

    @Test
    void keepsTheBodyByteForByteForAProviderOfTheClientsFormat() throws Exception {
        // Numbers with digits no double keeps, odd spacing, unknown and vendor fields: all of it goes on as sent.
        String body = "{ \"model\":\"m\",\n \"messages\":[{\"role\":\"user\",\"content\":\"caf\\u00e9\"}],"
                + "\"seed\":12345678901234567890,\"top_p\":0.10,\"logit_bias\":{\"50256\":-100.0},\"x_vendor\":\"Việt\"}";
        gateway.post(body);

        CompletionRequest request = gateway.completions.onlyCall().request();
        assertThat(request.original()).hasValue(new Verbatim(OpenAiWire.REQUEST, body));
        assertThat(request.messages().getFirst().text()).isEqualTo("café");
    }

    @Test
    void leavesAByteOrderMarkOutOfTheKeptBody() throws Exception {
        gateway.post("\uFEFF" + Bodies.chat(""));

        assertThat(gateway.completions.onlyCall().request().original().orElseThrow().text()).isEqualTo(Bodies.chat(""));
    }

    @Test
    void readsAConversationWithImagesAndTools() throws Exception {
        String parts = "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Xin \"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}},"
                + "{\"type\":\"text\",\"text\":\"chào\"}]}";
        String call = "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]}";
        String result = "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"{\\\"temp\\\":31}\"}";
        gateway.post("{\"model\":\"m\",\"messages\":[" + parts + "," + call + "," + result + "],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{}}}],"
                + "\"tool_choice\":\"required\"}");

        CompletionRequest request = gateway.completions.onlyCall().request();
        assertThat(request.messages()).containsExactly(
                new ChatMessage(Role.USER, List.of(new ContentPart.Text("Xin "),
                        new ContentPart.Image("https://example.com/a.png", Optional.empty()), new ContentPart.Text("chào")),
                        List.of(), Optional.empty(), Optional.empty()),
                new ChatMessage(Role.ASSISTANT, List.of(), List.of(new ToolUse("call_1", "get_weather", "{}")),
                        Optional.empty(), Optional.empty()),
                new ChatMessage(Role.TOOL, List.of(new ContentPart.Text("{\"temp\":31}")), List.of(),
                        Optional.of("call_1"), Optional.empty()));
        assertThat(request.tools()).containsExactly(new Tool("get_weather", Optional.empty(), new RawJson("{}")));
        assertThat(request.toolChoice()).hasValue(ToolChoice.REQUIRED);
    }

    @Test
    void namesTheEndUserByTheUserField() throws Exception {
        gateway.post(Bodies.chat("\"user\":\"alice\""), CompletionRoutes.USER_HEADER, "bob");

        assertThat(gateway.completions.onlyCall().endUser()).contains("alice");
    }

    @Test
    void namesTheEndUserByTheUserHeaderWhenTheBodyHasNoUser() throws Exception {
        gateway.post(Bodies.chat(""), CompletionRoutes.USER_HEADER, "bob");

        assertThat(gateway.completions.onlyCall().endUser()).contains("bob");
    }

    @Test
    void namesTheEndUserByTheUserHeaderWhenTheUserFieldIsBlank() throws Exception {
        gateway.post(Bodies.chat("\"user\":\"  \""), CompletionRoutes.USER_HEADER, "bob");

        assertThat(gateway.completions.onlyCall().endUser()).contains("bob");
    }

    @Test
    void namesNoEndUserWhenNothingNamesOne() throws Exception {
        gateway.post(Bodies.chat(""));

        assertThat(gateway.completions.onlyCall().endUser()).isEmpty();
        assertThat(gateway.completions.onlyCall().caller()).isEqualTo(Caller.LOCAL);
        assertThat(gateway.completions.onlyCall().request().user()).isEqualTo(Optional.empty());
    }
}
