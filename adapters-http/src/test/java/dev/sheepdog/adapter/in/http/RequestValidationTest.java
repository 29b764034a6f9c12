package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A request the API refuses gets a 400 naming the first thing wrong with it, and never reaches the domain. */
@Timeout(20)
class RequestValidationTest {

    private static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                invalid("malformed JSON", "{\"model\":", null, "invalid_json"),
                invalid("a second value after the object", valid("") + " {}", null, "invalid_json"),
                invalid("nesting deeper than the parser allows", "[".repeat(1500) + "]".repeat(1500),
                        null, "invalid_json"),
                invalid("a JSON array", "[" + valid("") + "]", null, "invalid_type"),
                invalid("a JSON string", "\"hello\"", null, "invalid_type"),
                invalid("no model", "{\"messages\":[" + USER + "]}", "model", "missing_required_parameter"),
                invalid("a null model", "{\"model\":null,\"messages\":[" + USER + "]}", "model",
                        "missing_required_parameter"),
                invalid("a model that is a number", "{\"model\":42,\"messages\":[" + USER + "]}", "model", "invalid_type"),
                invalid("a blank model", "{\"model\":\" \",\"messages\":[" + USER + "]}", "model", "invalid_type"),
                invalid("no messages", "{\"model\":\"m\"}", "messages", "missing_required_parameter"),
                invalid("messages as a string", "{\"model\":\"m\",\"messages\":\"hi\"}", "messages", "invalid_type"),
                invalid("messages as an object", "{\"model\":\"m\",\"messages\":" + USER + "}", "messages", "invalid_type"),
                invalid("no message at all", "{\"model\":\"m\",\"messages\":[]}", "messages", "empty_array"),
                invalid("a message that is a string", "{\"model\":\"m\",\"messages\":[\"hi\"]}", "messages[0]",
                        "invalid_type"),
                invalid("a message without a role", "{\"model\":\"m\",\"messages\":[" + USER + ",{\"content\":\"x\"}]}",
                        "messages[1].role", "missing_required_parameter"),
                invalid("an unknown role", "{\"model\":\"m\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}",
                        "messages[0].role", "invalid_value"),
                invalid("a role that is a number", "{\"model\":\"m\",\"messages\":[{\"role\":1,\"content\":\"x\"}]}",
                        "messages[0].role", "invalid_value"),
                invalid("content that is a number", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":42}]}",
                        "messages[0].content", "invalid_type"),
                invalid("content that is an object",
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":{\"text\":\"x\"}}]}",
                        "messages[0].content", "invalid_type"),
                invalid("temperature as a string", valid("\"temperature\":\"hot\""), "temperature", "invalid_type"),
                invalid("temperature above 2", valid("\"temperature\":2.5"), "temperature", "invalid_value"),
                invalid("temperature below 0", valid("\"temperature\":-0.1"), "temperature", "invalid_value"),
                invalid("max_tokens of 0", valid("\"max_tokens\":0"), "max_tokens", "invalid_value"),
                invalid("max_tokens of -5", valid("\"max_tokens\":-5"), "max_tokens", "invalid_value"),
                invalid("max_tokens with a fraction", valid("\"max_tokens\":1.5"), "max_tokens", "invalid_type"),
                invalid("max_tokens as a string", valid("\"max_tokens\":\"100\""), "max_tokens", "invalid_type"),
                invalid("max_tokens beyond an int", valid("\"max_tokens\":3000000000"), "max_tokens", "invalid_type"),
                invalid("stream as a string", valid("\"stream\":\"yes\""), "stream", "invalid_type"),
                invalid("stream as a number", valid("\"stream\":1"), "stream", "invalid_type"),
                invalid("stream_options as a boolean", valid("\"stream\":true,\"stream_options\":true"),
                        "stream_options", "invalid_type"),
                invalid("include_usage as a string", valid("\"stream\":true,\"stream_options\":{\"include_usage\":\"y\"}"),
                        "stream_options.include_usage", "invalid_type"),
                invalid("user as a number", valid("\"user\":7"), "user", "invalid_type"),
                invalid("top_p above 1", valid("\"top_p\":1.5"), "top_p", "invalid_value"),
                invalid("stop as a number", valid("\"stop\":7"), "stop", "invalid_type"),
                invalid("a tool without a name", valid("\"tools\":[{\"type\":\"function\",\"function\":{}}]"),
                        "tools[0].function.name", "missing_required_parameter"),
                invalid("an unknown tool_choice", valid("\"tool_choice\":\"always\""), "tool_choice", "invalid_value"),
                invalid("a tool result without its call's id", "{\"model\":\"m\",\"messages\":[{\"role\":\"tool\","
                        + "\"content\":\"31\"}]}", "messages[0].tool_call_id", "missing_required_parameter"),
                invalid("a lone surrogate in content", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"\\ud800\"}]}", "messages[0].content", "invalid_unicode"),
                invalid("a lone low surrogate in a content part", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"a\\udc00\"}]}]}", "messages[0].content[0].text",
                        "invalid_unicode"),
                invalid("a lone surrogate in a passed-through field", valid("\"metadata\":{\"k\":\"\\ud83d\"}"),
                        "metadata.k", "invalid_unicode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void refusesAnInvalidBodyWith400NamingTheProblem(String problem, String body, String param, String code)
            throws Exception {
        HttpResponse<String> response = gateway.post(body);

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(400, "invalid_request_error", param, code));
        assertThat(gateway.completions.calls()).isEmpty();
    }

    @Test
    void refusesAnEmptyBody() throws Exception {
        HttpResponse<String> response = gateway.post(BodyPublishers.noBody());

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(400, "invalid_request_error", null, "invalid_json"));
        assertThat(gateway.completions.calls()).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotUtf8() throws Exception {
        byte[] latin1 = Bodies.chat("").getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = gateway.post(BodyPublishers.ofByteArray(latin1));

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(400, "invalid_request_error", null, "invalid_json"));
        assertThat(gateway.completions.calls()).isEmpty();
    }

    @Test
    void refusesABodyInUtf16() throws Exception {
        byte[] utf16 = Bodies.chat("").getBytes(StandardCharsets.UTF_16);

        HttpResponse<String> response = gateway.post(BodyPublishers.ofByteArray(utf16));

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(400, "invalid_request_error", null, "invalid_json"));
        assertThat(ErrorReply.messageOf(response)).contains("UTF-8");
        assertThat(gateway.completions.calls()).isEmpty();
    }

    @Test
    void namesTheSupportedRolesWhenTheRoleIsUnknown() throws Exception {
        HttpResponse<String> response = gateway.post(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}");

        assertThat(ErrorReply.messageOf(response)).contains("\"wizard\"", "'system'", "'user'", "'assistant'", "'tool'");
    }

    @Test
    void saysWhereTheJsonBreaks() throws Exception {
        HttpResponse<String> response = gateway.post("{\"model\":\"m\",\n \"messages\": [}");

        assertThat(ErrorReply.messageOf(response)).contains("line 2");
    }

    private static Arguments invalid(String problem, String body, String param, String code) {
        return arguments(problem, body, param, code);
    }

    private static String valid(String moreFields) {
        return "{\"model\":\"m\",\"messages\":[" + USER + "]" + (moreFields.isEmpty() ? "" : "," + moreFields) + "}";
    }
}
