package dev.sheepdog.providers;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP side of any provider adapter: the adapter builds the request (its URL, headers and
 * body) and reads the body ({@link BodyReader}); this sends it on the endpoint's own client and
 * gives back a {@link CompletionStream} with the endpoint's deadlines, cancellation, typed failures
 * for statuses and broken connections, and the key scrubbed from everything the provider wrote.
 */
public final class ProviderHttp {

    /** The largest SSE line or event, and the largest non-streaming answer, a provider is allowed by default. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

    private final Clock clock;
    private final Map<EndpointId, HttpClient> clients = new ConcurrentHashMap<>();

    /** @param clock the time {@code Retry-After} dates are measured against */
    public ProviderHttp(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Sends a completion request and streams its answer. Never throws for the provider's failure:
     * that is the stream's {@code Failed} event.
     *
     * @param key       the key the request carries, only so that it is scrubbed from what comes back
     * @param streaming whether the answer comes in chunks; a whole answer's progress is its bytes
     */
    public CompletionStream stream(Endpoint endpoint, ApiKey key, HttpRequest request, BodyReader reader,
                                   boolean streaming) {
        CompletableFuture<HttpResponse<ResponseBodyQueue>> response =
                client(endpoint).sendAsync(request, info -> new ResponseBodyQueue());
        StreamDeadline deadline = new StreamDeadline(endpoint.deadlines(), System.nanoTime(), !streaming);
        return new HttpCompletionStream(response, reader, deadline, key, clock);
    }

    /**
     * Sends a model-list request and reads its {@code {"data":[{"id":…,"owned_by":…}]}} answer (the
     * shape of both OpenAI's and Anthropic's lists), within {@code timeout}.
     *
     * @throws ProviderException when the key is refused, the endpoint unreachable or too slow
     */
    public List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, HttpRequest request, Duration timeout) {
        HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
        Redaction redaction = Redaction.of(key);
        HttpResponse<byte[]> response;
        try {
            response = client(endpoint).send(bounded, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(CompletionFailure.of(FailureKind.UPSTREAM_UNAVAILABLE,
                    "The provider did not list its models within " + timeout.toMillis() + " ms."));
        } catch (IOException e) {
            throw new ProviderException(ProviderFailures.beforeAnswer(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(CompletionFailure.of(FailureKind.CANCELLED, "Interrupted while listing models."));
        }
        if (response.statusCode() / 100 != 2) {
            throw new ProviderException(redaction.failure(ProviderFailures.fromStatus(response.statusCode(),
                    response.headers(), response.body(), clock.instant())));
        }
        return ModelListing.parse(response.body(), redaction);
    }

    /** Builds the endpoints' HTTP clients ahead of the first request, which would otherwise wait for it. */
    public void prepare(List<Endpoint> endpoints) {
        endpoints.forEach(this::client);
    }

    /** {@code path} appended to the endpoint's base URL, with or without its trailing slash. */
    public static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }

    /*
     * One client per endpoint: each has its own connect deadline, and its own pool of connections.
     * HTTP/1.1, as the OpenAI SDKs speak it: a stream is a connection, so a cancelled stream closes it.
     * The client's callbacks run on its own selector thread (they only hand buffers to a queue):
     * a hop to another thread per chunk cost a third of the gateway's CPU per request.
     */
    private HttpClient client(Endpoint endpoint) {
        return clients.computeIfAbsent(endpoint.id(), id -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.deadlines().connect())
                .executor(Runnable::run)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }
}
