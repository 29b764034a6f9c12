package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.caller.Caller;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the domain receives for a valid body: typed fields typed, everything else as the client wrote it. */
@Timeout(20)
class CompletionRequestMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void readsTheTypedFields() throws Exception {
        gateway.post(Bodies.chat("\"temperature\":0.7,\"max_tokens\":256,\"user\":\"u-1\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}"));

        CompletionRequest request = gateway.completions.onlyCall().request();
        assertThat(request.model()).isEqualTo("deepseek-chat");
        assertThat(request.temperature()).isEqualTo(OptionalDouble.of(0.7));
        assertThat(request.maxTokens()).isEqualTo(OptionalInt.of(256));
        assertThat(request.user()).hasValue("u-1");
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.otherFields()).isEmpty();
    }

    @Test
    void passesUnknownFieldsThroughAsRawJson() throws Exception {
        String tools = "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}}]";
        gateway.post(Bodies.chat("\"tools\":" + tools + ",\"response_format\":{\"type\":\"json_object\"},"
                + "\"seed\":12345678901234567890,\"top_p\":0.10,\"logit_bias\":{\"50256\":-100.0},\"x_vendor\":\"Việt\""));

        Map<String, RawJson> others = gateway.completions.onlyCall().request().otherFields();
        assertThat(others).containsOnlyKeys("tools", "response_format", "seed", "top_p", "logit_bias", "x_vendor");
        assertThat(others.get("tools").text()).isEqualTo(tools);
        assertThat(others.get("response_format").text()).isEqualTo("{\"type\":\"json_object\"}");
        // Numbers keep the digits the client wrote: no rounding to double, no dropped trailing zero.
        assertThat(others.get("seed").text()).isEqualTo("12345678901234567890");
        assertThat(others.get("top_p").text()).isEqualTo("0.10");
        assertThat(others.get("logit_bias").text()).isEqualTo("{\"50256\":-100.0}");
        assertThat(others.get("x_vendor").text()).isEqualTo("\"Việt\"");
    }

    @Test
    void keepsEachMessageAsTheClientSentIt() throws Exception {
        String system = "{\"role\":\"system\",\"content\":\"Trả lời bằng tiếng Việt.\",\"name\":\"house-rules\"}";
        String tool = "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"{\\\"temp\\\":31}\"}";
        String parts = "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Xin \"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}},"
                + "{\"type\":\"text\",\"text\":\"chào\"}]}";
        gateway.post("{\"model\":\"m\",\"messages\":[" + system + "," + tool + "," + parts + "]}");

        assertThat(gateway.completions.onlyCall().request().messages()).containsExactly(
                new ChatMessage(Role.SYSTEM, "Trả lời bằng tiếng Việt.", new RawJson(system)),
                new ChatMessage(Role.TOOL, "{\"temp\":31}", new RawJson(tool)),
                new ChatMessage(Role.USER, "Xin chào", new RawJson(parts)));
    }

    @Test
    void keepsTheMeaningOfAMessageWrittenWithSpacesAndEscapes() throws Exception {
        String message = "{ \"role\" : \"user\",\n \"content\" : \"caf\\u00e9\" }";
        gateway.post("{\"model\":\"m\",\"messages\":[" + message + "]}");

        ChatMessage received = gateway.completions.onlyCall().request().messages().getFirst();
        assertThat(received.text()).isEqualTo("café");
        assertThat(JSON.readTree(received.raw().text())).isEqualTo(JSON.readTree(message));
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
