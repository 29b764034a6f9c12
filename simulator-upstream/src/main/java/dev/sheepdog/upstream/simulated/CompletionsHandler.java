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
import dev.sheepdog.wire.openai.ChatRequestException;
import dev.sheepdog.wire.openai.ChatRequestReader;
import dev.sheepdog.wire.openai.ChunkWriter;
import dev.sheepdog.wire.openai.CompletionWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** {@code POST /v1/chat/completions}: answers from the simulated model, its faults put on the wire. */
final class CompletionsHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger("sheepdog.simulate");
    private static final String PATH = "/v1/chat/completions";
    private static final int MAX_BODY_BYTES = 4 << 20;
    private static final Duration QUIET = Duration.ofMinutes(1);

    private final SimulatedCompletionProvider provider;
    private final KeyCheck keys;
    private final OpenStreams openStreams;
    private final Clock clock;

    CompletionsHandler(SimulatedCompletionProvider provider, KeyCheck keys, OpenStreams openStreams, Clock clock) {
        this.provider = provider;
        this.keys = keys;
        this.openStreams = openStreams;
        this.clock = clock;
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
        Optional<CompletionRequest> chat = read(exchange);
        if (chat.isEmpty()) {
            log(exchange, "-", "invalid", start);
            return;
        }
        CompletionRequest request = chat.get();
        // The endpoint and key mean nothing to the simulated model: the upstream checked the key itself.
        CompletionStream stream = provider.open(null, ApiKey.NONE, request);
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
        String id = "chatcmpl-sim-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        long created = clock.instant().getEpochSecond();
        if (!request.stream()) {
            return WholeAnswer.send(exchange, stream, first, new CompletionWriter(id, request.model(), created));
        }
        return new StreamingAnswer(stream, new ChunkWriter(id, request.model(), created), request.includeUsage(),
                faults.keepAliveEvery()).send(exchange, first);
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

    /** The request, or empty once a body that is too large or not a chat request was answered with a 4xx. */
    private static Optional<CompletionRequest> read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        OpenAiError refusal;
        if (body.length > MAX_BODY_BYTES) {
            refusal = new OpenAiError(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes.",
                    "invalid_request_error", null, "request_too_large");
        } else {
            try {
                return Optional.of(ChatRequestReader.read(new String(body, StandardCharsets.UTF_8)));
            } catch (ChatRequestException e) {
                refusal = OpenAiError.invalidRequest(e.getMessage(), e.param(), e.code());
            }
        }
        refusal.send(exchange);
        return Optional.empty();
    }

    private static void log(HttpExchange exchange, String model, String ending, long startNanos) {
        if (LOG.isLoggable(DEBUG)) {
            LOG.log(DEBUG, exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getResponseCode() + " model=" + model + " " + ending + " in "
                    + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
        }
    }
}
