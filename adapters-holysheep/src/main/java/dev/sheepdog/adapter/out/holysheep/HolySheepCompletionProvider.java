package dev.sheepdog.adapter.out.holysheep;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.port.out.CompletionProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Streams completions from HolySheep, or any provider that speaks the OpenAI chat-completions wire
 * format, with the JDK's HTTP client: {@code POST {base}/chat/completions} and {@code GET {base}/models},
 * each endpoint's completions behind its own circuit breaker.
 */
public final class HolySheepCompletionProvider implements CompletionProvider {

    /** The provider name endpoints use to pick this adapter. */
    public static final String NAME = "openai";
    /** The largest SSE line or event, and the largest non-streaming completion, accepted from a provider. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

    private final Clock clock;
    private final int maxEventBytes;
    private final Map<EndpointId, HttpClient> clients = new ConcurrentHashMap<>();
    private final EndpointCircuits circuits;

    /** @param clock the time of {@code Retry-After} dates and of the circuits' open time */
    public HolySheepCompletionProvider(Clock clock, int maxEventBytes) {
        this(clock, maxEventBytes, new EndpointCircuits(clock));
    }

    public HolySheepCompletionProvider(Clock clock) {
        this(clock, DEFAULT_MAX_EVENT_BYTES);
    }

    HolySheepCompletionProvider(Clock clock, int maxEventBytes, EndpointCircuits circuits) {
        this.clock = requireNonNull(clock, "clock");
        this.maxEventBytes = maxEventBytes;
        this.circuits = requireNonNull(circuits, "circuits");
    }

    /** Refused at once, without a network call, while the endpoint's circuit is open. */
    @Override
    public CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        EndpointCircuit circuit = circuits.of(endpoint);
        if (!circuit.breaker().tryAcquirePermission()) {
            return CompletionStream.failed(circuit.refusal());
        }
        long permittedAt = System.nanoTime();
        try {
            return new CircuitGuardedStream(send(endpoint, key, request), circuit.breaker(), permittedAt);
        } catch (RuntimeException e) {
            // A request that could not even be sent says nothing about the endpoint; a half-open trial must not leak.
            circuit.breaker().releasePermission();
            throw e;
        }
    }

    /** Lets the call through an open circuit as a half-open trial, before its open time is over. */
    @Override
    public CompletionStream openTrial(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        circuits.of(endpoint).halfOpenEarly();
        return open(endpoint, key, request);
    }

    @Override
    public CircuitState circuitState(Endpoint endpoint) {
        return circuits.state(endpoint);
    }

    @Override
    public List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, Duration timeout) {
        HttpRequest http = authorized(endpoint, key, "/models").timeout(timeout).GET().build();
        Redaction redaction = Redaction.of(key);
        HttpResponse<byte[]> response;
        try {
            response = client(endpoint).send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
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
        endpoints.stream().filter(endpoint -> NAME.equals(endpoint.provider())).forEach(this::client);
    }

    private CompletionStream send(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        HttpRequest http = authorized(endpoint, key, "/chat/completions")
                .header("Content-Type", "application/json")
                .header("Accept", request.stream() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(UpstreamRequestBody.of(request)))
                .build();
        CompletableFuture<HttpResponse<ResponseBodyQueue>> response =
                client(endpoint).sendAsync(http, info -> new ResponseBodyQueue());
        BodyReader reader = request.stream() ? new SseBodyReader(maxEventBytes) : new WholeBodyReader(maxEventBytes);
        StreamDeadline deadline = new StreamDeadline(endpoint.deadlines(), System.nanoTime(), !request.stream());
        return new HolySheepStream(response, reader, deadline, key, clock);
    }

    private static HttpRequest.Builder authorized(Endpoint endpoint, ApiKey key, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(endpoint.baseUrl(), path));
        if (!key.isNone()) {
            builder.header("Authorization", "Bearer " + key.reveal());
        }
        return builder;
    }

    private static URI resolve(URI base, String path) {
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
