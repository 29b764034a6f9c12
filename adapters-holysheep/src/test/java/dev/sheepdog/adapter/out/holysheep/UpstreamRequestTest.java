package dev.sheepdog.adapter.out.holysheep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.model.Sampling;
import dev.sheepdog.domain.model.Verbatim;
import dev.sheepdog.wire.openai.OpenAiWire;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Usage;
import dev.sheepdog.domain.model.Endpoint;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What reaches the provider, and how its answers to plain requests are read. */
class UpstreamRequestTest {

    private static final ApiKey KEY = ApiKey.of("sk-holysheep-test-key");

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HolySheepCompletionProvider provider = new HolySheepCompletionProvider(Clock.systemUTC());

    @Test
    void sendsTheClientsRequestWithTheKeyAndAlwaysAsksForUsage() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: [DONE]\n\n")));
        String clientBody = """
                {"model":"deepseek","messages":[{"role":"user","content":[{"type":"text","text":"Xin chào"}],"name":"an"}],
                 "temperature":0.7,"max_tokens":64,"user":"user-42","stream":true,
                 "tools":[{"type":"function","function":{"name":"f","parameters":{}}}],
                 "response_format":{"type":"json_object"},"top_p":0.9,"seed":12345678901234567890}""";
        CompletionRequest request = new CompletionRequest("deepseek-v3.2", List.of(Requests.HELLO), Sampling.DEFAULT,
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true, false,
                Optional.of(new Verbatim(OpenAiWire.REQUEST, clientBody)));

        Streams.drain(provider.open(endpoint(), KEY, request));

        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY.reveal()))
                .withRequestBody(equalToJson("""
                        {"model":"deepseek-v3.2",
                         "messages":[{"role":"user","content":[{"type":"text","text":"Xin chào"}],"name":"an"}],
                         "temperature":0.7,"max_tokens":64,"user":"user-42","stream":true,
                         "stream_options":{"include_usage":true},
                         "tools":[{"type":"function","function":{"name":"f","parameters":{}}}],
                         "response_format":{"type":"json_object"},"top_p":0.9,"seed":12345678901234567890}""")));
    }

    @Test
    void forwardsANonStreamingRequestAsNonStreaming() throws Exception {
        String completion = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Chào bạn\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8}}";
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(completion)));

        List<CompletionEvent> events = Streams.drain(provider.open(endpoint(), KEY, Requests.whole()));

        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson("{\"model\":\"deepseek-v3.2\",\"stream\":false,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Xin chào\"}]}")));
        assertThat(events).containsExactly(
                new CompletionEvent.Chunk(List.of(new Delta.Start(Role.ASSISTANT), new Delta.Text("Chào bạn"),
                        new Delta.Finish(FinishReason.STOP)), Optional.of(new Verbatim(OpenAiWire.COMPLETION, completion))),
                new CompletionEvent.UsageReport(Usage.reported(5, 3), Optional.empty()),
                new CompletionEvent.End());
    }

    @Test
    void listsTheModelsTheKeyMayUse() {
        upstream.stubFor(get(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + KEY.reveal()))
                .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"deepseek-v3.2\",\"object\":\"model\","
                        + "\"owned_by\":\"holysheep\"},{\"id\":\"gpt-4.1\",\"object\":\"model\",\"owned_by\":\"openai\"}]}")));

        assertThat(provider.listModels(endpoint(), KEY, Duration.ofSeconds(5))).containsExactly(
                new ModelInfo("deepseek-v3.2", "holysheep"), new ModelInfo("gpt-4.1", "openai"));
    }

    @Test
    void aRefusedKeyCannotListModels() {
        upstream.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> provider.listModels(endpoint(), KEY, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.UPSTREAM_AUTH))
                .hasMessageNotContaining(KEY.reveal());
    }

    @Test
    void aProviderTooSlowToListModelsIsUnavailable() {
        upstream.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson("{\"data\":[]}").withFixedDelay(3000)));

        assertThatThrownBy(() -> provider.listModels(endpoint(), KEY, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE));
    }

    private static Endpoint endpoint() {
        return Streams.endpoint(URI.create(upstream.baseUrl() + "/v1/"));
    }
}
