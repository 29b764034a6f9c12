package dev.sheepdog.adapter.out.anthropic;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.providers.ProviderHttp;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** An Anthropic endpoint on a loopback server, the provider that speaks to it, and a request for it. */
final class AnthropicEndpoints {

    static final ApiKey KEY = ApiKey.of("sk-ant-api03-test-key-0123456789");

    private AnthropicEndpoints() {
    }

    /** @param baseUrl the server's root; the endpoint's base URL adds {@code /v1}, as Anthropic's does */
    static Endpoint at(String baseUrl) {
        return new Endpoint(new EndpointId("claude"), AnthropicCompletionProvider.NAME, URI.create(baseUrl + "/v1"),
                Set.of(), StreamDeadlines.DEFAULT);
    }

    static AnthropicCompletionProvider provider() {
        return new AnthropicCompletionProvider(new ProviderHttp(Clock.systemUTC()));
    }

    static CompletionRequest request() {
        return CompletionRequest.streaming("claude-sonnet-4-0", List.of(new ChatMessage(Role.USER, "List all U.S. states.")));
    }
}
