package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Open circuits through the running gateway and two providers over HTTP: what is counted, and how a route recovers. */
class CircuitsEndToEndTest {

    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static WireMockExtension primary = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension canary = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void attemptsSkippedForAnOpenCircuitAreCountedAsSkippedAndOnlyWhatWasSentAsFailed() throws Exception {
        primary.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)));
        canary.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(answer("from-canary")));
        try (RoutedGateway gateway = RoutedGateway.start(yaml(), RunningGateway.freshDataDir())) {
            for (int i = 0; i < 20; i++) {
                assertThat(gateway.complete("writer-1")).isEqualTo("from-canary");
            }

            int sent = primary.findAll(postRequestedFor(urlEqualTo(COMPLETIONS))).size();
            assertThat(sent).isEqualTo(2);
            String metrics = gateway.admin("GET", "/metrics").body();
            assertThat(sum(metrics, "sheepdog_requests_total{endpoint=\"primary\"", "outcome=\"failed\"")).isEqualTo(sent);
            assertThat(sum(metrics, "sheepdog_skipped_attempts_total{endpoint=\"primary\"", "")).isEqualTo(20 - sent);
            assertThat(window(gateway, "primary").path("requests").asInt()).isEqualTo(sent);
        }
    }

    @Test
    void whenEveryCircuitIsOpenARecoveredPrimaryServesAgainBeforeItsOpenTimeIsOver() throws Exception {
        primary.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)));
        canary.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(answer("from-canary")));
        try (RoutedGateway gateway = RoutedGateway.start(yaml(), RunningGateway.freshDataDir())) {
            gateway.complete("writer-1");
            gateway.complete("writer-1"); // the primary's circuit opens first...
            canary.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)));
            assertThat(status(gateway)).isEqualTo(503); // ...then the canary's: one failure in its window of two
            assertThat(circuitOf(gateway, "primary")).isEqualTo("open");
            assertThat(circuitOf(gateway, "canary")).isEqualTo("open");

            primary.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(answer("from-primary")));

            assertThat(gateway.complete("writer-1")).isEqualTo("from-primary");
        }
    }

    private static int status(RoutedGateway gateway) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"deepseek-v3.2\",\"stream\":true,\"user\":\"writer-1\","
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The sum of the samples of a metric whose line starts so and contains that label. */
    private static long sum(String metrics, String start, String label) {
        return Math.round(metrics.lines().filter(line -> line.startsWith(start) && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum());
    }

    private static JsonNode window(RoutedGateway gateway, String endpoint) throws IOException, InterruptedException {
        return endpointNode(gateway, endpoint).path("window");
    }

    private static String circuitOf(RoutedGateway gateway, String endpoint) throws IOException, InterruptedException {
        return endpointNode(gateway, endpoint).path("circuit").asText();
    }

    private static JsonNode endpointNode(RoutedGateway gateway, String endpoint) throws IOException, InterruptedException {
        for (JsonNode node : gateway.traffic().path("endpoints")) {
            if (node.path("id").asText().equals(endpoint)) {
                return node;
            }
        }
        throw new AssertionError("no endpoint " + endpoint);
    }

    private static ResponseDefinitionBuilder answer(String text) {
        return aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},"
                        + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
    }

    // Two failures in a row open a circuit, for an hour: only a trial can let a request through meanwhile.
    private static String yaml() {
        String circuit = """
                    circuit_breaker:
                      failure_rate_percent: 50
                      window: 2
                      minimum_calls: 2
                      open_for: 1h
                      trial_calls: 1
                """;
        return """
                endpoints:
                  - id: primary
                    base_url: %s/v1
                    role: primary
                %s  - id: canary
                    base_url: %s/v1
                    role: canary
                    weight: 0.0
                %scanary:
                  interval: 1h
                """.formatted(primary.baseUrl(), circuit, canary.baseUrl(), circuit);
    }
}
