package dev.sheepdog.adapter.out.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.sheepdog.domain.port.out.CompletionProviderContract.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.sheepdog.adapter.out.anthropic.fixtures.AnthropicRecordedStreams;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.model.ResponseFormat;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Sampling;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicCompletionProviderTest {

    private final WireMockServer upstream = new WireMockServer(options().dynamicPort());
    private final AnthropicCompletionProvider provider = AnthropicEndpoints.provider();

    AnthropicCompletionProviderTest() {
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop();
    }

    @Test
    void streamsARecordedAnswerAuthenticatedWithTheApiKeyHeaderAndTheApiVersion() throws InterruptedException {
        answer(stream("anthropic-claude-sonnet-4-max-tokens.sse"));

        ReconstructedStream answer = ReconstructedStream.of(open(AnthropicEndpoints.request()));

        assertThat(answer.content()).isEqualTo(AnthropicRecordedStreams
                .expected("anthropic-claude-sonnet-4-max-tokens.sse").get("content").asText());
        assertThat(answer.finishes()).containsExactly(FinishReason.LENGTH);
        upstream.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(AnthropicEndpoints.KEY.reveal()))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("content-type", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("4096"))));
    }

    @Test
    void aRefusedKeyIsAnUpstreamAuthFailure() throws InterruptedException {
        answer(error(401, "authentication_error", "invalid x-api-key"));

        assertThat(failureOf(open(AnthropicEndpoints.request())).kind()).isEqualTo(FailureKind.UPSTREAM_AUTH);
    }

    @Test
    void anOverloaded529BeforeTheFirstTokenIsRetryable() throws InterruptedException {
        answer(error(529, "overloaded_error", "Overloaded"));

        CompletionFailure failure = failureOf(open(AnthropicEndpoints.request()));

        assertThat(failure.kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.upstreamStatus()).isEqualTo(529);
        assertThat(failure.upstreamCode()).contains("overloaded_error");
    }

    @Test
    void anOverloadedErrorMidStreamFailsAfterTheChunksAlreadySent() throws InterruptedException {
        answer(stream("anthropic-mock-claude-3-haiku-overloaded-error-midstream.sse"));

        List<CompletionEvent> events = open(AnthropicEndpoints.request());

        assertThat(ReconstructedStream.of(events).content()).isEqualTo("Hello");
        assertThat(events.getFirst()).isInstanceOf(CompletionEvent.Chunk.class);
        assertThat(failureOf(events).kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE);
        assertThat(failureOf(events).message()).isEqualTo("Overloaded");
    }

    @Test
    void aRateLimitCarriesTheWaitTheProviderAskedFor() throws InterruptedException {
        answer(error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")
                .withHeader("retry-after", "7"));

        CompletionFailure failure = failureOf(open(AnthropicEndpoints.request()));

        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void anInvalidRequestPassesOnAnthropicsMessage() throws InterruptedException {
        answer(error(400, "invalid_request_error", "max_tokens: 100000 > 64000, which is the maximum"));

        CompletionFailure failure = failureOf(open(AnthropicEndpoints.request()));

        assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.message()).isEqualTo("max_tokens: 100000 > 64000, which is the maximum");
    }

    @Test
    void refusesAResponseFormatWithoutCallingAnthropic() throws InterruptedException {
        CompletionRequest json = new CompletionRequest("claude-sonnet-4-0", List.of(new ChatMessage(Role.USER, "hi")),
                Sampling.DEFAULT, List.of(), Optional.empty(), Optional.of(ResponseFormat.JSON_OBJECT),
                Optional.empty(), Optional.empty(), true, false, Optional.empty());

        CompletionFailure failure = failureOf(open(json));

        assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(failure.message()).contains("Anthropic endpoints do not support response_format");
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void listsModelsWithTheSameHeaders() {
        upstream.stubFor(get("/v1/models?limit=1000").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json")
                .withBody("{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5-20250929\","
                        + "\"display_name\":\"Claude Sonnet 4.5\",\"created_at\":\"2025-09-29T00:00:00Z\"},"
                        + "{\"type\":\"model\",\"id\":\"claude-haiku-4-5-20251001\",\"display_name\":\"Claude Haiku 4.5\"}],"
                        + "\"has_more\":false,\"first_id\":\"claude-sonnet-4-5-20250929\",\"last_id\":\"claude-haiku-4-5-20251001\"}")));

        List<ModelInfo> models = provider.listModels(endpoint(), AnthropicEndpoints.KEY, Duration.ofSeconds(5));

        assertThat(models).containsExactly(new ModelInfo("claude-sonnet-4-5-20250929", "anthropic"),
                new ModelInfo("claude-haiku-4-5-20251001", "anthropic"));
        upstream.verify(getRequestedFor(urlEqualTo("/v1/models?limit=1000"))
                .withHeader("x-api-key", equalTo(AnthropicEndpoints.KEY.reveal()))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void aKeyTheModelListRefusesIsAnUpstreamAuthFailure() {
        upstream.stubFor(get("/v1/models?limit=1000").willReturn(error(401, "authentication_error", "invalid x-api-key")));

        assertThatThrownBy(() -> provider.listModels(endpoint(), AnthropicEndpoints.KEY, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.UPSTREAM_AUTH));
    }

    private List<CompletionEvent> open(CompletionRequest request) throws InterruptedException {
        return drain(provider.open(endpoint(), AnthropicEndpoints.KEY, request));
    }

    private Endpoint endpoint() {
        return AnthropicEndpoints.at(upstream.baseUrl());
    }

    private void answer(ResponseDefinitionBuilder response) {
        upstream.stubFor(post("/v1/messages").willReturn(response));
    }

    private static ResponseDefinitionBuilder stream(String recorded) {
        return aResponse().withStatus(200).withHeader("content-type", "text/event-stream")
                .withBody(AnthropicRecordedStreams.body(recorded));
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("content-type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                        + "\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}");
    }

    private static CompletionFailure failureOf(List<CompletionEvent> events) {
        assertThat(events.getLast()).isInstanceOf(Failed.class);
        return ((Failed) events.getLast()).failure();
    }
}
