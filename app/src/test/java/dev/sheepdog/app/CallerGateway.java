package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/**
 * A whole gateway in front of a real (WireMock) OpenAI-compatible provider, with an admin token:
 * what a gateway that must know its callers looks like, and the calls its tests make.
 */
final class CallerGateway implements AutoCloseable {

    static final String ADMIN_TOKEN = "callers-admin-token";
    static final String MODEL = "deepseek-v3.2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningGateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    private CallerGateway(RunningGateway gateway) {
        this.gateway = gateway;
    }

    /** A provider that answers every completion with one chunk and usage of these many tokens. */
    static void answerWithUsage(WireMockExtension provider, long promptTokens, long completionTokens) {
        provider.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson(
                "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL + "\",\"object\":\"model\"}]}")));
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL + "\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Xin chào\"},"
                        + "\"finish_reason\":null}]}\n\n"
                        + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL + "\","
                        + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                        + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}\n\ndata: [DONE]\n\n")));
    }

    static GatewayConfig config(WireMockExtension provider, AccessConfig access) {
        return RunningGateway.config(SimulatorSettings.DEFAULT, List.of("sk-operator-provider-key"),
                URI.create(provider.baseUrl() + "/v1"), StreamDeadlines.DEFAULT, Optional.of(ADMIN_TOKEN))
                .withAccess(access);
    }

    static CallerGateway start(GatewayConfig config) {
        return new CallerGateway(RunningGateway.with(config));
    }

    /** A gateway on a clock that stands still: no limit refills while the test runs, however slow the machine. */
    static CallerGateway startWithTimeStandingStill(GatewayConfig config) {
        return new CallerGateway(RunningGateway.with(config, java.time.Clock.fixed(java.time.Instant.now(),
                java.time.ZoneOffset.UTC)));
    }

    URI root() {
        return URI.create("http://127.0.0.1:" + gateway.baseUrl().getPort());
    }

    GatewayConfig config() {
        return gateway.config();
    }

    /** A streamed completion, with these extra headers (name, value, name, value, …). */
    HttpResponse<String> complete(String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root().resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + MODEL + "\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Viết một câu\"}]}"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> completeWithKey(String secret) {
        return complete("Authorization", "Bearer " + secret);
    }

    /** Makes a client key through the admin API; its JSON, secret included. */
    JsonNode addClient(String json) {
        HttpResponse<String> made = admin("POST", "/admin/clients", json);
        if (made.statusCode() != 201) {
            throw new IllegalStateException("could not add a client: " + made.body());
        }
        return parse(made.body());
    }

    HttpResponse<String> admin(String method, String path, String body) {
        return send(TextExchange.admin(root(), ADMIN_TOKEN, method, path, body));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String errorCode(HttpResponse<String> response) {
        return parse(response.body()).path("error").path("code").asText();
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return TextExchange.send(http, request);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
