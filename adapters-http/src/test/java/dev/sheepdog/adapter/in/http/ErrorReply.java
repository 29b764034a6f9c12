package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * What a client learns from an OpenAI-style error response: the status and the error's type,
 * param and code. Reading one checks the shape every such response must have.
 */
record ErrorReply(int status, String type, String param, String code) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ErrorReply of(HttpResponse<String> response) throws JsonProcessingException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = errorObject(response.body());
        return new ErrorReply(response.statusCode(), error.get("type").asText(),
                error.get("param").isNull() ? null : error.get("param").asText(), error.get("code").asText(null));
    }

    /** The {@code error} object of a body (or an SSE error event's data), checked for OpenAI's four fields. */
    static JsonNode errorObject(String body) throws JsonProcessingException {
        JsonNode error = JSON.readTree(body).get("error");
        assertThat(error).as("the error object of %s", body).isNotNull();
        assertThat(error.properties()).extracting(Map.Entry::getKey)
                .as("fields of %s", body).contains("message", "type", "param", "code");
        assertThat(error.get("message").asText()).as("message of %s", body).isNotBlank()
                .doesNotContain("Exception").doesNotContain("\tat ");
        return error;
    }

    static String messageOf(HttpResponse<String> response) throws JsonProcessingException {
        return errorObject(response.body()).get("message").asText();
    }
}
