package dev.sheepdog.wire.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A request OpenAI would refuse fails with the parameter at fault, OpenAI's code and a message saying what to fix. */
class ChatRequestErrorsTest {

    private static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                invalid("[]", null, "invalid_type", "The request body must be a JSON object."),
                invalid("{\"messages\":[" + USER + "]}", "model", "missing_required_parameter",
                        "Missing required parameter: 'model'."),
                invalid("{\"model\":42,\"messages\":[" + USER + "]}", "model", "invalid_type",
                        "Invalid type for 'model': expected a non-empty string."),
                invalid("{\"model\":\"m\",\"messages\":\"hi\"}", "messages", "invalid_type",
                        "Invalid type for 'messages': expected an array of messages."),
                invalid("{\"model\":\"m\",\"messages\":[]}", "messages", "empty_array",
                        "Invalid 'messages': empty array. Expected at least one message."),
                invalid("{\"model\":\"m\",\"messages\":[\"hi\"]}", "messages[0]", "invalid_type",
                        "Invalid type for 'messages[0]': expected an object."),
                invalid("{\"model\":\"m\",\"messages\":[{\"content\":\"x\"}]}", "messages[0].role",
                        "missing_required_parameter", "Missing required parameter: 'messages[0].role'."),
                invalid("{\"model\":\"m\",\"messages\":[{\"role\":\"wizard\"}]}", "messages[0].role", "invalid_value",
                        "Invalid value for 'messages[0].role': \"wizard\". Supported values are: 'system', "
                                + "'developer', 'user', 'assistant', 'tool', 'function'."),
                invalid("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":42}]}", "messages[0].content",
                        "invalid_type",
                        "Invalid type for 'messages[0].content': expected a string or an array of content parts."),
                message("{\"role\":\"user\",\"content\":[\"hi\"]}", "messages[0].content[0]", "invalid_type"),
                message("{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}", "messages[0].content[0].text",
                        "missing_required_parameter"),
                message("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":7}]}",
                        "messages[0].content[0].text", "invalid_type"),
                message("{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}", "messages[0].content[0].image_url",
                        "missing_required_parameter"),
                message("{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"detail\":\"low\"}}]}",
                        "messages[0].content[0].image_url.url", "missing_required_parameter"),
                message("{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"u\","
                        + "\"detail\":1}}]}", "messages[0].content[0].image_url.detail", "invalid_type"),
                message("{\"role\":\"tool\",\"content\":\"31\"}", "messages[0].tool_call_id",
                        "missing_required_parameter"),
                message("{\"role\":\"tool\",\"tool_call_id\":1,\"content\":\"31\"}", "messages[0].tool_call_id",
                        "invalid_type"),
                message("{\"role\":\"user\",\"name\":[],\"content\":\"x\"}", "messages[0].name", "invalid_type"),
                message("{\"role\":\"assistant\",\"tool_calls\":{}}", "messages[0].tool_calls", "invalid_type"),
                message("{\"role\":\"assistant\",\"tool_calls\":[{\"type\":\"function\",\"function\":{\"name\":\"f\","
                        + "\"arguments\":\"{}\"}}]}", "messages[0].tool_calls[0].id", "missing_required_parameter"),
                message("{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\"}]}",
                        "messages[0].tool_calls[0].function", "missing_required_parameter"),
                message("{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"arguments\":\"{}\"}}]}",
                        "messages[0].tool_calls[0].function.name", "missing_required_parameter"),
                message("{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"f\","
                        + "\"arguments\":{}}}]}", "messages[0].tool_calls[0].function.arguments", "invalid_type"),
                field("\"temperature\":\"hot\"", "temperature", "invalid_type",
                        "Invalid type for 'temperature': expected a number."),
                field("\"temperature\":2.5", "temperature", "invalid_value",
                        "Invalid 'temperature': 2.5 is outside the range 0 to 2."),
                field("\"top_p\":\"all\"", "top_p", "invalid_type", "Invalid type for 'top_p': expected a number."),
                field("\"top_p\":1.5", "top_p", "invalid_value", "Invalid 'top_p': 1.5 is outside the range 0 to 1."),
                field("\"max_tokens\":1.5", "max_tokens", "invalid_type",
                        "Invalid type for 'max_tokens': expected an integer."),
                field("\"max_tokens\":0", "max_tokens", "invalid_value",
                        "Invalid 'max_tokens': 0 is less than the minimum of 1."),
                field("\"max_completion_tokens\":\"9\"", "max_completion_tokens", "invalid_type",
                        "Invalid type for 'max_completion_tokens': expected an integer."),
                field("\"max_completion_tokens\":-1", "max_completion_tokens", "invalid_value",
                        "Invalid 'max_completion_tokens': -1 is less than the minimum of 1."),
                field("\"stop\":7", "stop", "invalid_type",
                        "Invalid type for 'stop': expected a string or an array of strings."),
                field("\"stop\":[\"a\",null]", "stop[1]", "invalid_type", "Invalid type for 'stop[1]': expected a string."),
                field("\"reasoning_effort\":3", "reasoning_effort", "invalid_type",
                        "Invalid type for 'reasoning_effort': expected a string."),
                field("\"user\":7", "user", "invalid_type", "Invalid type for 'user': expected a string."),
                field("\"stream\":\"yes\"", "stream", "invalid_type", "Invalid type for 'stream': expected a boolean."),
                field("\"stream_options\":true", "stream_options", "invalid_type",
                        "Invalid type for 'stream_options': expected an object."),
                field("\"stream_options\":{\"include_usage\":1}", "stream_options.include_usage", "invalid_type",
                        "Invalid type for 'stream_options.include_usage': expected a boolean."),
                field("\"tools\":{}", "tools", "invalid_type", "Invalid type for 'tools': expected an array of tools."),
                field("\"tools\":[\"f\"]", "tools[0]", "invalid_type", "Invalid type for 'tools[0]': expected an object."),
                field("\"tools\":[{\"type\":\"function\"}]", "tools[0].function", "missing_required_parameter",
                        "Missing required parameter: 'tools[0].function'."),
                field("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"\"}}]", "tools[0].function.name",
                        "invalid_type", "Invalid type for 'tools[0].function.name': expected a non-empty string."),
                field("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"description\":1}}]",
                        "tools[0].function.description", "invalid_type",
                        "Invalid type for 'tools[0].function.description': expected a string."),
                field("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":\"{}\"}}]",
                        "tools[0].function.parameters", "invalid_type",
                        "Invalid type for 'tools[0].function.parameters': expected a JSON Schema object."),
                field("\"tool_choice\":\"always\"", "tool_choice", "invalid_value",
                        "Invalid value for 'tool_choice': \"always\". Supported values are: 'auto', 'none', 'required'."),
                field("\"tool_choice\":1", "tool_choice", "invalid_type",
                        "Invalid type for 'tool_choice': expected a string or an object."),
                field("\"tool_choice\":{\"type\":\"function\",\"function\":{}}", "tool_choice.function.name",
                        "missing_required_parameter", "Missing required parameter: 'tool_choice.function.name'."),
                field("\"response_format\":\"json\"", "response_format", "invalid_type",
                        "Invalid type for 'response_format': expected an object."),
                field("\"response_format\":{}", "response_format.type", "missing_required_parameter",
                        "Missing required parameter: 'response_format.type'."),
                field("\"response_format\":{\"type\":\"yaml\"}", "response_format.type", "invalid_value",
                        "Invalid value for 'response_format.type': \"yaml\". Supported values are: 'text', "
                                + "'json_object', 'json_schema'."),
                field("\"response_format\":{\"type\":\"json_schema\"}", "response_format.json_schema",
                        "missing_required_parameter", "Missing required parameter: 'response_format.json_schema'."),
                field("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{}}}",
                        "response_format.json_schema.name", "missing_required_parameter",
                        "Missing required parameter: 'response_format.json_schema.name'."),
                field("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"a\",\"schema\":[]}}",
                        "response_format.json_schema.schema", "invalid_type",
                        "Invalid type for 'response_format.json_schema.schema': expected an object."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void failsNamingTheParameterAndTheProblem(String body, String param, String code, String message) {
        ChatRequestException e = catchThrowableOfType(ChatRequestException.class, () -> ChatRequestReader.read(body));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.param()).isEqualTo(param);
        assertThat(e.code()).isEqualTo(code);
        if (message != null) {
            assertThat(e.getMessage()).isEqualTo(message);
        }
    }

    private static Arguments invalid(String body, String param, String code, String message) {
        return arguments(body, param, code, message);
    }

    private static Arguments message(String message, String param, String code) {
        return arguments("{\"model\":\"m\",\"messages\":[" + message + "]}", param, code, null);
    }

    private static Arguments field(String field, String param, String code, String message) {
        return arguments("{\"model\":\"m\",\"messages\":[" + USER + "]," + field + "}", param, code, message);
    }
}
