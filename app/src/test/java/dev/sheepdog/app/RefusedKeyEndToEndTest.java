package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Through the real gateway: a refused completion disables its key only when the provider's GET /models refuses it too. */
class RefusedKeyEndToEndTest {

    private static final String TOKEN = "refusal-admin-token";
    private static final ApiKey PRIMARY = ApiKey.of("sk-primary-from-env");
    private static final ApiKey SECOND = ApiKey.of("sk-second-added");
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"deepseek-v3.2\",\"object\":\"model\"}]}";
    private static final String ANSWER = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    private static final String REQUEST = "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"something the provider will not answer\"}]}";

    @RegisterExtension
    static WireMockExtension holySheep = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRefusalTheProviderDoesNotConfirmOnGetModelsLeavesTheKeyActive() throws Exception {
        holySheep.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson(MODELS)));
        holySheep.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"refused\",\"code\":\"content_policy_violation\"}}")));
        try (RunningGateway gateway = gateway()) {
            HttpResponse<String> refused = complete(gateway);

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("permission_denied", "content_policy_violation");
            assertThat(keyStates(gateway)).containsExactly(PRIMARY.fingerprint() + "=active");
            holySheep.verify(1, getRequestedFor(urlEqualTo("/v1/models"))
                    .withHeader("Authorization", equalTo("Bearer " + PRIMARY.reveal())));
            assertThat(admin(gateway, "/metrics", null).body())
                    .contains("sheepdog_key_events_total{endpoint=\"holysheep\",kind=\"refusal_not_confirmed\"} 1.0");
        }
    }

    @Test
    void aRefusalGetModelsConfirmsDisablesTheKeyAndTheAddedKeyServesTheSameRequest() throws Exception {
        holySheep.stubFor(get(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + SECOND.reveal()))
                .willReturn(okJson(MODELS)));
        holySheep.stubFor(get(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + PRIMARY.reveal()))
                .willReturn(aResponse().withStatus(401)));
        holySheep.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + PRIMARY.reveal())).willReturn(aResponse().withStatus(401)));
        holySheep.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + SECOND.reveal()))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(ANSWER)));
        try (RunningGateway gateway = gateway()) {
            assertThat(admin(gateway, "/admin/keys/holysheep", "{\"secret\":\"" + SECOND.reveal() + "\"}").statusCode())
                    .isEqualTo(201);

            HttpResponse<String> served = complete(gateway);

            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).contains("\"content\":\"ok\"", "[DONE]");
            assertThat(keyStates(gateway)).containsExactly(PRIMARY.fingerprint() + "=disabled",
                    SECOND.fingerprint() + "=active");
            holySheep.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                    .withHeader("Authorization", equalTo("Bearer " + PRIMARY.reveal())));
            assertThat(admin(gateway, "/metrics", null).body())
                    .contains("sheepdog_key_events_total{endpoint=\"holysheep\",kind=\"refusal_confirmed\"} 1.0")
                    .contains("sheepdog_key_events_total{endpoint=\"holysheep\",kind=\"disabled\"} 1.0");
        }
    }

    // HOLYSHEEP_KEY_PRIMARY seeds the store, as in production.
    private static RunningGateway gateway() {
        return RunningGateway.with(RunningGateway.config(SimulatorSettings.DEFAULT, List.of(PRIMARY.reveal()),
                URI.create(holySheep.baseUrl() + "/v1"), StreamDeadlines.DEFAULT, Optional.of(TOKEN)));
    }

    private HttpResponse<String> complete(RunningGateway gateway) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<String> keyStates(RunningGateway gateway) throws Exception {
        List<String> states = new ArrayList<>();
        for (JsonNode key : new ObjectMapper().readTree(admin(gateway, "/admin/keys", null).body())
                .path("endpoints").path("holysheep")) {
            states.add(key.path("fingerprint").asText() + "=" + key.path("state").asText());
        }
        return states;
    }

    private HttpResponse<String> admin(RunningGateway gateway, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.baseUrl().getPort() + path))
                .header("Authorization", "Bearer " + TOKEN);
        request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
