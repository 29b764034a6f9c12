package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider key appears in no log line, no response and no error body, whatever the provider says. */
class SecretsNeverLeakTest {

    private static final String KEY = "sk-holysheep-live-4f9d2c7b1e8a6035";
    private static final StreamDeadlines QUICK = new StreamDeadlines(Duration.ofSeconds(1), Duration.ofMillis(500),
            Duration.ofMillis(500), Duration.ofSeconds(5));

    @RegisterExtension
    static WireMockExtension holySheep = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void theKeyIsNeverInALogLineOrAResponse() throws Exception {
        List<String> responses = new ArrayList<>();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try (RunningGateway gateway = RunningGateway.withProvider(URI.create(holySheep.baseUrl() + "/v1"), KEY, QUICK)) {
            for (String providerSays : providerAnswersThatQuoteTheKey()) {
                holySheep.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                        .withStatus(Integer.parseInt(providerSays.substring(0, 3)))
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(providerSays.substring(4))));
                responses.add(call(gateway, "/chat/completions", "{\"model\":\"m\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
            }
            holySheep.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withStatus(401)
                    .withBody("{\"error\":{\"message\":\"bad key " + KEY + "\"}}")));
            responses.add(call(gateway, "/models", null));
        } finally {
            System.setErr(standardError);
        }

        assertThat(responses).hasSize(6).allSatisfy(response -> assertThat(response).doesNotContain(KEY));
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("POST /v1/chat/completions").doesNotContain(KEY);
    }

    /** Each as "status body": errors quoting the key, in an error body and inside a stream. */
    private static List<String> providerAnswersThatQuoteTheKey() {
        String quoted = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"code\":\"invalid_api_key\"}}";
        return List.of(
                "401 " + quoted,
                "403 " + quoted,
                "400 " + quoted,
                "200 event: error\ndata: " + quoted + "\n\n",
                "200 data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\ndata: " + quoted + "\n\n");
    }

    private static String call(RunningGateway gateway, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path));
        request = body == null ? request.GET() : request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        return response.headers().map() + " " + response.body();
    }
}
