package dev.sheepdog.upstream.simulated;

import static dev.sheepdog.upstream.simulated.UpstreamFixtures.INSTANT;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.body;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.json;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.post;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.ApiKey;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The non-streaming answer, the model list and the errors, all in OpenAI's shapes. */
class SimulatedUpstreamRoutesTest {

    private SimulatedUpstreamServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersANonStreamingRequestWithOneChatCompletion() throws Exception {
        server = UpstreamFixtures.start(INSTANT);

        HttpResponse<String> response = send(post(server, body(false, "")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode completion = json(response.body());
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(completion.at("/choices/0/message/content").asText()).isNotBlank();
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void listsItsModelsInOpenAisListFormat() throws Exception {
        server = UpstreamFixtures.start(INSTANT);

        HttpResponse<String> response = send(get("/v1/models"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json(response.body());
        assertThat(list.path("object").asText()).isEqualTo("list");
        assertThat(list.path("data")).extracting(model -> model.path("id").asText())
                .containsExactlyElementsOf(INSTANT.models());
        assertThat(list.path("data")).allSatisfy(model -> {
            assertThat(model.path("object").asText()).isEqualTo("model");
            assertThat(model.path("owned_by").asText()).isNotBlank();
        });
    }

    @Test
    void refusesAnUnknownModelWith404() throws Exception {
        server = UpstreamFixtures.start(INSTANT);

        HttpResponse<String> response = send(post(server, body(true, "").replace("gpt-4.1", "gpt-9")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertOpenAiError(response.body(), "model_not_found");
    }

    @Test
    void refusesABodyThatIsNotJsonOrLacksMessagesWith400() throws Exception {
        server = UpstreamFixtures.start(INSTANT);

        HttpResponse<String> notJson = send(post(server, "{\"model\": "));
        HttpResponse<String> noMessages = send(post(server, "{\"model\":\"gpt-4.1\",\"messages\":[]}"));
        HttpResponse<String> badRole = send(post(server, body(true, "").replace("\"user\"", "\"robot\"")));

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertOpenAiError(notJson.body(), "invalid_json");
        assertThat(noMessages.statusCode()).isEqualTo(400);
        assertThat(json(noMessages.body()).at("/error/param").asText()).isEqualTo("messages");
        assertThat(badRole.statusCode()).isEqualTo(400);
    }

    // wire-openai's reader, shared with the gateway, names a missing model and empty messages more
    // precisely than the simulator's own parser did (missing_required_parameter, empty_array).
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"model\": | invalid_json | ",
        "[1, 2] | invalid_type | ",
        "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]} | missing_required_parameter | model",
        "{\"model\": \"m\", \"messages\": []} | empty_array | messages",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"robot\"}]} | invalid_value | messages[0].role",
        "{\"model\": \"m\", \"max_tokens\": 0, \"messages\": [{\"role\": \"user\"}]} | invalid_value | max_tokens",
        "{\"model\": \"m\", \"stream\": \"yes\", \"messages\": [{\"role\": \"user\"}]} | invalid_type | stream"})
    void refusesABodyOpenAisReaderRefusesNamingWhatIsWrong(String body, String code, String param) throws Exception {
        server = UpstreamFixtures.start(INSTANT);

        HttpResponse<String> response = send(post(server, body));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("param").isNull() ? null : error.path("param").asText()).isEqualTo(param);
    }

    @Test
    void acceptsAnyKeyUnlessOneIsRequired() throws Exception {
        server = new SimulatedUpstreamServer(INSTANT, Optional.of(ApiKey.of("sk-demo")), Clock.systemUTC())
                .start("127.0.0.1", 0);
        HttpRequest.Builder models = HttpRequest.newBuilder(server.baseUri().resolve("/v1/models"));

        HttpResponse<String> wrong = send(post(server, body(false, "")));
        HttpResponse<String> none = send(models.copy().build());
        HttpResponse<String> right = send(models.copy().header("Authorization", "Bearer sk-demo").build());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertOpenAiError(wrong.body(), "invalid_api_key");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
    }

    @Test
    void answersUnknownPathsAndMethodsInOpenAisErrorShape() throws Exception {
        server = UpstreamFixtures.start(INSTANT);

        HttpResponse<String> unknown = send(get("/v1/embeddings"));
        HttpResponse<String> get = send(get("/v1/chat/completions"));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertOpenAiError(unknown.body(), "unknown_url");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(server.baseUri().resolve(path)).build();
    }

    static void assertOpenAiError(String body, String code) throws Exception {
        JsonNode error = json(body).path("error");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("type").asText()).isNotBlank();
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("code").asText()).isEqualTo(code);
    }
}
