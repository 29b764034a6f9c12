package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Key events made by traffic and by a rotation reach sheepdog_key_events_total: traffic in, /metrics out. */
class KeyEventsEndToEndTest {

    private static final String TOKEN = "key-events-admin-token";
    private static final ApiKey A = ApiKey.of("sk-events-a");
    private static final ApiKey B = ApiKey.of("sk-events-b");
    private static final ApiKey C = ApiKey.of("sk-events-c");
    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static WireMockExtension holySheep = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aKeyRateLimitedForOneModelIsCountedCoolingAndStillServesAnotherModel() throws Exception {
        holySheep.stubFor(post(urlEqualTo(COMPLETIONS)).withHeader("Authorization", equalTo("Bearer " + A.reveal()))
                .withRequestBody(matchingJsonPath("$.model", equalTo("deepseek-v3.2")))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        holySheep.stubFor(post(urlEqualTo(COMPLETIONS)).withHeader("Authorization", equalTo("Bearer " + A.reveal()))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1"))).willReturn(answer("from-a")));
        holySheep.stubFor(post(urlEqualTo(COMPLETIONS)).withHeader("Authorization", equalTo("Bearer " + B.reveal()))
                .willReturn(answer("from-b")));
        try (RunningGateway gateway = gateway(KeyPolicy.DEFAULT)) {
            assertThat(complete(gateway, "deepseek-v3.2")).isEqualTo("from-b");
            assertThat(complete(gateway, "gpt-4.1")).as("A rests for deepseek-v3.2 only").isEqualTo("from-a");

            assertThat(admin(gateway, "/metrics", null).body())
                    .contains("sheepdog_key_events_total{endpoint=\"holysheep\",kind=\"cooling\"} 1.0");
            JsonNode a = keyNamed(gateway, A);
            assertThat(a.path("state").asText()).isEqualTo("cooling");
            assertThat(a.path("cooling_models").has("deepseek-v3.2")).isTrue();
            assertThat(a.path("cooling_models").has("gpt-4.1")).isFalse();
        }
    }

    @Test
    void aRotatedOutKeyIsCountedRetired() throws Exception {
        holySheep.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        // No probation: the replaced key, carrying no stream, leaves at once.
        KeyPolicy noProbation = new KeyPolicy(Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        try (RunningGateway gateway = gateway(noProbation)) {
            HttpResponse<String> rotated = admin(gateway, "/admin/keys/holysheep/" + A.fingerprint() + "/rotate",
                    "{\"secret\":\"" + C.reveal() + "\"}");
            assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);

            assertThat(admin(gateway, "/metrics", null).body())
                    .contains("sheepdog_key_events_total{endpoint=\"holysheep\",kind=\"retired\"} 1.0");
        }
    }

    private static RunningGateway gateway(KeyPolicy policy) {
        return RunningGateway.with(RunningGateway.config(SimulatorSettings.DEFAULT, List.of(A.reveal(), B.reveal()),
                URI.create(holySheep.baseUrl() + "/v1"), StreamDeadlines.DEFAULT, Optional.of(TOKEN))
                .withKeyPolicy(policy));
    }

    private static String complete(RunningGateway gateway, String model) throws Exception {
        return SseClient.stream(gateway.baseUrl(), "{\"model\":\"" + model + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").content();
    }

    private static JsonNode keyNamed(RunningGateway gateway, ApiKey key) throws Exception {
        for (JsonNode node : new ObjectMapper().readTree(admin(gateway, "/admin/keys", null).body())
                .path("endpoints").path("holysheep")) {
            if (node.path("fingerprint").asText().equals(key.fingerprint())) {
                return node;
            }
        }
        throw new AssertionError("no key " + key.fingerprint());
    }

    private static HttpResponse<String> admin(RunningGateway gateway, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.baseUrl().getPort() + path))
                .header("Authorization", "Bearer " + TOKEN);
        request = body == null ? request.GET() : request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ResponseDefinitionBuilder answer(String text) {
        return aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},"
                        + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
    }
}
