package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sheepdog.domain.model.ModelInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A frontend served from another site may call the API only when its origin is allowed. */
@Timeout(20)
class CorsTest {

    private static final String WRITER = "https://writer.example.com";

    private final HttpClient client = HttpClient.newHttpClient();
    private final FakeModels models = new FakeModels();
    private JavalinHttpServer server;

    @AfterEach
    void stop() {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noOriginIsAllowedByDefault() throws Exception {
        start(List.of());

        HttpResponse<String> preflight = preflight(WRITER);

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anAllowedOriginMayCallTheCompletionsRouteAndReadTheRetryHeaders() throws Exception {
        start(List.of(WRITER));

        HttpResponse<String> preflight = preflight(WRITER);
        HttpResponse<String> models = client.send(HttpRequest.newBuilder(uri("/v1/models")).header("Origin", WRITER)
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WRITER);
        assertThat(models.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WRITER);
        assertThat(models.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed.toLowerCase()).contains("retry-after"));
    }

    @Test
    void anotherOriginIsNotAllowed() throws Exception {
        start(List.of(WRITER));

        assertThat(preflight("https://evil.example.net").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aRequestFromAnotherOriginIsRefusedBeforeItsRouteRuns() throws Exception {
        models.offer(new ModelInfo("secret-model", "sheepdog"));
        start(List.of(WRITER));

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/v1/models"))
                .header("Origin", "https://evil.example.net").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(403, "permission_denied", null, "origin_not_allowed"));
        assertThat(response.body()).doesNotContain("secret-model");
    }

    @Test
    void theGatewaysOwnPagesMayCallItWhenOtherOriginsAreAllowed() throws Exception {
        models.offer(new ModelInfo("m", "sheepdog"));
        start(List.of(WRITER));

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/v1/models"))
                .header("Origin", "http://127.0.0.1:" + server.port()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"m\"");
    }

    @Test
    void anOriginMustBeASchemeAndHost() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings(List.of("writer.example.com")));
        assertThatIllegalArgumentException().isThrownBy(() -> settings(List.of("https://writer.example.com/app")));
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(CompletionRoutes.PATH)).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void start(List<String> origins) {
        server = new JavalinHttpServer(settings(origins), new FakeCompletions(), models).start();
    }

    private static HttpSettings settings(List<String> origins) {
        return new HttpSettings("127.0.0.1", 0, 4096, Duration.ofSeconds(1), Duration.ofMillis(200), origins);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
