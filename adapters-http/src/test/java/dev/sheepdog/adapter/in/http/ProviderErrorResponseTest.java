package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.chunk;
import static dev.sheepdog.adapter.in.http.Events.failed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RawJson;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provider's own error object reaches the client: as the error itself when it is the provider's
 * answer to the request (with Sheepdog's fields under {@code sheepdog}), beside Sheepdog's error under
 * {@code provider} when the failure is the gateway's verdict on the provider.
 */
@Timeout(20)
class ProviderErrorResponseTest {

    // Groq's tool_use_failed, as it ends a stream with event: error
    private static final String GROQ = "{\"message\":\"Tool call validation failed\",\"type\":\"invalid_request_error\","
            + "\"code\":\"tool_use_failed\",\"failed_generation\":\"{\\\"name\\\": \\\"f\\\"}\",\"status_code\":400}";

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void anErrorEventMidStreamIsTheProvidersObjectWithSheepdogsFieldsBesideIt() throws Exception {
        gateway.completions.answerWith(chunk("{\"n\":1}"),
                failed(failure(FailureKind.UPSTREAM_ERROR, 0, "tool_use_failed", GROQ)));

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            String event = frames.remainingEvents().get(1);
            JsonNode error = ErrorReply.errorObject(event.substring("event: error\ndata: ".length()));

            assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.get("code").asText()).isEqualTo("tool_use_failed");
            assertThat(error.get("message").asText()).isEqualTo("Tool call validation failed");
            assertThat(error.get("failed_generation").asText()).isEqualTo("{\"name\": \"f\"}");
            assertThat(error.get("status_code").asInt()).isEqualTo(400);
            assertThat(error.get("param").isNull()).isTrue();
            assertThat(error.path("sheepdog").path("type").asText()).isEqualTo("upstream_error");
            assertThat(error.path("sheepdog").path("code").asText()).isEqualTo("tool_use_failed");
        }
    }

    @Test
    void fillsInTheOpenAiFieldsTheProviderLeftOut() throws Exception {
        // OpenRouter's error beside choices: a numeric code, no type
        gateway.completions.answerWith(chunk("{\"n\":1}"), failed(failure(FailureKind.UPSTREAM_ERROR, 0, "400",
                "{\"code\":400,\"message\":\"Token limit reached\"}")));

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            String event = frames.remainingEvents().get(1);
            JsonNode error = ErrorReply.errorObject(event.substring("event: error\ndata: ".length()));

            assertThat(error.get("code").asInt()).isEqualTo(400);
            assertThat(error.get("type").asText()).isEqualTo("upstream_error");
            assertThat(error.get("message").asText()).isEqualTo("Token limit reached");
        }
    }

    @Test
    void aRejectedRequestBeforeTheStreamIsTheProvidersObjectWithItsStatus() throws Exception {
        gateway.completions.answerWith(failed(failure(FailureKind.INVALID_REQUEST, 400, "tool_use_failed", GROQ)));

        HttpResponse<String> response = gateway.post(Bodies.streaming());

        assertThat(ErrorReply.of(response)).isEqualTo(
                new ErrorReply(400, "invalid_request_error", null, "tool_use_failed"));
        JsonNode error = ErrorReply.errorObject(response.body());
        assertThat(error.get("failed_generation").asText()).isEqualTo("{\"name\": \"f\"}");
        assertThat(error.path("sheepdog").path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void aFailureOfTheGatewaysKeyIsSheepdogsErrorWithTheProvidersObjectUnderProvider() throws Exception {
        String openAi = "{\"message\":\"Incorrect API key provided: [key 1a2b3c4d]\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":\"invalid_api_key\"}";
        gateway.completions.answerWith(failed(failure(FailureKind.UPSTREAM_AUTH, 401, "invalid_api_key", openAi)));

        HttpResponse<String> response = gateway.post(Bodies.streaming());

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(502, "upstream_auth", null, "upstream_auth_failed"));
        JsonNode provider = ErrorReply.errorObject(response.body()).get("provider");
        assertThat(provider.get("code").asText()).isEqualTo("invalid_api_key");
        assertThat(provider.get("message").asText()).startsWith("Incorrect API key provided");
    }

    private static CompletionFailure failure(FailureKind kind, int status, String code, String providerError) {
        return new CompletionFailure(kind, "Sheepdog's words for " + kind + ".", status, Optional.of(code),
                Optional.empty(), Optional.of(new RawJson(providerError)));
    }
}
