package dev.sheepdog.adapter.out.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sheepdog.adapter.out.anthropic.fixtures.AnthropicRecordedStreams;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import org.junit.jupiter.api.AfterEach;

/** The Anthropic adapter keeps every promise of a {@link CompletionProvider}, against a scripted Messages API. */
class AnthropicCompletionProviderContractTest extends CompletionProviderContract {

    private final WireMockServer upstream = new WireMockServer(options().dynamicPort());

    AnthropicCompletionProviderContractTest() {
        upstream.start();
        upstream.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "text/event-stream")
                .withBody(AnthropicRecordedStreams.body("anthropic-claude-sonnet-4-max-tokens.sse"))));
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop();
    }

    @Override
    protected CompletionProvider createProvider() {
        return AnthropicEndpoints.provider();
    }

    @Override
    protected Endpoint endpoint() {
        return AnthropicEndpoints.at(upstream.baseUrl());
    }

    @Override
    protected CompletionRequest request() {
        return AnthropicEndpoints.request();
    }

    @Override
    protected ApiKey key() {
        return AnthropicEndpoints.KEY;
    }
}
