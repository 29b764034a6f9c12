package dev.sheepdog.upstream.simulated;

import static java.lang.System.Logger.Level.DEBUG;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import dev.sheepdog.adapter.out.simulator.SimulatorFaults;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code POST /v1/chat/completions}: answers from the simulated model, its faults put on the wire. */
final class CompletionsHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger("sheepdog.simulate");
    private static final String PATH = "/v1/chat/completions";
    private static final int MAX_BODY_BYTES = 4 << 20;
    private static final Duration QUIET = Duration.ofMinutes(1);
    // The simulator ignores the endpoint and the key; the provider port just asks for them.
    private static final Endpoint ENDPOINT = new Endpoint(new EndpointId("simulate"), SimulatedCompletionProvider.NAME,
            URI.create("http://localhost/v1"), Set.of(), StreamDeadlines.DEFAULT);

    private final SimulatedCompletionProvider provider;
    private final KeyCheck keys;
    private final OpenStreams openStreams;

    CompletionsHandler(SimulatedCompletionProvider provider, KeyCheck keys, OpenStreams openStreams) {
        this.provider = provider;
        this.keys = keys;
        this.openStreams = openStreams;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        Optional<OpenAiError> refusal = refusal(exchange);
        if (refusal.isPresent()) {
            refusal.get().send(exchange);
            log(exchange, "-", "refused", start);
            return;
        }
        CompletionRequest request;
        try {
            request = ChatRequestJson.read(body(exchange));
        } catch (InvalidRequestException e) {
            e.error().send(exchange);
            log(exchange, "-", "invalid", start);
            return;
        }
        CompletionStream stream = provider.open(ENDPOINT, ApiKey.NONE, request);
        openStreams.add(stream);
        String ending = "client-left";
        try {
            ending = answer(exchange, request, stream);
        } catch (ConnectionCut e) {
            ending = e.getMessage();
            throw e; // the server then drops the connection without ending the body
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionCut("interrupted");
        } finally {
            stream.close();
            openStreams.remove(stream);
            log(exchange, request.model(), ending, start);
        }
    }

    private String answer(HttpExchange exchange, CompletionRequest request, CompletionStream stream)
            throws IOException, InterruptedException {
        Optional<CompletionEvent> first = stream.poll(Duration.ZERO);
        if (first.orElse(null) instanceof CompletionEvent.Failed failed && failed.failure().upstreamStatus() > 0) {
            OpenAiError.from(failed.failure()).send(exchange);
            return "status";
        }
        SimulatorFaults faults = provider.settings().faults();
        if (faults.hangBeforeFirstToken()) {
            // Not even headers: a dead upstream. With nothing written, the JDK server cannot notice the
            // client leaving, so only the server stopping ends the wait.
            Optional<CompletionEvent> end = Optional.empty();
            while (end.isEmpty()) {
                end = stream.poll(QUIET);
            }
            throw new ConnectionCut("the server is stopping");
        }
        if (!request.stream()) {
            return WholeAnswer.send(exchange, stream, first);
        }
        return new StreamingAnswer(stream, request.includeUsage(), faults.keepAliveEvery()).send(exchange, first);
    }

    private Optional<OpenAiError> refusal(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        if (!PATH.equals(path)) {
            return Optional.of(OpenAiError.notFound(path));
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            return Optional.of(OpenAiError.methodNotAllowed(exchange.getRequestMethod(), path));
        }
        return keys.allows(exchange) ? Optional.empty() : Optional.of(OpenAiError.invalidKey());
    }

    private static byte[] body(HttpExchange exchange) throws IOException, InvalidRequestException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new InvalidRequestException(new OpenAiError(413, "The request body is larger than "
                    + MAX_BODY_BYTES + " bytes.", "invalid_request_error", null, "request_too_large"));
        }
        return body;
    }

    private static void log(HttpExchange exchange, String model, String ending, long startNanos) {
        if (LOG.isLoggable(DEBUG)) {
            LOG.log(DEBUG, exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getResponseCode() + " model=" + model + " " + ending + " in "
                    + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
        }
    }
}
