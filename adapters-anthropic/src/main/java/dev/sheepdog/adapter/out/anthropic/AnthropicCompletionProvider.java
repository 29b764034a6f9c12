package dev.sheepdog.adapter.out.anthropic;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.providers.ProviderHttp;
import dev.sheepdog.providers.SseBodyReader;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Anthropic's Messages API as a {@link CompletionProvider}: {@code POST {baseUrl}/messages}, always
 * streamed, read into neutral events (no client speaks Anthropic's format, so none are verbatim);
 * keys are checked with {@code GET {baseUrl}/models}. The base URL includes the version path, e.g.
 * {@code https://api.anthropic.com/v1}.
 */
public final class AnthropicCompletionProvider implements CompletionProvider {

    /** The name endpoints give this provider in {@code sheepdog.yaml}. */
    public static final String NAME = "anthropic";
    /** The API version every request names; the event shapes read here are this version's. */
    public static final String API_VERSION = "2023-06-01";
    public static final int DEFAULT_MAX_TOKENS = AnthropicRequestWriter.DEFAULT_MAX_TOKENS;
    // The most models one listing returns: Anthropic pages its list, 20 by default.
    private static final String MODELS_PATH = "/models?limit=1000";

    private final ProviderHttp http;
    private final AnthropicRequestWriter writer;
    private final int maxEventBytes;

    /** @param defaultMaxTokens the {@code max_tokens} sent for a request that sets none (the API requires it) */
    public AnthropicCompletionProvider(ProviderHttp http, int defaultMaxTokens, int maxEventBytes) {
        this.http = requireNonNull(http, "http");
        this.writer = new AnthropicRequestWriter(defaultMaxTokens);
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("the largest event must be at least one byte: " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
    }

    /** With the default {@code max_tokens} (4096) and event size cap (1 MiB). */
    public AnthropicCompletionProvider(ProviderHttp http) {
        this(http, DEFAULT_MAX_TOKENS, ProviderHttp.DEFAULT_MAX_EVENT_BYTES);
    }

    /** A request Anthropic cannot express (a response format) fails at once, before any network call. */
    @Override
    public CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        byte[] body;
        try {
            body = writer.write(request);
        } catch (UntranslatableRequestException e) {
            return CompletionStream.failed(new CompletionFailure(FailureKind.INVALID_REQUEST, e.getMessage(), 0,
                    Optional.empty(), Optional.empty()));
        }
        HttpRequest upstream = headers(HttpRequest.newBuilder(ProviderHttp.resolve(endpoint.baseUrl(), "/messages")),
                key)
                .header("content-type", "application/json")
                .header("accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.stream(endpoint, key, upstream, new SseBodyReader(new AnthropicEventReader(), maxEventBytes), true);
    }

    /** Anthropic's list names no owner; every model it lists is Anthropic's. */
    @Override
    public List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, Duration timeout) {
        HttpRequest request = headers(HttpRequest.newBuilder(ProviderHttp.resolve(endpoint.baseUrl(), MODELS_PATH)),
                key).GET().build();
        return http.listModels(endpoint, key, request, timeout).stream()
                .map(model -> model.ownedBy().isEmpty() ? new ModelInfo(model.id(), NAME) : model)
                .toList();
    }

    /** Builds the HTTP clients of this provider's endpoints ahead of their first request. */
    @Override
    public void prepare(List<Endpoint> endpoints) {
        http.prepare(endpoints.stream().filter(endpoint -> NAME.equals(endpoint.provider())).toList());
    }

    // Anthropic authenticates with x-api-key, never an Authorization header.
    private static HttpRequest.Builder headers(HttpRequest.Builder builder, ApiKey key) {
        builder.header("anthropic-version", API_VERSION);
        if (!key.isNone()) {
            builder.header("x-api-key", key.reveal());
        }
        return builder;
    }
}
