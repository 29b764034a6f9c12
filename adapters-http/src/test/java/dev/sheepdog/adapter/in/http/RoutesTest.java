package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The routes around the completion: the model list, the health check and what is not a route. */
@Timeout(20)
class RoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void listsTheModelsInOpenAiListFormat() throws Exception {
        gateway.models.offer(new ModelInfo("deepseek-chat", "holysheep-primary"), new ModelInfo("gpt-4o-mini", "canary"));

        HttpResponse<String> response = gateway.get("/v1/models");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                {"object":"list","data":[
                  {"id":"deepseek-chat","object":"model","created":0,"owned_by":"holysheep-primary"},
                  {"id":"gpt-4o-mini","object":"model","created":0,"owned_by":"canary"}]}"""));
    }

    @Test
    void listsNoModelsAsAnEmptyList() throws Exception {
        HttpResponse<String> response = gateway.get("/v1/models");

        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"object\":\"list\",\"data\":[]}"));
    }

    @Test
    void anUnreachableProviderIsAnUpstreamErrorNotAnEmptyList() throws Exception {
        gateway.models.failWith(CompletionFailure.of(FailureKind.UPSTREAM_UNAVAILABLE, "connection refused"));

        HttpResponse<String> response = gateway.get("/v1/models");

        assertThat(response.statusCode()).isBetween(502, 503);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText())
                .isEqualTo("upstream_unavailable");
        assertThat(JSON.readTree(response.body()).has("data")).isFalse();
    }

    @Test
    void answersTheHealthCheck() throws Exception {
        HttpResponse<String> response = gateway.get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"ok\"}"));
    }

    // OpenAI SDKs send Accept: application/json, to which Javalin would answer in its own JSON format.
    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"*/*", "application/json", "text/plain"})
    void answersAnUnknownRouteWith404InOpenAiFormat(String accept) throws Exception {
        HttpResponse<String> response = gateway.get("/v1/embeddings", "Accept", accept);

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(404, "invalid_request_error", null, "unknown_route"));
        assertThat(ErrorReply.messageOf(response)).contains("/v1/embeddings");
    }
}
