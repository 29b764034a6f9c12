package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.providers.BodyReader;
import dev.sheepdog.providers.ProviderHttp;
import dev.sheepdog.providers.SseBodyReader;
import dev.sheepdog.providers.WholeBodyReader;
import dev.sheepdog.wire.openai.ChatRequestWriter;
import dev.sheepdog.wire.openai.CompletionReader;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Streams completions from HolySheep, or any provider that speaks the OpenAI chat-completions wire
 * format: {@code POST {base}/chat/completions} and {@code GET {base}/models}, with the bearer key.
 * An OpenAI client's request goes out as it came, and the provider's chunks come back with their
 * bytes attached, so such a client receives them unchanged.
 */
public final class HolySheepCompletionProvider implements CompletionProvider {

    /** The provider name endpoints use to pick this adapter. */
    public static final String NAME = "openai";
    /** The largest SSE line or event, and the largest non-streaming completion, accepted from a provider. */
    public static final int DEFAULT_MAX_EVENT_BYTES = ProviderHttp.DEFAULT_MAX_EVENT_BYTES;

    private final ProviderHttp http;
    private final int maxEventBytes;

    /** @param clock the time of {@code Retry-After} dates */
    public HolySheepCompletionProvider(Clock clock, int maxEventBytes) {
        this.http = new ProviderHttp(clock);
        this.maxEventBytes = maxEventBytes;
    }

    public HolySheepCompletionProvider(Clock clock) {
        this(clock, DEFAULT_MAX_EVENT_BYTES);
    }

    @Override
    public CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        HttpRequest post = authorized(endpoint, key, "/chat/completions")
                .header("Content-Type", "application/json")
                .header("Accept", request.stream() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ChatRequestWriter.write(request)))
                .build();
        BodyReader reader = request.stream()
                ? new SseBodyReader(new OpenAiChunks(), maxEventBytes)
                : new WholeBodyReader(maxEventBytes, CompletionReader::read);
        return http.stream(endpoint, key, post, reader, request.stream());
    }

    @Override
    public List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, Duration timeout) {
        return http.listModels(endpoint, key, authorized(endpoint, key, "/models").GET().build(), timeout);
    }

    /** Builds the endpoints' HTTP clients ahead of the first request, which would otherwise wait for it. */
    @Override
    public void prepare(List<Endpoint> endpoints) {
        http.prepare(endpoints.stream().filter(endpoint -> NAME.equals(endpoint.provider())).toList());
    }

    private static HttpRequest.Builder authorized(Endpoint endpoint, ApiKey key, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(ProviderHttp.resolve(endpoint.baseUrl(), path));
        if (!key.isNone()) {
            builder.header("Authorization", "Bearer " + key.reveal());
        }
        return builder;
    }
}
